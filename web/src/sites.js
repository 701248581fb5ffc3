// Radio sites on their own canvas (above the settlement points): a small mast triangle per site and, from zoom 8,
// a short tick per sector in its azimuth. Same canvas mechanics as the points layer (projected once, drawn per
// view), so thousands of sites stay smooth. Takes no pointer events: hover and click come through map events.
import { PointsLayer } from './points.js';

const L = window.L;
const TAU = Math.PI * 2;
const DEG = Math.PI / 180;

/** Sector tick colours by technology. */
export const SECTOR_COLORS = { '4G': '#0f8a7e', '5G': '#2563eb', other: '#64748b' };
export const SITE_COLOR = '#1f2933';
export const TICKS_FROM_ZOOM = 8;

/** Half-height of the triangle, px, by zoom. */
function siteSize(zoom) {
  return zoom < 5.5 ? 3.6 : zoom < 7 ? 4.4 : zoom < 9 ? 5.4 : 6.4;
}

function tickLength(zoom) {
  return zoom < 9 ? 10 : zoom < 10 ? 14 : 19;
}

export const SitesLayer = PointsLayer.extend({
  options: {
    pane: 'dalaSites',
    zIndex: 460,
    padding: 0.1,
  },

  initialize(options) {
    PointsLayer.prototype.initialize.call(this, options);
    this._sectors = [];   // per site: [{az, tech}]
  },

  onAdd(map) {
    if (!map.getPane(this.options.pane)) {
      const pane = map.createPane(this.options.pane);
      pane.style.zIndex = this.options.zIndex;
      pane.style.pointerEvents = 'none';
    }
    PointsLayer.prototype.onAdd.call(this, map);
  },

  /** @param {{lat:number, lon:number, sectors:{azimuthDeg:number, technology:string}[]}[]} sites */
  setData(sites) {
    const n = sites.length;
    this._n = n;
    this._px = new Float64Array(n);
    this._py = new Float64Array(n);
    this._r = new Float32Array(n);
    this._group = new Uint8Array(n);
    this._visible = new Uint8Array(n).fill(1);
    this._sectors = new Array(n);
    const crs = L.CRS.EPSG3857;
    for (let i = 0; i < n; i++) {
      const p = crs.latLngToPoint(L.latLng(sites[i].lat, sites[i].lon), 0);
      this._px[i] = p.x;
      this._py[i] = p.y;
      this._sectors[i] = (sites[i].sectors || [])
        .filter(c => Number.isFinite(+c.azimuthDeg))
        .map(c => ({ az: +c.azimuthDeg * DEG, tech: c.technology }))
        // 4G first, so the (shorter) 5G tick is drawn over it when they share an azimuth.
        .sort((a, b) => (a.tech === '5G') - (b.tech === '5G'));
    }
    this._order = Uint32Array.from({ length: n }, (_, i) => i);
    this._selected = -1;
    this.redraw();
    return this;
  },

  /** Number of sites the layer holds. */
  count() { return this._n; },

  _draw() {
    const map = this._map, ctx = this._ctx;
    if (!map || !ctx || !this._bounds) return;
    const dpr = this._dpr || 1;
    const { x: W, y: H } = this._bounds.getSize();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);

    const zoom = this._zoom;
    const s = map.getZoomScale(zoom, 0);
    const origin = map.getPixelOrigin();
    const ox = -origin.x - this._bounds.min.x;
    const oy = -origin.y - this._bounds.min.y;
    const r = siteSize(zoom);
    const n = this._n, px = this._px, py = this._py;
    const xs = new Float32Array(n), ys = new Float32Array(n), inView = new Uint8Array(n);
    const margin = r + tickLength(zoom) + 2;
    for (let i = 0; i < n; i++) {
      const x = px[i] * s + ox, y = py[i] * s + oy;
      if (x < -margin || x > W + margin || y < -margin || y > H + margin) continue;
      xs[i] = x; ys[i] = y; inView[i] = 1;
    }

    // Sector ticks (below the masts), one path per technology.
    if (zoom >= TICKS_FROM_ZOOM) {
      const len = tickLength(zoom);
      ctx.lineCap = 'round';
      for (const [tech, colour, scale, width] of [['4G', SECTOR_COLORS['4G'], 1, 2], ['other', SECTOR_COLORS.other, 1, 2], ['5G', SECTOR_COLORS['5G'], 0.6, 2.6]]) {
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < n; i++) {
          if (!inView[i]) continue;
          for (const c of this._sectors[i]) {
            const t = c.tech === '4G' || c.tech === '5G' ? c.tech : 'other';
            if (t !== tech) continue;
            const l = r * 0.4 + len * scale;
            ctx.moveTo(xs[i], ys[i]);
            ctx.lineTo(xs[i] + Math.sin(c.az) * l, ys[i] - Math.cos(c.az) * l);
            any = true;
          }
        }
        if (!any) continue;
        ctx.strokeStyle = 'rgba(255,255,255,0.85)';
        ctx.lineWidth = width + 2;
        ctx.stroke();
        ctx.strokeStyle = colour;
        ctx.lineWidth = width;
        ctx.stroke();
      }
    }

    // Masts: small upward triangles with a white edge, stamped from a pre-rendered sprite (one path with thousands
    // of stroked sub-paths is several times slower).
    const sprite = mastSprite(r, dpr);
    const half = sprite.width / dpr / 2;
    for (let i = 0; i < n; i++) {
      if (!inView[i]) continue;
      ctx.drawImage(sprite, xs[i] - half, ys[i] - half, half * 2, half * 2);
    }

    const sel = this._selected;
    if (sel >= 0 && sel < n) {
      const x = px[sel] * s + ox, y = py[sel] * s + oy;
      ctx.beginPath();
      ctx.arc(x, y, r + 5, 0, TAU);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      ctx.lineWidth = 1.8;
      ctx.strokeStyle = '#e4572e';
      ctx.stroke();
    }
    this._drawCount++;
  },

  /** The site under a container pixel (nearest centre), or -1. */
  hitTest(containerPoint, tolerance = 3) {
    const map = this._map;
    if (!map || this._n === 0) return -1;
    const zoom = map.getZoom();
    const s = map.getZoomScale(zoom, 0);
    const origin = map.getPixelOrigin();
    const lp = map.containerPointToLayerPoint(containerPoint);
    const wx = lp.x + origin.x, wy = lp.y + origin.y;
    const t = siteSize(zoom) + tolerance;
    let best = -1, bestD = t * t;
    for (let i = 0; i < this._n; i++) {
      const dx = this._px[i] * s - wx;
      if (dx > t || dx < -t) continue;
      const dy = this._py[i] * s - wy;
      if (dy > t || dy < -t) continue;
      const d = dx * dx + dy * dy;
      if (d <= bestD) { bestD = d; best = i; }
    }
    return best;
  },
});

const sprites = new Map();
function mastSprite(r, dpr) {
  const key = `${r}@${dpr}`;
  let c = sprites.get(key);
  if (c) return c;
  const size = Math.ceil((r * 2 + 6) * dpr);
  c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.beginPath();
  triangle(g, size / dpr / 2, size / dpr / 2, r);
  g.lineJoin = 'round';
  g.lineWidth = 1.6;
  g.strokeStyle = 'rgba(255,255,255,0.95)';
  g.stroke();
  g.fillStyle = SITE_COLOR;
  g.fill();
  sprites.set(key, c);
  return c;
}

function triangle(ctx, x, y, r) {
  const h = r * 1.15;
  ctx.moveTo(x, y - h);
  ctx.lineTo(x + r, y + h * 0.75);
  ctx.lineTo(x - r, y + h * 0.75);
  ctx.closePath();
}

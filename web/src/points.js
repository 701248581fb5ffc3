// A single-canvas Leaflet layer for many settlement points (10,000+). Points are projected once (zoom 0);
// filtering only flips a visibility mask and redraws, hit testing is a linear scan (sub-millisecond).
const L = window.L;

const TAU = Math.PI * 2;

/** Screen radius for a population (sqrt scale), at the reference zoom. */
export const RADIUS = { min: 2.4, max: 20, perSqrt: 1 / 70, screenMax: 26 };
const RMAX = RADIUS.screenMax; // zooming in grows circles, up to this many pixels
export function radiusFor(population) {
  if (population == null || !(population > 0)) return RADIUS.min;
  return Math.min(RADIUS.max, RADIUS.min + Math.sqrt(population) * RADIUS.perSqrt);
}

/** Radii grow gently when zooming in (and shrink a little when zooming out). */
export function zoomFactor(zoom) {
  return Math.max(0.75, Math.min(3, Math.pow(2, (zoom - 5) * 0.5)));
}

export const PointsLayer = L.Layer.extend({
  options: {
    pane: 'dalaPoints',
    padding: 0.1,
    colors: [],           // fill colour per group index
    stroke: 'rgba(255,255,255,0.9)',
    strokeWidth: 0.7,
    opacity: 0.9,
  },

  initialize(options) {
    L.setOptions(this, options);
    this._n = 0;
    this._px = new Float64Array(0);
    this._py = new Float64Array(0);
    this._r = new Float32Array(0);
    this._group = new Uint8Array(0);
    this._order = new Uint32Array(0);
    this._visible = new Uint8Array(0);
    this._selected = -1;
    this._drawCount = 0;
  },

  /**
   * @param {{lat:number, lon:number, radius:number, group:number, rank:number}[]} items
   *   group: colour index; rank: drawing layer (higher drawn later, on top).
   */
  setData(items) {
    const n = items.length;
    this._n = n;
    this._px = new Float64Array(n);
    this._py = new Float64Array(n);
    this._r = new Float32Array(n);
    this._group = new Uint8Array(n);
    this._visible = new Uint8Array(n).fill(1);
    const crs = L.CRS.EPSG3857;
    for (let i = 0; i < n; i++) {
      const it = items[i];
      const p = crs.latLngToPoint(L.latLng(it.lat, it.lon), 0);
      this._px[i] = p.x;
      this._py[i] = p.y;
      this._r[i] = it.radius;
      this._group[i] = it.group;
    }
    // Order: by rank ascending (fibre last = on top); within a rank big circles first so small ones stay visible.
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => (items[a].rank - items[b].rank) || (this._r[b] - this._r[a]) || (a - b));
    this._order = Uint32Array.from(idx);
    this._selected = -1;
    this._drawnKey = null;
    this.redraw();
    return this;
  },

  /**
   * Recolours the points without projecting them again: a colour per group, and per point (index-aligned with the
   * data) its group and drawing rank (higher drawn later, on top). Used to switch between technology and predicted
   * radio service colours.
   */
  setStyle({ colors, group, rank }) {
    const n = this._n;
    if (colors) this.options.colors = colors;
    for (let i = 0; i < n; i++) this._group[i] = group[i];
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => (rank[a] - rank[b]) || (this._r[b] - this._r[a]) || (a - b));
    this._order = Uint32Array.from(idx);
    this.redraw();
    return this;
  },

  /** mask: Uint8Array (1 = shown) of the same length as the data. */
  setVisible(mask) {
    this._visible = mask;
    this._drawnKey = null;
    this.redraw();
    return this;
  },

  setSelected(index) {
    if ((index == null ? -1 : index) === this._selected) return this;
    this._selected = index == null ? -1 : index;
    this.redraw();
    return this;
  },

  redraw() {
    this._drawnKey = null;
    if (this._map && this._ctx) this._draw();
    return this;
  },

  /** Number of times the layer has been drawn (for tests and benchmarks). */
  drawCount() { return this._drawCount; },

  getEvents() {
    const events = { viewreset: this._reset, zoom: this._onZoom, moveend: this._update };
    if (this._zoomAnimated) events.zoomanim = this._onAnimZoom;
    return events;
  },

  onAdd(map) {
    if (!map.getPane(this.options.pane)) {
      const pane = map.createPane(this.options.pane);
      pane.style.zIndex = 450;
      pane.style.pointerEvents = 'none';
    }
    const canvas = this._canvas = L.DomUtil.create('canvas', 'dala-points-canvas');
    if (this._zoomAnimated) L.DomUtil.addClass(canvas, 'leaflet-zoom-animated');
    canvas.style.pointerEvents = 'none';
    this._ctx = canvas.getContext('2d');
    this.getPane().appendChild(canvas);
    this._update();
  },

  onRemove() {
    L.DomUtil.remove(this._canvas);
    this._canvas = this._ctx = null;
  },

  _onZoom() {
    this._updateTransform(this._map.getCenter(), this._map.getZoom());
  },

  _onAnimZoom(ev) {
    this._updateTransform(ev.center, ev.zoom);
  },

  _reset() {
    this._update();
    this._updateTransform(this._center, this._zoom);
  },

  // Same geometry as Leaflet's own renderers: the canvas covers the view plus padding.
  _updateTransform(center, zoom) {
    if (!this._center) return;
    const map = this._map;
    const scale = map.getZoomScale(zoom, this._zoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + this.options.padding);
    const currentCenterPoint = map.project(this._center, zoom);
    const topLeftOffset = viewHalf.multiplyBy(-scale).add(currentCenterPoint).subtract(map._getNewPixelOrigin(center, zoom));
    if (L.Browser.any3d) L.DomUtil.setTransform(this._canvas, topLeftOffset, scale);
    else L.DomUtil.setPosition(this._canvas, topLeftOffset);
  },

  _update() {
    const map = this._map;
    if (!map || (map._animatingZoom && this._bounds)) return;
    const p = this.options.padding;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-p)).round();
    this._bounds = new L.Bounds(min, min.add(size.multiplyBy(1 + p * 2)).round());
    this._center = map.getCenter();
    this._zoom = map.getZoom();

    const b = this._bounds.getSize();
    const dpr = window.devicePixelRatio || 1;
    const canvas = this._canvas;
    L.DomUtil.setPosition(canvas, min);
    const w = Math.max(1, Math.round(b.x * dpr)), h = Math.max(1, Math.round(b.y * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    canvas.style.width = b.x + 'px';
    canvas.style.height = b.y + 'px';
    this._dpr = dpr;
    // viewreset and moveend both arrive after a jump: draw once per distinct view.
    const key = `${min.x},${min.y},${b.x},${b.y},${this._zoom},${dpr},${map.getPixelOrigin().x},${map.getPixelOrigin().y}`;
    if (key === this._drawnKey) return;
    this._drawnKey = key;
    this._draw();
  },

  _draw() {
    const map = this._map, ctx = this._ctx;
    if (!map || !ctx || !this._bounds) return;
    const dpr = this._dpr || 1;
    const bsize = this._bounds.getSize();
    const W = bsize.x, H = bsize.y;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);

    const zoom = this._zoom;
    const s = map.getZoomScale(zoom, 0);
    const origin = map.getPixelOrigin();
    const ox = -origin.x - this._bounds.min.x;
    const oy = -origin.y - this._bounds.min.y;
    const f = zoomFactor(zoom);
    const { colors, stroke, strokeWidth, opacity } = this.options;
    const px = this._px, py = this._py, rr = this._r, grp = this._group, vis = this._visible, order = this._order;

    ctx.globalAlpha = opacity;
    ctx.lineWidth = strokeWidth;
    ctx.strokeStyle = stroke;
    let cur = -1, open = false;
    const flush = () => {
      if (!open) return;
      ctx.fill();
      ctx.stroke();
      open = false;
    };
    for (let k = 0, n = order.length; k < n; k++) {
      const i = order[k];
      if (!vis[i]) continue;
      const r = Math.min(rr[i] * f, RMAX);
      const x = px[i] * s + ox;
      if (x < -r || x > W + r) continue;
      const y = py[i] * s + oy;
      if (y < -r || y > H + r) continue;
      const g = grp[i];
      if (g !== cur) {
        flush();
        cur = g;
        ctx.fillStyle = colors[g] || '#888';
      }
      if (!open) { ctx.beginPath(); open = true; }
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, TAU);
    }
    flush();
    ctx.globalAlpha = 1;

    const sel = this._selected;
    if (sel >= 0 && sel < this._n) {
      const r = Math.min(rr[sel] * f, RMAX);
      const x = px[sel] * s + ox, y = py[sel] * s + oy;
      ctx.beginPath();
      ctx.arc(x, y, r + 4, 0, TAU);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      ctx.lineWidth = 1.8;
      ctx.strokeStyle = '#111827';
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, Math.max(r, 2.5), 0, TAU);
      ctx.fillStyle = colors[grp[sel]] || '#888';
      ctx.fill();
    }
    this._drawCount++;
  },

  /**
   * The shown point under a container pixel, or -1. Prefers the nearest centre; among equals the one drawn on top.
   * @param {L.Point} containerPoint
   * @param {number} [tolerance] extra pixels around each circle (small points are easier to hit)
   */
  hitTest(containerPoint, tolerance = 2) {
    const map = this._map;
    if (!map || this._n === 0) return -1;
    const zoom = map.getZoom();
    const s = map.getZoomScale(zoom, 0);
    const origin = map.getPixelOrigin();
    const lp = map.containerPointToLayerPoint(containerPoint);
    const wx = lp.x + origin.x, wy = lp.y + origin.y;
    const f = zoomFactor(zoom);
    const px = this._px, py = this._py, rr = this._r, vis = this._visible, order = this._order;
    let best = -1, bestD = Infinity;
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k];
      if (!vis[i]) continue;
      const t = Math.max(Math.min(rr[i] * f, RMAX), 4) + tolerance;
      const dx = px[i] * s - wx;
      if (dx > t || dx < -t) continue;
      const dy = py[i] * s - wy;
      if (dy > t || dy < -t) continue;
      const d = dx * dx + dy * dy;
      if (d <= t * t && d < bestD) { bestD = d; best = i; }
    }
    return best;
  },
});

// The national map: the shared basemap (basemap.js) beneath, the country outline and region polygons as lines, the settlement points layer,
// a legend, hover labels for points and regions.
import { techLabel, kindLabel, fmtInt, fmtMbps, esc } from './format.js';
import { PointsLayer } from './points.js';
import { nameIn } from './i18n.js';
import { addBasemap } from './basemap.js';

const L = window.L;

/** Kazakhstan's extent (lat/lon), used before the outline arrives and when it is empty. */
export const KZ_BOUNDS = L.latLngBounds([40.55, 46.45], [55.45, 87.35]);

// The land beneath is the shared basemap's (basemap.js): the outline and regions here are lines over it.
const OUTLINE_STYLE = { color: '#5b6b7b', weight: 1.2, opacity: 1, fill: false, interactive: false };
const REGION_STYLE = { color: '#93a1b0', weight: 0.7, opacity: 1, fill: true, fillColor: '#1d4ed8', fillOpacity: 0, interactive: false };
const REGION_HOVER = { fillOpacity: 0.05, color: '#64748b', weight: 1 };
const REGION_SELECTED = { color: '#1e293b', weight: 2, fillOpacity: 0.04 };

export function createMap(el) {
  const map = L.map(el, {
    preferCanvas: true,
    zoomSnap: 0.1,
    zoomDelta: 0.5,
    wheelPxPerZoomLevel: 90,
    minZoom: 3,
    maxZoom: 13,
    attributionControl: false,
    zoomControl: true,
    fadeAnimation: false,
  });
  map.fitBounds(KZ_BOUNDS, { padding: [12, 12], animate: false });
  map.basemap = addBasemap(map, { lines: false });
  return map;
}

/** Vector base map and the region lookup used for hover labels. */
export class BaseLayers {
  constructor(map) {
    this.map = map;
    this.renderer = L.canvas({ padding: 0.2 });
    this.outline = L.geoJSON(null, { style: () => OUTLINE_STYLE, renderer: this.renderer, interactive: false }).addTo(map);
    this.regions = L.geoJSON(null, { style: () => REGION_STYLE, renderer: this.renderer, interactive: false }).addTo(map);
    this.regionIndex = [];      // {code, name, layer, bbox:[w,s,e,n], polys:[[ring...]]}
    this.byCode = new Map();
    this.hovered = null;
    this.selected = '';
  }

  setOutline(fc) {
    this.outline.clearLayers();
    if (fc && Array.isArray(fc.features) && fc.features.length) this.outline.addData(simplifyCollection(fc));
    this._restyleBackground();
  }

  setRegions(fc) {
    this.regions.clearLayers();
    this.regionIndex = [];
    this.byCode.clear();
    if (!fc || !Array.isArray(fc.features)) return;
    for (const f of simplifyCollection(fc).features) {
      if (!f || !f.geometry) continue;
      const layer = L.geoJSON(f, { style: () => REGION_STYLE, renderer: this.renderer, interactive: false });
      const inner = layer.getLayers()[0];
      if (!inner) continue;
      this.regions.addLayer(inner);
      const polys = polygonsOf(f.geometry);
      const entry = {
        code: f.properties?.code ?? '',
        name: f.properties?.name ?? '',
        count: f.properties?.settlementCount,
        layer: inner,
        polys,
        bbox: bboxOf(polys),
      };
      this.regionIndex.push(entry);
      if (entry.code) this.byCode.set(entry.code, entry);
    }
    this._restyleBackground();
    this.select(this.selected, true);
  }

  // The basemap carries the land colour: region polygons stay transparent (tinted on hover).
  _restyleBackground() {
    this.regions.eachLayer(l => l.setStyle(this._styleFor(l)));
  }

  _styleFor(layer) {
    const entry = this.regionIndex.find(r => r.layer === layer);
    const st = { ...REGION_STYLE };
    if (entry && this.hovered === entry) Object.assign(st, REGION_HOVER);
    if (entry && entry.code && entry.code === this.selected) Object.assign(st, REGION_SELECTED);
    return st;
  }

  select(code, force = false) {
    if (!force && (code || '') === this.selected) return;
    const prev = this.byCode.get(this.selected);
    this.selected = code || '';
    if (prev) prev.layer.setStyle(this._styleFor(prev.layer));
    const cur = this.byCode.get(this.selected);
    if (cur) {
      cur.layer.setStyle(this._styleFor(cur.layer));
      cur.layer.bringToFront();
    }
  }

  hover(entry) {
    if (entry === this.hovered) return;
    const prev = this.hovered;
    this.hovered = entry;
    if (prev) prev.layer.setStyle(this._styleFor(prev.layer));
    if (entry) entry.layer.setStyle(this._styleFor(entry.layer));
  }

  boundsOf(code) {
    const e = this.byCode.get(code);
    return e ? e.layer.getBounds() : null;
  }

  /** The region polygon containing a lat/lng, or null. */
  regionAt(latlng) {
    const x = latlng.lng, y = latlng.lat;
    for (const r of this.regionIndex) {
      const b = r.bbox;
      if (x < b[0] || y < b[1] || x > b[2] || y > b[3]) continue;
      for (const rings of r.polys) if (inRings(rings, x, y)) return r;
    }
    return null;
  }
}

// ------------------------------------------------------------------ geometry simplification
// Region boundaries can be very detailed; Leaflet re-projects every vertex on each zoom. Simplifying once in degrees
// (about 250 m, well below a pixel at the national view) keeps zooming smooth.
const SIMPLIFY_DEG = 0.0025;

function sqSegDist(p, a, b) {
  let x = a[0], y = a[1], dx = b[0] - x, dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = b[0]; y = b[1]; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = p[0] - x; dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on one ring or line (iterative). */
export function simplifyLine(pts, tol = SIMPLIFY_DEG) {
  const n = pts.length;
  if (n <= 4) return pts;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const sq = tol * tol;
  const stack = [[0, n - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let maxD = 0, idx = -1;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegDist(pts[i], pts[first], pts[last]);
      if (d > maxD) { maxD = d; idx = i; }
    }
    if (maxD > sq && idx > 0) {
      keep[idx] = 1;
      stack.push([first, idx], [idx, last]);
    }
  }
  const out = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(pts[i]);
  return out.length >= 4 ? out : pts;
}

function simplifyGeometry(g) {
  if (!g) return g;
  const ring = r => simplifyLine(r);
  switch (g.type) {
    case 'Polygon': return { ...g, coordinates: g.coordinates.map(ring) };
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map(p => p.map(ring)) };
    case 'LineString': return { ...g, coordinates: simplifyLine(g.coordinates) };
    case 'MultiLineString': return { ...g, coordinates: g.coordinates.map(l => simplifyLine(l)) };
    case 'GeometryCollection': return { ...g, geometries: (g.geometries || []).map(simplifyGeometry) };
    default: return g;
  }
}

function simplifyCollection(fc) {
  return { ...fc, features: (fc.features || []).filter(f => f && f.geometry).map(f => ({ ...f, geometry: simplifyGeometry(f.geometry) })) };
}

function polygonsOf(g) {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return (g.geometries || []).flatMap(polygonsOf);
  return [];
}

function bboxOf(polys) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const rings of polys) for (const p of rings[0] || []) {
    if (p[0] < w) w = p[0];
    if (p[0] > e) e = p[0];
    if (p[1] < s) s = p[1];
    if (p[1] > n) n = p[1];
  }
  return [w, s, e, n];
}

// Even-odd rule over the outer ring and holes.
function inRings(rings, x, y) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A small "synthetic" stamp in the map's bottom-right corner (outside the country), so screenshots keep the label. */
export function createSyntheticStamp(map) {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const el = L.DomUtil.create('div', 'map-synthetic');
    el.id = 'map-synthetic';
    el.textContent = 'Synthetic connectivity scenario';
    el.title = 'Connectivity shown on this map is a synthetic scenario, not observed data';
    return el;
  };
  return control;
}

/** A second stamp for synthetic radio layers (sites, coverage) while any of them is shown. */
export function createRadioSyntheticStamp() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const el = L.DomUtil.create('div', 'map-synthetic map-synthetic-radio');
    el.id = 'map-synthetic-radio';
    el.textContent = 'Synthetic radio sites and coverage';
    el.title = 'The radio sites and coverage predictions shown are computed from SYNTHETIC inputs, not observed data';
    return el;
  };
  return control;
}

/**
 * Hover label (points and regions) and click-to-open, all through map events; the point canvas takes no events.
 * overlays: further hit-testable layers, each {above: boolean (drawn over the points), active(): boolean,
 * hitTest(containerPoint, latlng): hit|null, describe(hit): html, click?(hit, event), tipClass?}.
 */
export function wirePointer(map, { points, base, describePoint, onPointClick, overlays = [] }) {
  const tip = L.DomUtil.create('div', 'hover-tip', map.getContainer());
  tip.hidden = true;
  let pending = null, raf = 0;
  const container = map.getContainer();

  const hide = () => {
    tip.hidden = true;
    container.classList.remove('over-point');
    base.hover(null);
  };

  const show = (cp, html, cls) => {
    tip.innerHTML = html;
    tip.className = 'hover-tip ' + cls;
    tip.hidden = false;
    const size = map.getSize();
    const w = tip.offsetWidth, h = tip.offsetHeight;
    let x = cp.x + 14, y = cp.y + 14;
    if (x + w > size.x - 4) x = cp.x - w - 14;
    if (y + h > size.y - 4) y = cp.y - h - 14;
    tip.style.transform = `translate(${Math.max(4, x)}px, ${Math.max(4, y)}px)`;
  };

  const run = () => {
    raf = 0;
    const e = pending;
    if (!e || map.dragging?.moving?.() || map._animatingZoom) return;
    const hitOverlay = o => {
      const hit = o.active() ? o.hitTest(e.containerPoint, e.latlng) : null;
      if (hit == null) return false;
      container.classList.toggle('over-point', !!o.click);
      base.hover(null);
      const html = o.describe(hit);
      if (html) show(e.containerPoint, html, 'tip-point ' + (o.tipClass || ''));
      else tip.hidden = true;
      return true;
    };
    for (const o of overlays) if (o.above && hitOverlay(o)) return;
    const idx = points.hitTest(e.containerPoint);
    if (idx >= 0) {
      container.classList.add('over-point');
      base.hover(null);
      show(e.containerPoint, describePoint(idx), 'tip-point');
      return;
    }
    for (const o of overlays) if (!o.above && hitOverlay(o)) return;
    container.classList.remove('over-point');
    const r = base.regionAt(e.latlng);
    base.hover(r);
    if (r) show(e.containerPoint, `<b>${esc(r.name)}</b>`, 'tip-region');
    else tip.hidden = true;
  };

  map.on('mousemove', e => {
    pending = e;
    if (!raf) raf = requestAnimationFrame(run);
  });
  map.on('mouseout movestart zoomstart', hide);
  map.on('click', e => {
    const clickOverlay = o => {
      if (!o.click || !o.active()) return false;
      const hit = o.hitTest(e.containerPoint, e.latlng);
      if (hit == null) return false;
      tip.hidden = true;
      o.click(hit, e);
      return true;
    };
    for (const o of overlays) if (o.above && clickOverlay(o)) return;
    const idx = points.hitTest(e.containerPoint);
    if (idx >= 0) { tip.hidden = true; onPointClick(idx); return; }
    for (const o of overlays) if (!o.above && clickOverlay(o)) return;
  });
}

/** Short HTML description of a settlement for the hover label. */
export function pointLabel(p) {
  const bits = [techLabel(p.tech)];
  if (p.maxDown != null) bits.push(fmtMbps(p.maxDown));
  bits.push(p.pop != null ? `pop. ${fmtInt(p.pop)}` : 'pop. unknown');
  return `<b>${esc(nameIn(p))}</b> <span class="tip-kind">${esc(kindLabel(p.kind))}</span><br>${esc(bits.join(' · '))}`;
}

export { PointsLayer };

// The roads coverage layer: the latest run's roads on a canvas in their own pane (dalaRoads), each coloured by the
// share of its kilometres covered over a dark casing, with hover labels (hit-tested on lines projected once at zoom 0).
// Hook for the browser tests: document.body.dataset.layerRoads = the number of roads drawn.
import { esc, fmtNum, fmtPct, rampColour } from './format.js';
import { layerOn } from './radio-state.js';
import { coverageRoads } from './radio-api.js';
import { SHARE_STOPS } from './radio-legend.js';
import { lineAt } from './line-hit.js';

const L = window.L;
const hooks = document.body.dataset;

export class RoadsLayer {
  /** @param {{map: L.Map, state: import('./radio-state.js').RadioState, panel: import('./radio-panel.js').RadioPanel}} opts */
  constructor({ map, state, panel }) {
    this.map = map;
    this.state = state;
    this.panel = panel;
    this.items = [];      // per road: {props, share, colour, proj (zoom-0 xy per part), bbox}
    this.layer = null;    // built once, from the first answer
    const pane = map.createPane('dalaRoads');
    pane.style.zIndex = 420;
    pane.style.pointerEvents = 'none';
  }

  async show() {
    if (!this.layer) {
      this.panel.set('roads', { busy: true });
      let fc;
      try {
        fc = await coverageRoads(this.state);
      } finally {
        this.panel.set('roads', { busy: false });
      }
      if (!this.layer) this._build(fc);
    }
    if (!layerOn('roads')) return;
    if (!this.map.hasLayer(this.layer)) this.layer.addTo(this.map);
    hooks.layerRoads = String(this.items.length);
  }

  hide() {
    if (this.layer) this.layer.remove();
    delete hooks.layerRoads;
  }

  _build(fc) {
    const renderer = L.canvas({ pane: 'dalaRoads', padding: 0.3 });
    const casings = [], lines = [];
    const crs = L.CRS.EPSG3857;
    this.items = [];
    for (const f of Array.isArray(fc?.features) ? fc.features : []) {
      const g = f?.geometry;
      const parts = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
      const latlngs = parts.map(part => (part || []).filter(c => Array.isArray(c) && Number.isFinite(+c[0]) && Number.isFinite(+c[1])).map(c => [+c[1], +c[0]]))
        .filter(part => part.length >= 2);
      if (!latlngs.length) continue;
      const p = f.properties || {};
      const share = Math.max(0, Math.min(1, Number(p.share) || 0));
      const colour = rampColour(SHARE_STOPS, share);
      const style = { renderer, interactive: false, lineCap: 'round', lineJoin: 'round', opacity: 1 };
      casings.push(L.polyline(latlngs, { ...style, color: '#1f2933', weight: 6.5, opacity: 0.55 }));
      lines.push(L.polyline(latlngs, { ...style, color: colour, weight: 3.5 }));
      // Projected once at zoom 0 for hit testing.
      let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
      const proj = latlngs.map(part => {
        const xy = new Float64Array(part.length * 2);
        part.forEach((ll, k) => {
          const q = crs.latLngToPoint(L.latLng(ll[0], ll[1]), 0);
          xy[k * 2] = q.x; xy[k * 2 + 1] = q.y;
          if (q.x < w) w = q.x; if (q.x > e) e = q.x; if (q.y < s) s = q.y; if (q.y > n) n = q.y;
        });
        return xy;
      });
      this.items.push({ props: p, share, colour, proj, bbox: [w, s, e, n] });
    }
    this.layer = L.layerGroup([...casings, ...lines]);
  }

  /** Hover labels for wirePointer (map.js). */
  pointerOverlay() {
    return {
      above: false,
      tipClass: 'tip-road',
      active: () => !!(this.layer && this.map.hasLayer(this.layer)),
      hitTest: cp => this._roadAt(cp),
      describe: i => {
        const p = this.items[i].props;
        return `<b>${esc(p.name || p.id)}</b>${p.highway ? ` <span class="tip-kind">${esc(p.highway)}</span>` : ''}${p.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}<br>` +
          `<span class="tip-share"><span class="tip-bar"><span style="width:${(this.items[i].share * 100).toFixed(1)}%;background:${this.items[i].colour}"></span></span>` +
          `<b>${esc(fmtPct(p.share))}</b> covered</span> · ${esc(fmtNum(p.coveredKm))} of ${esc(fmtNum(p.km))} km`;
      },
    };
  }

  /** The road within 5 px of a container point (the nearest), or null. */
  _roadAt(cp) {
    return lineAt(this.map, cp, this.items, r => r.proj);
  }
}

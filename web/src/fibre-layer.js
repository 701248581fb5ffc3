// The fibre plan on the map: the routes (their own SVG pane above the points, thinner at the national zoom), the
// stamp while the plan is on the proxy network, one settlement's path to the backbone (a pane above the routes), the
// view fitted clear of the layers panel and the card, and which route is under the pointer.
// Hooks for the browser tests: path.fibre-route (one per route), path.fibre-path, #fibre-proxy-stamp.
import { esc, fmtNum } from './format.js';
import { costClass, fmtKm, fmtTenge, PATH_COLOR } from './fibre-format.js';
import { lineAt } from './line-hit.js';

const L = window.L;

export class FibreLayer {
  /** @param {{map: L.Map, state: import('./fibre-state.js').FibreState, panel: HTMLElement, cardOpen: () => boolean}} opts */
  constructor({ map, state, panel, cardOpen }) {
    this.map = map;
    this.state = state;
    this.panel = panel;
    this.cardOpen = cardOpen || (() => false);
    for (const [name, z] of [['dalaFibre', 455], ['dalaFibrePath', 457]]) {
      const pane = map.createPane(name);
      pane.style.zIndex = z;
      pane.style.pointerEvents = 'none';
    }
    this.renderer = L.svg({ pane: 'dalaFibre', padding: 0.5 });
    // Thinner lines at the national zoom, where thousands of routes meet (CSS, by the pane's data-zoom).
    const zoomClass = () => {
      const z = map.getZoom();
      map.getPane('dalaFibre').dataset.zoom = z < 5.5 ? 'low' : z < 7.5 ? 'mid' : 'high';
    };
    map.on('zoomend', zoomClass);
    zoomClass();
    this.pathRenderer = L.svg({ pane: 'dalaFibrePath', padding: 0.5 });
    this.layer = L.layerGroup();
    this.pathLayer = L.layerGroup();
    this.stamp = createStamp();
  }

  /** Draws the routes of a plan's GeoJSON (features of kind "route") into state.routes; on the map when on. */
  draw(fc, on) {
    this.layer.clearLayers();
    const routes = [];
    const crs = L.CRS.EPSG3857;
    const casings = [], lines = [];
    for (const f of Array.isArray(fc?.features) ? fc.features : []) {
      const p = f?.properties || {};
      if (p.kind !== 'route' || f.geometry?.type !== 'LineString') continue;
      const latlngs = (f.geometry.coordinates || []).filter(c => Array.isArray(c) && Number.isFinite(+c[0]) && Number.isFinite(+c[1]))
        .map(c => [+c[1], +c[0]]);
      if (latlngs.length < 2) continue;
      const cls = costClass(p.costClass);
      const base = { renderer: this.renderer, interactive: false, lineCap: 'round', lineJoin: 'round' };
      casings.push(L.polyline(latlngs, { ...base, color: '#ffffff', weight: 5.5, opacity: 0.85, className: 'fibre-route-casing' }));
      lines.push(L.polyline(latlngs, { ...base, color: cls.color, weight: 2.5, opacity: 0.95, dashArray: cls.dash, className: `fibre-route fibre-${cls.id}` }));
      let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
      const proj = new Float64Array(latlngs.length * 2);
      latlngs.forEach((ll, k) => {
        const q = crs.latLngToPoint(L.latLng(ll[0], ll[1]), 0);
        proj[k * 2] = q.x; proj[k * 2 + 1] = q.y;
        if (q.x < w) w = q.x; if (q.x > e) e = q.x; if (q.y < s) s = q.y; if (q.y > n) n = q.y;
      });
      routes.push({ props: p, cls, latlngs, proj, bbox: [w, s, e, n] });
    }
    this.state.routes = routes;
    for (const l of [...casings, ...lines]) this.layer.addLayer(l);
    if (on && !this.map.hasLayer(this.layer)) this.layer.addTo(this.map);
  }

  show() {
    this.layer.addTo(this.map);
    this.pathLayer.addTo(this.map);
  }

  /** Off the map: the routes and any route popup (the path goes with the card's section, fibre-card.js). */
  hide() {
    this.layer.remove();
    this.map.closePopup();
  }

  /** Fits the view to the plan (or its region's bounds, rb), clear of the layers panel and the card. */
  fit(rb) {
    let b = null;
    for (const r of this.state.routes) b = b ? b.extend(r.latlngs) : L.latLngBounds(r.latlngs);
    if (rb && rb.isValid()) b = b ? L.latLngBounds(rb.getSouthWest(), rb.getNorthEast()).extend(b) : rb;
    if (!b || !b.isValid()) return;
    // Keep the view when the plan is already well in sight (a national plan in the national view); else fit it.
    const pad = this.padding();
    const size = this.map.getSize();
    const nw = this.map.latLngToContainerPoint(b.getNorthWest()), se = this.map.latLngToContainerPoint(b.getSouthEast());
    const inView = nw.x >= 0 && nw.y >= 0 && se.x <= size.x && se.y <= size.y;
    const area = (se.x - nw.x) * (se.y - nw.y);
    const viewArea = Math.max(1, (size.x - pad.paddingTopLeft[0] - pad.paddingBottomRight[0]) * (size.y - pad.paddingTopLeft[1] - pad.paddingBottomRight[1]));
    if (inView && area > 0.3 * viewArea) return;
    this.map.fitBounds(b, { ...pad, animate: false });
  }

  /** The map's free area: clear of the layers panel (left), the card (right) and the stamp (bottom). */
  padding() {
    const mapBox = this.map.getContainer().getBoundingClientRect();
    const panel = this.panel.getBoundingClientRect();
    const left = panel.width ? Math.max(16, panel.right - mapBox.left + 12) : 16;
    const card = document.getElementById('settlement-card');
    const right = this.cardOpen() && card ? Math.max(16, mapBox.right - card.getBoundingClientRect().left + 12) : 16;
    const bottom = this.stamp._map ? 56 : 16;
    return { paddingTopLeft: [left, 16], paddingBottomRight: [right, bottom] };
  }

  /** The stamp on the map while the plan shown (on) is on the proxy network or has a synthetic backbone. */
  updateStamp(on) {
    const p = this.state.plan;
    const show = on && p && (p.network === 'proxy' || p.synthetic);
    if (show) {
      if (!this.stamp._map) this.stamp.addTo(this.map);
      const el = this.stamp.getContainer();
      const detour = p.assumptions?.detour ?? 1.2;
      el.innerHTML = (p.network === 'proxy'
        ? `<span class="fibre-stamp-main">PROXY NETWORK</span> <span class="fibre-stamp-sub">— straight lines × ${esc(fmtNum(detour))} between settlements, no road data</span>` : '') +
        (p.synthetic ? `<span class="fibre-stamp-syn" id="fibre-synthetic" title="The backbone is taken from a SYNTHETIC connectivity scenario">synthetic backbone</span>` : '');
    } else if (this.stamp._map) {
      this.stamp.remove();
    }
    document.body.classList.toggle('fibre-stamped', !!show);
  }

  /** Highlights a settlement's path (latlngs from it to the backbone; p its properties), brought into view. */
  drawPath(latlngs, p) {
    if (latlngs.length < 2) return;
    const base = { renderer: this.pathRenderer, interactive: false, lineCap: 'round', lineJoin: 'round' };
    this.pathLayer.addLayer(L.polyline(latlngs, { ...base, color: '#ffffff', weight: 9, opacity: 0.95, className: 'fibre-path-casing' }));
    this.pathLayer.addLayer(L.polyline(latlngs, { ...base, color: PATH_COLOR, weight: 4.5, opacity: 1, className: 'fibre-path' }));
    const end = latlngs[latlngs.length - 1];
    // Bring the path into view when it is hidden (under the card or the layers panel, or off screen).
    const b = L.latLngBounds(latlngs);
    const pad = this.padding();
    const size = this.map.getSize();
    const nw = this.map.latLngToContainerPoint(b.getNorthWest()), se = this.map.latLngToContainerPoint(b.getSouthEast());
    const fits = nw.x >= pad.paddingTopLeft[0] && nw.y >= pad.paddingTopLeft[1] &&
      se.x <= size.x - pad.paddingBottomRight[0] && se.y <= size.y - pad.paddingBottomRight[1];
    if (!fits) this.map.fitBounds(b, { ...pad, animate: false, maxZoom: Math.max(this.map.getZoom(), 8) });
    // The backbone's label on the side away from the card and the panel.
    const x = this.map.latLngToContainerPoint(end).x;
    const mid = (pad.paddingTopLeft[0] + size.x - pad.paddingBottomRight[0]) / 2;
    const right = x < mid;
    const mark = L.circleMarker(end, { ...base, radius: 6.5, color: '#ffffff', weight: 2.5, fillColor: PATH_COLOR, fillOpacity: 1, className: 'fibre-path-backbone' });
    mark.bindTooltip(`<b>${esc(p.backboneName || p.backbone)}</b> <span class="tip-kind">backbone</span><br>${esc(fmtKm(p.km))} · ${esc(fmtTenge(p.costTenge))}`,
      { permanent: true, direction: right ? 'right' : 'left', offset: [right ? 9 : -9, 0], className: 'fibre-path-tip', pane: 'tooltipPane' });
    this.pathLayer.addLayer(mark);
    if (!this.map.hasLayer(this.pathLayer)) this.pathLayer.addTo(this.map);
  }

  clearPath() {
    this.pathLayer.clearLayers();
  }

  /** The index of the route within 5 px of a container point, else null. */
  routeAt(cp) {
    return lineAt(this.map, cp, this.state.routes, r => [r.proj]);
  }
}

function createStamp() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const el = L.DomUtil.create('div', 'fibre-stamp');
    el.id = 'fibre-proxy-stamp';
    el.title = 'The fibre plan is drawn on a proxy network: straight lines between neighbouring settlements, lengthened by the detour factor. There is no road data behind it.';
    return el;
  };
  return control;
}

// The speed test's mini-map: the regions (the chosen one highlighted), the chosen settlement and the picked point;
// a click picks the nearest settlement.
import { nameIn } from './i18n.js';
import { api } from './api.js';
import { showError } from './notify.js';
import { esc } from './format.js';
import { simplifyLine, KZ_BOUNDS } from './map.js';
import { withBasemap } from './basemap.js';

const $ = id => document.getElementById(id);
const L = window.L;

/** Douglas–Peucker for a region's rings at a coarser tolerance (the pick map is small). */
function simplify(g, tol) {
  const ring = r => simplifyLine(r, tol);
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(p => p.map(ring)) };
  return g;
}

export class PickMap {
  /** host: { tag: the view's tag, choose(s, how, point, distanceKm) }. */
  constructor(host) {
    this.host = host;
    this.map = null;
  }

  init() {
    const el = $('speedtest-map');
    if (!L || !el) return;
    const map = this.map = withBasemap(L.map(el, { zoomSnap: 0.5, zoomDelta: 0.5, minZoom: 3, maxZoom: 14, attributionControl: false, fadeAnimation: false }));
    map.fitBounds(KZ_BOUNDS, { padding: [4, 4], animate: false });
    const renderer = L.svg({ padding: 0.3 });
    this.regionLayer = L.geoJSON(null, {
      renderer,
      style: () => ({ color: '#94a3b8', weight: 0.8, fillColor: '#ffffff', fillOpacity: 1 }),
      onEachFeature: (f, layer) => layer.bindTooltip(esc(f.properties?.name || f.properties?.code || ''), { sticky: true, direction: 'top', className: 'st-map-tip' }),
    }).addTo(map);
    api.regionShapes().then(fc => {
      const feats = (fc?.features || []).filter(f => f && f.geometry).map(f => ({ ...f, geometry: simplify(f.geometry, 0.01) }));
      this.regionLayer.addData({ type: 'FeatureCollection', features: feats });
    }).catch(e => showError(e, 'Region polygons'));
    this.markers = L.layerGroup().addTo(map);
    map.on('click', e => this._pickAt(e.latlng));
  }

  invalidateSize() {
    this.map?.invalidateSize({ pan: false });
  }

  async _pickAt(latlng) {
    const lon = Math.round(latlng.lng * 1e5) / 1e5, lat = Math.round(latlng.lat * 1e5) / 1e5;
    $('speedtest-map').classList.add('is-busy');
    try {
      const found = await api.nearestSettlements(lon, lat, 1);
      const hit = Array.isArray(found) ? found[0] : null;
      if (!hit?.settlement) {
        showError({ title: 'No settlement near this point', detail: 'Pick a point inside Kazakhstan.' });
        return;
      }
      this.host.choose(hit.settlement, 'map', { lon, lat }, hit.distanceKm);
    } catch (e) {
      showError(e, 'Nearest settlement');
    } finally {
      $('speedtest-map').classList.remove('is-busy');
    }
  }

  render(fly = false) {
    if (!this.map) return;
    this.markers.clearLayers();
    const t = this.host.tag;
    const region = t.settlement?.region || null;
    this.regionLayer?.eachLayer(l => l.setStyle(l.feature?.properties?.code === region && region
      ? { fillColor: '#eef0ff', color: '#6d5bd0', weight: 1.4 } : { fillColor: '#ffffff', color: '#94a3b8', weight: 0.8 }));
    if (!t.settlement) return;
    const s = t.settlement;
    const centre = [s.lat, s.lon];
    if (t.pointFrom !== 'centre' && t.point) {
      const p = [t.point.lat, t.point.lon];
      L.polyline([p, centre], { color: '#4a2bd1', weight: 1.2, dashArray: '3 4', interactive: false }).addTo(this.markers);
      L.circleMarker(p, { radius: 5, color: '#fff', weight: 2, fillColor: '#e4572e', fillOpacity: 1, interactive: false }).addTo(this.markers);
    }
    L.circleMarker(centre, { radius: 7, color: '#fff', weight: 2, fillColor: '#4a2bd1', fillOpacity: 1 })
      .bindTooltip(esc(nameIn(s)), { permanent: true, direction: 'right', offset: [8, 0], className: 'st-map-label' }).addTo(this.markers);
    if (fly) this.map.setView(centre, Math.max(this.map.getZoom(), 6), { animate: false });
  }
}

// The single tests on the Quality map, each a dot coloured by its download. Few tests (at most VECTOR_THRESHOLD, the
// most GET /api/measurements returns) are fetched as JSON and drawn as circle markers; more are drawn from vector
// tiles (GET /api/tiles/measurements/{z}/{x}/{y}.mvt, one dot per occupied cell of a 128-cell grid a tile, with its
// count) by protomaps-leaflet, so a store of millions of tests is never sent whole. A click opens the nearest dot's
// card: the test itself (GET /api/measurements?id=...) or, for a cell of many, their counts. SYNTHETIC ones are
// ringed in violet; the map's synthetic stamp and the view's note stay as they are.
import { api } from './api.js';
import { esc, fmtInt, fmtDateTime } from './format.js';
import { loadProtomaps } from './vector-tiles.js';

const L = window.L;
export const VECTOR_THRESHOLD = 1000;
const PANE = 'dalaTests';
const SYNTHETIC_RING = '#7c3aed';
const NONE = '#9ca3af';
const PICK_PX = 8;

const radius = tests => Math.min(7, 2.5 + Math.log2(Math.max(1, tests || 1)));

export class TestsLayer {
  /** color(mbps): the fill for a download speed (the Quality map's classes). */
  constructor(map, color) {
    this.map = map;
    this.color = mbps => (mbps == null ? NONE : color(mbps));
    this.layer = null;
    this.mode = 'none';
    this.key = '';
    this.markers = [];
    if (!map.getPane(PANE)) {
      const p = map.createPane(PANE);
      p.style.zIndex = '420';
      p.style.pointerEvents = 'none';
    }
    this.renderer = L.canvas({ pane: PANE, padding: 0.3 });
  }

  /** Draws the tests passing the filters ({region, operator}); count: how many tests the store holds. */
  async show(count, filters) {
    const mode = !count ? 'none' : count > VECTOR_THRESHOLD ? 'vector' : 'json';
    const params = Object.fromEntries(Object.entries(filters || {}).filter(([, v]) => v));
    const key = `${mode}|${new URLSearchParams(params)}`;
    if (key === this.key) return;
    this.key = key;
    this.layer?.remove();
    this.layer = null;
    this.markers = [];
    this.mode = mode;
    this.map.getContainer().dataset.tests = mode;
    if (mode === 'vector') await this._vector(params, key);
    else if (mode === 'json') await this._json(params, key);
  }

  async _vector(params, key) {
    const P = await loadProtomaps();
    if (key !== this.key) return;
    const q = new URLSearchParams(params).toString();
    const props = f => f.props || {};
    this.layer = P.leafletLayer({
      url: `/api/tiles/measurements/{z}/{x}/{y}.mvt${q ? `?${q}` : ''}`,
      pane: PANE, className: 'dala-tests-tiles', attribution: '', maxDataZoom: 16, labelRules: [],
      paintRules: [{
        dataLayer: 'measurements',
        symbolizer: new P.CircleSymbolizer({
          radius: (z, f) => radius(props(f).tests),
          fill: (z, f) => this.color(props(f).downMbps),
          stroke: (z, f) => (props(f).synthetic > 0 ? SYNTHETIC_RING : '#1e293b'),
          width: (z, f) => (props(f).synthetic > 0 ? 1.2 : 0.6),
        }),
      }],
    }).addTo(this.map);
  }

  async _json(params, key) {
    const rows = await api.measurements({ ...params, limit: VECTOR_THRESHOLD }).catch(() => []);
    if (key !== this.key) return;
    const group = L.layerGroup();
    for (const m of Array.isArray(rows) ? rows : []) {
      if (!Number.isFinite(m.lat) || !Number.isFinite(m.lon)) continue;
      const marker = L.circleMarker([m.lat, m.lon], {
        renderer: this.renderer, pane: PANE, interactive: false, radius: radius(1), weight: m.synthetic ? 1.2 : 0.6,
        color: m.synthetic ? SYNTHETIC_RING : '#1e293b', fillColor: this.color(m.valid ? m.downMbps : null), fillOpacity: 0.95,
      });
      marker.test = m;
      this.markers.push(marker);
      group.addLayer(marker);
    }
    this.layer = group.addTo(this.map);
  }

  /** The properties of the dot nearest a point of the map (within a few pixels), or null. */
  pick(latlng) {
    if (!this.layer) return null;
    if (this.mode === 'vector') {
      const found = [...this.layer.queryTileFeaturesDebug(latlng.lng, latlng.lat, PICK_PX * 2).values()].flat()
        .filter(p => p.layerName === 'measurements');
      return found.length ? { ...found[0].feature.props } : null;
    }
    const at = this.map.latLngToContainerPoint(latlng);
    let best = null, bestD = PICK_PX * PICK_PX;
    for (const m of this.markers) {
      const p = this.map.latLngToContainerPoint(m.getLatLng());
      const d = (p.x - at.x) ** 2 + (p.y - at.y) ** 2;
      if (d <= bestD) { bestD = d; best = m.test; }
    }
    return best ? { id: best.id, tests: 1, valid: best.valid ? 1 : 0, synthetic: best.synthetic ? 1 : 0, downMbps: best.downMbps } : null;
  }

  /** Opens the card of the dot at a point; false when there is none. */
  openAt(latlng) {
    const hit = this.pick(latlng);
    if (!hit) return false;
    const popup = L.popup({ className: 'qa-test-card', maxWidth: 280 }).setLatLng(latlng).setContent(cellCard(hit)).openOn(this.map);
    if (hit.id) {
      api.measurements({ id: hit.id }).then(rows => {
        if (rows?.[0] && popup.isOpen()) popup.setContent(testCard(rows[0]));
      }).catch(() => {});
    }
    return true;
  }
}

const mbps = v => (v == null ? '—' : `${Number(v).toFixed(1)} Mbit/s`);

function synth(n) {
  if (!(n > 0)) return '';
  const text = n > 1 ? `SYNTHETIC: ${fmtInt(n)} of them, generated, not observed` : 'SYNTHETIC: generated, not observed';
  return `<div class="qa-test-synthetic">${text}</div>`;
}

function cellCard(p) {
  if (p.tests > 1) {
    return `<b>${fmtInt(p.tests)} tests here</b><br>${fmtInt(p.valid)} valid, mean download of the valid ones ${esc(mbps(p.downMbps))}`
      + `${synth(p.synthetic)}<div class="muted">Zoom in to see them one by one.</div>`;
  }
  const state = p.valid ? '' : '<br><span class="no">Invalid test</span>';
  return `<b>One test</b><br>Download ${esc(mbps(p.downMbps))}` + state + synth(p.synthetic);
}

function testCard(m) {
  const latency = m.latencyMs != null ? `<br>Latency ${esc(Math.round(m.latencyMs))} ms` : '';
  const state = m.valid ? '' : `<br><span class="no">Invalid: ${esc((m.reasons || []).join('; '))}</span>`;
  return `<b>Test ${esc(m.id)}</b><br>${esc(fmtDateTime(m.time))} · ${esc(m.source)}${m.operator ? ` · ${esc(m.operator)}` : ''}`
    + `<br>Download ${esc(mbps(m.downMbps))}<br>Upload ${esc(mbps(m.upMbps))}` + latency + state + synth(m.synthetic ? 1 : 0);
}

// Speed test view: M-Lab's official ndt7 client (global `ndt7`, /lib/ndt7/ndt7.js) against THIS server, tagged with a
// settlement (search or pick on the map), operator and access technology. The server stores its own measurement of
// each direction (source ndt7-server); the page sends the browser's figures for the test's uuid (source ndt7-client,
// accepted only for a test this server ran for the same network) and shows both once stored. A short history of the latest measurements follows, with validity flags and reasons.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtDateTime, kindLabel, techLabel, techColor } from './format.js';
import { simplifyLine, KZ_BOUNDS } from './map.js';
import { withBasemap } from './basemap.js';

const $ = id => document.getElementById(id);
const L = window.L;

const CLIENT_NAME = 'dala-web';
const CLIENT_VERSION = '1.0';
const WORKERS = { download: '/lib/ndt7/ndt7-download-worker.js', upload: '/lib/ndt7/ndt7-upload-worker.js' };
/** The nominal length of each direction: the spec's 10 s (the official client always uploads for 10 s). */
const NOMINAL_S = 10;
const COLOR = { download: '#4a2bd1', upload: '#21a39a' };
const PHASE_LABEL = { download: 'Download', upload: 'Upload' };
/** How long to wait for the server's records to appear after the test. */
const SERVER_RECORD_WAIT_MS = 20000;

export const INVALID_HELP = 'Validity rules (after M-Lab\'s unified views): a test counts only if it completed, moved at least 8,192 bytes, '
  + 'lasted 9–60 s, and came from a public address. Tests from this machine over loopback (127.0.0.1) or a private network '
  + '(10.x, 172.16–31.x, 192.168.x, link-local) are flagged invalid: they measure the local network, not a subscriber\'s internet access. '
  + 'Invalid tests are kept, with their reasons, but left out of the quality statistics.';

// ------------------------------------------------------------------ formatting

/** 123.456 → "123.5 Mbit/s" (two decimals below 1 Mbit/s); no digit grouping, so the figure stays machine-readable. */
export function fmtSpeed(mbps) {
  if (mbps == null || !Number.isFinite(Number(mbps))) return '—';
  const n = Number(mbps);
  return `${n.toFixed(n < 1 ? 2 : 1)} Mbit/s`;
}

/** 12.3 → "12 ms", 3.21 → "3.2 ms", 0.43 → "0.43 ms", 0.016 → "0.016 ms" (loopback). */
export function fmtMs(ms) {
  if (ms == null || !Number.isFinite(Number(ms))) return '—';
  const n = Number(ms);
  return `${n.toFixed(n < 0.1 ? 3 : n < 1 ? 2 : n < 10 ? 1 : 0)} ms`;
}

const SOURCE_LABEL = { 'ndt7-server': 'ndt7 server', 'ndt7-client': 'ndt7 browser', import: 'import', inspector: 'inspector' };
const round = (v, d = 3) => (v == null || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

/** The search ranking of a settlement for a query: exact name, prefix, word prefix, anything else; then population. */
function rank(item, q) {
  const names = [item.name, ...Object.values(item.names || {})].filter(Boolean).map(s => String(s).toLocaleLowerCase());
  let best = 3;
  for (const n of names) {
    if (n === q) best = Math.min(best, 0);
    else if (n.startsWith(q)) best = Math.min(best, 1);
    else if (n.split(/[\s\-–]+/).some(w => w.startsWith(q))) best = Math.min(best, 2);
  }
  return best;
}

// ------------------------------------------------------------------ the gauge (log scale 1 Mbit/s – 10 Gbit/s)

const G = { cx: 110, cy: 100, r: 80, from: 215, sweep: 250, min: 0, max: 4 };

function polar(angleDeg, r = G.r) {
  const a = angleDeg * Math.PI / 180;
  return [G.cx + r * Math.cos(a), G.cy - r * Math.sin(a)];
}

function arcPath(frac) {
  const f = Math.max(0.0005, Math.min(1, frac));
  const [x0, y0] = polar(G.from);
  const [x1, y1] = polar(G.from - G.sweep * f);
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${G.r} ${G.r} 0 ${G.sweep * f > 180 ? 1 : 0} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

const gaugeFrac = mbps => (mbps > 0 ? (Math.log10(Math.max(1, mbps)) - G.min) / (G.max - G.min) : 0);

class Gauge {
  constructor(svg) {
    this.svg = svg;
    const ticks = [[1, '1'], [10, '10'], [100, '100'], [1000, '1 G'], [10000, '10 G']].map(([v, label]) => {
      const a = G.from - G.sweep * gaugeFrac(v);
      const [x0, y0] = polar(a, G.r + 9);
      const [x1, y1] = polar(a, G.r + 3);
      const [tx, ty] = polar(a, G.r + 19);
      return `<line x1="${x0.toFixed(1)}" y1="${y0.toFixed(1)}" x2="${x1.toFixed(1)}" y2="${y1.toFixed(1)}" class="g-tick"/>`
        + `<text x="${tx.toFixed(1)}" y="${(ty + 3).toFixed(1)}" class="g-tick-label">${label}</text>`;
    }).join('');
    svg.innerHTML = `
      <path d="${arcPath(1)}" class="g-track"/>
      <path d="${arcPath(0)}" class="g-value" id="speedtest-gauge-value"/>
      ${ticks}
      <text x="${G.cx}" y="${G.cy - 8}" class="g-number" id="speedtest-gauge-number">—</text>
      <text x="${G.cx}" y="${G.cy + 10}" class="g-unit">Mbit/s</text>
      <text x="${G.cx}" y="${G.cy + 30}" class="g-phase" id="speedtest-gauge-phase">ready</text>`;
    this.value = svg.querySelector('#speedtest-gauge-value');
    this.number = svg.querySelector('#speedtest-gauge-number');
    this.phase = svg.querySelector('#speedtest-gauge-phase');
    this.set(null, null, 'ready');
  }

  set(mbps, kind, label) {
    this.value.setAttribute('d', arcPath(mbps == null ? 0 : gaugeFrac(mbps)));
    this.value.style.visibility = mbps == null || mbps <= 0 ? 'hidden' : 'visible';
    this.value.style.stroke = COLOR[kind] || '#94a3b8';
    this.number.textContent = mbps == null ? '—' : (mbps < 10 ? mbps.toFixed(2) : mbps < 1000 ? mbps.toFixed(1) : Math.round(mbps).toString());
    this.phase.textContent = label;
  }
}

// ------------------------------------------------------------------ the view

export class SpeedTest {
  constructor() {
    this.running = false;
    this.run = null;
    this.tag = { settlement: null, point: null, pointFrom: null, registered: null };
    this.operators = [];
    this.regionNames = new Map();
    this.settlementNames = new Map();
    this.highlight = new Set();
    this.suggestions = [];
    this.active = -1;
    this.searchSeq = 0;
    this.searchAbort = null;
    this.chart = null;
    this.map = null;
    this.gauge = new Gauge($('speedtest-gauge'));
    document.body.dataset.speedtest = 'idle';

    $('speedtest-server').textContent = `Server: ${location.host} (this Dala server)`;
    $('speedtest-start').addEventListener('click', () => this.start());
    $('speedtest-history-source').addEventListener('change', () => this.loadHistory());
    $('speedtest-operator').addEventListener('change', () => {
      const other = $('speedtest-operator').value === '__other';
      $('speedtest-operator-other').hidden = !other;
      if (other) $('speedtest-operator-other').focus();
    });
    this._wireSearch();
    this._initChart();
    this._renderChosen();
  }

  /** Called when the view is first shown: the map, the operator list, the history. */
  init() {
    if (this.inited) {
      this.map?.invalidateSize({ pan: false });
      return;
    }
    this.inited = true;
    this._initMap();
    api.operators().then(list => this._setOperators(Array.isArray(list) ? list : [])).catch(e => showError(e, 'Operators'));
    api.regions().then(list => {
      for (const r of Array.isArray(list) ? list : []) this.regionNames.set(r.code, r.name);
      this._renderHistory();
    }).catch(() => { /* region codes are shown instead */ });
    this.loadHistory();
  }

  // ---------------------------------------------------------------- tagging: settlement search
  _wireSearch() {
    const input = $('speedtest-settlement');
    const list = $('speedtest-suggestions');
    let timer = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      if (this.tag.settlement && input.value !== this.tag.settlement.name) this._choose(null);
      timer = setTimeout(() => this._search(input.value), 180);
    });
    input.addEventListener('keydown', e => {
      if (list.hidden && e.key === 'ArrowDown' && this.suggestions.length) { this._showList(true); return; }
      if (list.hidden) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = this.suggestions.length;
        if (!n) return;
        this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active <= 0 ? n - 1 : this.active - 1);
        this._renderSuggestions();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const s = this.suggestions[this.active >= 0 ? this.active : 0];
        if (s) this._choose(s, 'search');
      } else if (e.key === 'Escape') {
        this._showList(false);
      }
    });
    input.addEventListener('blur', () => setTimeout(() => this._showList(false), 150));
    input.addEventListener('focus', () => { if (this.suggestions.length && !this.tag.settlement) this._showList(true); });
    list.addEventListener('mousedown', e => e.preventDefault()); // keep the focus in the input
    list.addEventListener('click', e => {
      const li = e.target.closest('li[data-index]');
      if (li) this._choose(this.suggestions[Number(li.dataset.index)], 'search');
    });
  }

  async _search(text) {
    const q = String(text || '').trim();
    const seq = ++this.searchSeq;
    this.searchAbort?.abort();
    if (q.length < 2) {
      this.suggestions = [];
      this._showList(false);
      return;
    }
    const ctl = this.searchAbort = new AbortController();
    $('speedtest-suggestions').dataset.state = 'loading';
    try {
      const res = await api.searchSettlements(q, { signal: ctl.signal });
      if (seq !== this.searchSeq) return;
      const lq = q.toLocaleLowerCase();
      const items = (res?.items || []).map(it => ({ it, r: rank(it, lq) }))
        .sort((a, b) => a.r - b.r || (b.it.population ?? -1) - (a.it.population ?? -1) || String(a.it.name).localeCompare(String(b.it.name)))
        .slice(0, 8).map(x => x.it);
      this.suggestions = items;
      this.total = res?.total ?? items.length;
      this.active = items.length ? 0 : -1;
      this._renderSuggestions();
      this._showList(true);
    } catch (e) {
      if (e?.name !== 'AbortError') showError(e, 'Settlement search');
    }
  }

  _renderSuggestions() {
    const list = $('speedtest-suggestions');
    list.dataset.state = 'ready';
    if (!this.suggestions.length) {
      list.innerHTML = '<li class="suggest-empty muted" role="presentation">No settlement matches.</li>';
      return;
    }
    list.innerHTML = this.suggestions.map((s, i) => {
      const alt = s.names && s.names.en && s.names.en !== s.name ? ` <span class="muted">(${esc(s.names.en)})</span>` : '';
      return `<li role="option" id="speedtest-suggestion-${i}" data-index="${i}" data-id="${esc(s.id)}" class="${i === this.active ? 'is-active' : ''}" aria-selected="${i === this.active}">
        <span class="suggest-name">${esc(s.name)}${alt}</span>
        <span class="suggest-meta">${esc(kindLabel(s.kind))} · ${esc(s.regionName || s.region || '')}${s.population != null ? ' · pop. ' + fmtInt(s.population) : ''}</span>
      </li>`;
    }).join('') + (this.total > this.suggestions.length ? `<li class="suggest-more muted" role="presentation">${fmtInt(this.total)} matches — type more to narrow</li>` : '');
    $('speedtest-settlement').setAttribute('aria-activedescendant', this.active >= 0 ? `speedtest-suggestion-${this.active}` : '');
  }

  _showList(on) {
    const list = $('speedtest-suggestions');
    list.hidden = !on;
    $('speedtest-settlement').setAttribute('aria-expanded', String(on));
  }

  /** Chooses a settlement (null clears); how: "search" (its centre is the location) or "map" (the clicked point). */
  _choose(s, how, point, distanceKm) {
    this._showList(false);
    const input = $('speedtest-settlement');
    if (!s) {
      this.tag = { settlement: null, point: null, pointFrom: null, registered: null };
      delete input.dataset.settlementId;
      this._renderChosen();
      this._renderMarkers();
      return;
    }
    this.tag = {
      settlement: { id: s.id, name: s.name, names: s.names, kind: s.kind, region: s.region, regionName: s.regionName, lon: s.lon, lat: s.lat, population: s.population },
      point: point || { lon: s.lon, lat: s.lat },
      pointFrom: point ? 'map' : 'centre',
      distanceKm: distanceKm ?? null,
      registered: null,
    };
    input.value = s.name;
    input.dataset.settlementId = s.id;
    this._renderChosen();
    this._renderMarkers(how === 'search');
    const id = s.id;
    api.settlement(id).then(d => {
      if (this.tag.settlement?.id !== id) return;
      this.tag.registered = d?.status || null;
      this._renderChosen();
    }).catch(() => { /* the registry line is optional */ });
  }

  _renderChosen() {
    const box = $('speedtest-chosen');
    const t = this.tag;
    if (!t.settlement) {
      box.innerHTML = '<span class="muted">No settlement chosen — search above or click the map. Untagged tests are stored too, but count for no settlement.</span>';
      box.dataset.id = '';
      $('speedtest-location').textContent = '';
      return;
    }
    const s = t.settlement;
    box.dataset.id = s.id;
    const reg = t.registered;
    let registered = '';
    if (reg) {
      const active = (reg.active || []).slice(0, 3).map(a => `<span class="tech-chip"><span class="swatch" style="background:${techColor(a.technology)}"></span>${esc(techLabel(a.technology))}${a.operator ? ' · ' + esc(a.operator) : ''}</span>`).join(' ');
      registered = `<div class="st-chosen-reg"><span class="muted">In the registry:</span> ${active || esc(techLabel(reg.technology))}${(reg.active || []).some(a => a.synthetic) ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</div>`;
    }
    box.innerHTML = `
      <div class="st-chosen-main">
        <span class="st-chosen-pin" aria-hidden="true"></span>
        <span class="st-chosen-name">${esc(s.name)}</span>
        <span class="muted">${esc(kindLabel(s.kind))} · ${esc(s.regionName || s.region || '')}${s.population != null ? ' · pop. ' + fmtInt(s.population) : ''}</span>
        <button type="button" class="link-button st-clear" id="speedtest-clear" title="Clear the settlement">clear</button>
      </div>${registered}`;
    box.querySelector('#speedtest-clear').addEventListener('click', () => { $('speedtest-settlement').value = ''; this._choose(null); });
    const p = t.point;
    $('speedtest-location').textContent = p
      ? `Location sent with the test: ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)} — ${t.pointFrom === 'map'
        ? `the point picked on the map${t.distanceKm != null ? `, ${t.distanceKm.toFixed(1)} km from the settlement's centre` : ''}`
        : 'the settlement\'s centre'}.`
      : '';
  }

  // ---------------------------------------------------------------- tagging: pick on the map
  _initMap() {
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
      this._choose(hit.settlement, 'map', { lon, lat }, hit.distanceKm);
    } catch (e) {
      showError(e, 'Nearest settlement');
    } finally {
      $('speedtest-map').classList.remove('is-busy');
    }
  }

  _renderMarkers(fly = false) {
    if (!this.map) return;
    this.markers.clearLayers();
    const t = this.tag;
    const region = t.settlement?.region || null;
    this.regionLayer?.eachLayer(l => l.setStyle(l.feature?.properties?.code === region && region
      ? { fillColor: '#eef0ff', color: '#6d5bd0', weight: 1.4 } : { fillColor: '#ffffff', color: '#94a3b8', weight: 0.8 }));
    if (!t.settlement) return;
    const s = t.settlement;
    const centre = [s.lat, s.lon];
    if (t.pointFrom === 'map' && t.point) {
      const p = [t.point.lat, t.point.lon];
      L.polyline([p, centre], { color: '#4a2bd1', weight: 1.2, dashArray: '3 4', interactive: false }).addTo(this.markers);
      L.circleMarker(p, { radius: 5, color: '#fff', weight: 2, fillColor: '#e4572e', fillOpacity: 1, interactive: false }).addTo(this.markers);
    }
    L.circleMarker(centre, { radius: 7, color: '#fff', weight: 2, fillColor: '#4a2bd1', fillOpacity: 1 })
      .bindTooltip(esc(s.name), { permanent: true, direction: 'right', offset: [8, 0], className: 'st-map-label' }).addTo(this.markers);
    if (fly) this.map.setView(centre, Math.max(this.map.getZoom(), 6), { animate: false });
  }

  _setOperators(list) {
    this.operators = list;
    const sel = $('speedtest-operator');
    const cur = sel.value;
    const rows = list.slice().sort((a, b) => String(a.name || a.id).localeCompare(String(b.name || b.id)));
    sel.innerHTML = '<option value="">Not given</option>'
      + rows.map(o => `<option value="${esc(o.id)}">${esc(o.name || o.id)}</option>`).join('')
      + '<option value="__other">Other (type the name)…</option>';
    if ([...sel.options].some(o => o.value === cur)) sel.value = cur;
    this._renderHistory();
  }

  operatorName(id) {
    if (!id) return '';
    const o = this.operators.find(x => x.id === id);
    return o ? (o.name || o.id) : id;
  }

  /** The tags sent with the test (empty ones left out). */
  tagValues() {
    const t = this.tag;
    const sel = $('speedtest-operator').value;
    const operator = sel === '__other' ? $('speedtest-operator-other').value.trim() : sel;
    const out = {};
    if (t.settlement) out.settlementId = t.settlement.id;
    if (operator) out.operator = operator;
    if ($('speedtest-access').value) out.access = $('speedtest-access').value;
    if (t.point) {
      out.lat = Math.round(t.point.lat * 1e5) / 1e5;
      out.lon = Math.round(t.point.lon * 1e5) / 1e5;
    }
    return out;
  }

  // ---------------------------------------------------------------- live chart
  _initChart() {
    const canvas = $('speedtest-chart');
    if (!window.Chart || !canvas) return;
    const ds = (kind, mean) => ({
      label: mean ? `${PHASE_LABEL[kind]} (running mean)` : PHASE_LABEL[kind],
      data: [],
      borderColor: COLOR[kind],
      backgroundColor: mean ? COLOR[kind] : COLOR[kind] + '1f',
      borderWidth: mean ? 1.4 : 2,
      borderDash: mean ? [5, 4] : [],
      fill: !mean,
      pointRadius: 0,
      cubicInterpolationMode: 'monotone',
      kind,
    });
    this.chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: [ds('download', false), ds('download', true), ds('upload', false), ds('upload', true)] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 2, font: { size: 11 } } },
          tooltip: { callbacks: { title: items => items.length ? `${items[0].parsed.x.toFixed(2)} s` : '', label: i => `${i.dataset.label}: ${fmtSpeed(i.parsed.y)}` } },
        },
        scales: {
          x: { type: 'linear', min: 0, suggestedMax: NOMINAL_S, title: { display: true, text: 'seconds since the direction started', font: { size: 11 } }, ticks: { font: { size: 11 } }, grid: { color: '#eef1f4' } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'Mbit/s', font: { size: 11 } }, ticks: { font: { size: 11 } }, grid: { color: '#eef1f4' } },
        },
      },
    });
  }

  _chartPoint(kind, t, inst, mean) {
    if (!this.chart) return;
    const [a, b] = kind === 'download' ? [0, 1] : [2, 3];
    if (inst != null && Number.isFinite(inst)) this.chart.data.datasets[a].data.push({ x: t, y: inst });
    if (mean != null && Number.isFinite(mean)) this.chart.data.datasets[b].data.push({ x: t, y: mean });
    const now = performance.now();
    if (!this._chartAt || now - this._chartAt > 200) {
      this._chartAt = now;
      this.chart.update('none');
    }
  }

  _resetChart() {
    if (!this.chart) return;
    for (const d of this.chart.data.datasets) d.data = [];
    this.chart.update('none');
  }

  // ---------------------------------------------------------------- running the test
  _phase(text, step) {
    $('speedtest-phase').textContent = text;
    document.querySelectorAll('.st-step').forEach(el => {
      const order = ['download', 'upload', 'store'];
      const i = order.indexOf(el.dataset.step), cur = order.indexOf(step);
      el.classList.toggle('is-current', el.dataset.step === step);
      el.classList.toggle('is-done', cur > i || step === 'done');
    });
  }

  _progress(frac) {
    const pct = Math.max(0, Math.min(100, frac * 100));
    $('speedtest-progress-bar').style.width = pct + '%';
    $('speedtest-progress-bar').parentElement.setAttribute('aria-valuenow', String(Math.round(pct)));
  }

  _setResult(kind, text, sub, live = false) {
    const id = kind === 'download' ? 'speedtest-down' : kind === 'upload' ? 'speedtest-up' : 'speedtest-latency';
    // "123.4 Mbit/s": the number large, the unit small (textContent stays "123.4 Mbit/s").
    const m = /^([\d.]+) (.+)$/.exec(text);
    $(id).innerHTML = m ? `<span class="st-v">${esc(m[1])}</span> <span class="st-u">${esc(m[2])}</span>` : esc(text);
    $(id).classList.toggle('is-live', live);
    if (sub != null) $(`${id}-sub`).innerHTML = sub;
  }

  async start() {
    if (this.running) return;
    const ndt7 = window.ndt7;
    if (!ndt7 || typeof ndt7.test !== 'function') {
      showError({ title: 'Speed test unavailable', detail: 'The ndt7 client (/lib/ndt7/ndt7.js) did not load; reload the page.' });
      return;
    }
    this.running = true;
    const btn = $('speedtest-start');
    btn.disabled = true;
    btn.textContent = 'Testing…';
    document.body.dataset.speedtest = 'running';
    document.body.classList.add('st-running');
    $('speedtest-stored').hidden = true;
    $('speedtest-stored').innerHTML = '';
    for (const k of ['download', 'upload', 'latency']) this._setResult(k, '—', '');
    this._resetChart();
    this.gauge.set(null, null, 'connecting');
    this._phase('Connecting to the server…', 'download');
    this._progress(0);

    const tag = this.tagValues();
    const metadata = { client_name: CLIENT_NAME, client_version: CLIENT_VERSION };
    for (const [k, v] of Object.entries(tag)) metadata[k] = String(v);
    const fresh = () => ({ client: null, server: null, uuid: null, minRttUs: null, last: null, done: false, started: false });
    const run = this.run = { startedAt: new Date(), tag, download: fresh(), upload: fresh(), errors: [] };
    // The server's records already there, so the new ones can be told apart even without a UUID.
    const before = await api.measurements({ source: 'ndt7-server', limit: 20 }).then(r => new Set((r || []).map(m => m.id))).catch(() => new Set());

    let rc;
    try {
      rc = await ndt7.test({
        server: location.host,
        protocol: location.protocol === 'https:' ? 'wss' : 'ws',
        userAcceptedDataPolicy: true,
        metadata,
        downloadworkerfile: WORKERS.download,
        uploadworkerfile: WORKERS.upload,
      }, {
        error: e => run.errors.push(String(e?.message || e || 'error')),
        downloadStart: () => this._start('download'),
        downloadMeasurement: m => this._measurement('download', m),
        downloadComplete: r => this._complete('download', r),
        uploadStart: () => this._start('upload'),
        uploadMeasurement: m => this._measurement('upload', m),
        uploadComplete: r => this._complete('upload', r),
      });
    } catch (e) {
      run.errors.push(String(e?.message || e));
      rc = -1;
    }
    if (this.chart) this.chart.update('none');
    await this._finish(run, rc, before);
    this.running = false;
    btn.disabled = false;
    btn.textContent = 'Run again';
    $('speedtest-took').textContent = `The last test took ${((Date.now() - run.startedAt.getTime()) / 1000).toFixed(0)} s.`;
    document.body.classList.remove('st-running');
  }

  _start(kind) {
    const ph = this.run[kind];
    ph.started = true;
    this._phase(kind === 'download' ? 'Measuring download…' : 'Measuring upload…', kind);
    this.gauge.set(0, kind, kind);
    this._progress(kind === 'download' ? 0 : 0.45);
  }

  _measurement(kind, m) {
    const ph = this.run?.[kind];
    if (!ph || !m) return;
    if (m.Source === 'client') {
      const d = m.Data || {};
      const t = Number(d.ElapsedTime), bytes = Number(d.NumBytes), mean = Number(d.MeanClientMbps);
      if (!Number.isFinite(t)) return;
      let inst = null;
      if (ph.last && t > ph.last.t) inst = Math.max(0, (bytes - ph.last.bytes) * 8 / 1e6 / (t - ph.last.t));
      ph.last = { t, bytes };
      ph.client = d;
      this._chartPoint(kind, t, inst, mean);
      if (Number.isFinite(mean)) {
        this.gauge.set(mean, kind, kind);
        this._setResult(kind, fmtSpeed(mean), null, true);
      }
      const within = Math.min(1, t / NOMINAL_S);
      this._progress(kind === 'download' ? within * 0.45 : 0.45 + within * 0.45);
    } else {
      const s = m.Data || {};
      ph.server = s;
      if (s.ConnectionInfo?.UUID && !ph.uuid) ph.uuid = s.ConnectionInfo.UUID;
      if (s.ConnectionInfo?.Client && !ph.client_addr) ph.client_addr = hostOf(s.ConnectionInfo.Client);
      const rtt = Number(s.TCPInfo?.MinRTT);
      if (Number.isFinite(rtt) && rtt > 0) {
        ph.minRttUs = ph.minRttUs == null ? rtt : Math.min(ph.minRttUs, rtt);
        if (kind === 'download') this._setResult('latency', fmtMs(ph.minRttUs / 1000), null, true);
      }
    }
  }

  _complete(kind, r) {
    const ph = this.run?.[kind];
    if (!ph) return;
    ph.done = true;
    if (r?.LastClientMeasurement) ph.client = r.LastClientMeasurement;
    const mean = Number(ph.client?.MeanClientMbps);
    if (Number.isFinite(mean)) this._setResult(kind, fmtSpeed(mean), `${(Number(ph.client.NumBytes) / 1e6).toFixed(1)} MB in ${Number(ph.client.ElapsedTime).toFixed(1)} s · browser`);
    this._progress(kind === 'download' ? 0.45 : 0.9);
  }

  async _finish(run, rc, before) {
    const down = run.download, up = run.upload;
    const downOk = down.done && down.client && Number.isFinite(Number(down.client.MeanClientMbps));
    const upOk = up.done && up.client && Number.isFinite(Number(up.client.MeanClientMbps));
    for (const k of ['download', 'upload']) {
      const ph = run[k];
      this._setResult(k, ph.client ? fmtSpeed(Number(ph.client.MeanClientMbps)) : '—', null, false);
    }
    const rttUs = down.minRttUs ?? up.minRttUs;
    const latencyMs = rttUs != null ? rttUs / 1000 : null;
    this._setResult('latency', fmtMs(latencyMs), latencyMs != null ? `server TCP_INFO · ${down.minRttUs != null ? 'download' : 'upload'} connection` : 'not reported by the server', false);
    this.gauge.set(downOk ? Number(down.client.MeanClientMbps) : null, 'download', downOk ? 'download' : 'no result');

    if (!downOk) {
      document.body.dataset.speedtest = 'error';
      this._phase('The test did not run', 'error');
      this._progress(0);
      const detail = run.errors.length ? run.errors.join('; ') : 'No measurement came back from the server.';
      showError({ title: 'Speed test failed', detail: `${detail}. The server may be busy (it runs a limited number of tests at once) — try again in a few seconds.` });
      this._renderStored(run, null, null, 'The test did not complete; nothing was stored by this page.');
      return;
    }
    if (!upOk) showError({ title: 'Upload test incomplete', detail: run.errors.join('; ') || 'The upload did not report a result.' });

    // 1. The browser's figures (source ndt7-client), accepted by the server only through the ndt7 session that produced
    //    them: the download's uuid, from this network (POST /api/measurements/ndt7/{uuid}). The server fixes the id,
    //    the time and the client network; the page gives its figures and tags.
    this._phase('Storing the result…', 'store');
    this._progress(0.92);
    const t = run.tag;
    const record = {
      id: down.uuid ? `ndt7-${down.uuid}-client` : undefined,
      downMbps: round(Number(down.client.MeanClientMbps)),
      upMbps: upOk ? round(Number(up.client.MeanClientMbps)) : undefined,
      latencyMs: round(latencyMs),
      bytes: Math.round(Number(down.client.NumBytes)),
      durationS: round(Number(down.client.ElapsedTime)),
      settlementId: t.settlementId,
      lon: t.lon,
      lat: t.lat,
      operator: t.operator,
      access: t.access,
      complete: !!(downOk && upOk && rc === 0),
    };
    for (const k of Object.keys(record)) if (record[k] == null || record[k] === '') delete record[k];
    let client = null;
    if (down.uuid) {
      const { id, ...figures } = record;
      // The server records the test when its connection closes, a moment after the page has its last message.
      for (let attempt = 0; attempt < 8 && !client; attempt++) {
        try {
          const res = await api.postNdt7ClientResult(down.uuid, figures);
          client = res?.results?.[0] || { id, status: res?.stored ? 'stored' : res?.duplicates ? 'duplicate' : 'quarantined', reasons: [] };
        } catch (e) {
          if (e?.status !== 404 || attempt === 7) { showError(e, 'Storing the browser result'); break; }
          await new Promise(r => setTimeout(r, 500));
        }
      }
    }

    // 2. The server's own records of both directions (source ndt7-server), written when each test ended.
    const wanted = [down.uuid ? `ndt7-${down.uuid}-download` : null, upOk && up.uuid ? `ndt7-${up.uuid}-upload` : null];
    const expect = upOk ? 2 : 1;
    let server = [];
    const until = performance.now() + SERVER_RECORD_WAIT_MS;
    while (performance.now() < until) {
      try {
        const rows = await api.measurements({ source: 'ndt7-server', limit: 20 });
        const fresh = (rows || []).filter(m => !before.has(m.id));
        server = wanted.some(Boolean)
          ? fresh.filter(m => wanted.includes(m.id))
          : fresh.slice(0, expect);
        if (server.length >= expect) break;
      } catch (e) {
        if (e?.status === 404) break; // this server keeps no measurements
      }
      await new Promise(r => setTimeout(r, 600));
    }
    server.sort((a, b) => (a.downMbps != null ? 0 : 1) - (b.downMbps != null ? 0 : 1));

    const clientOk = client && (client.status === 'stored' || client.status === 'duplicate');
    const serverOk = server.length >= expect;
    this._renderStored(run, client, server, null, record);
    this.highlight = new Set([...server.map(m => m.id), client?.id].filter(Boolean));
    for (const m of server) {
      const kind = m.downMbps != null ? 'download' : 'upload';
      const v = kind === 'download' ? m.downMbps : m.upMbps;
      const ph = run[kind];
      $(kind === 'download' ? 'speedtest-down-sub' : 'speedtest-up-sub').innerHTML =
        `${esc((Number(ph.client.NumBytes) / 1e6).toFixed(1))} MB in ${esc(Number(ph.client.ElapsedTime).toFixed(1))} s · server measured ${esc(fmtSpeed(v))}`;
    }
    this._progress(1);
    if (clientOk && serverOk) {
      this._phase('Done — stored', 'done');
      document.body.dataset.speedtest = 'stored';
    } else {
      this._phase(clientOk ? 'Done — the server record was not found' : 'Done — not stored', 'done');
      document.body.dataset.speedtest = 'unstored';
    }
    this.loadHistory();
  }

  _renderStored(run, client, server, failure, record) {
    const box = $('speedtest-stored');
    box.hidden = false;
    if (failure) {
      box.className = 'st-stored is-error';
      box.innerHTML = esc(failure);
      return;
    }
    const validity = m => m.valid
      ? '<span class="badge badge-ok">valid</span>'
      : `<span class="badge badge-open" title="${esc(INVALID_HELP)}">invalid</span> <span class="st-reasons">${esc((m.reasons || []).join('; '))}</span>`;
    const rows = [];
    for (const m of server || []) {
      const kind = m.downMbps != null ? 'download' : 'upload';
      rows.push(`<tr data-id="${esc(m.id)}"><th>Server measurement, ${kind}<code>${esc(m.id)}</code></th>`
        + `<td class="num">${esc(fmtSpeed(kind === 'download' ? m.downMbps : m.upMbps))}</td><td>${validity(m)}</td></tr>`);
    }
    if (client) {
      const ok = client.status === 'stored' || client.status === 'duplicate';
      rows.push(`<tr data-id="${esc(client.id || '')}"><th>Browser measurement, down / up${client.status === 'duplicate' ? ' (already stored)' : ''}<code>${esc(client.id || '—')}</code></th>`
        + `<td class="num">${esc(fmtSpeed(record?.downMbps))} / ${esc(fmtSpeed(record?.upMbps))}</td>`
        + `<td>${ok ? validity({ valid: client.valid, reasons: client.reasons }) : `<span class="badge badge-open">${esc(client.status)}</span> <span class="st-reasons">${esc((client.reasons || []).join('; '))}</span>`}</td></tr>`);
    } else {
      rows.push('<tr><th>Browser measurement</th><td colspan="2" class="no">not stored</td></tr>');
    }
    const expect = run.upload.done ? 2 : 1;
    const all = client && (client.status === 'stored' || client.status === 'duplicate') && (server || []).length >= expect;
    box.className = 'st-stored' + (all ? ' is-ok' : ' is-warn');
    box.dataset.clientId = client?.id || '';
    box.dataset.serverIds = (server || []).map(m => m.id).join(',');
    box.innerHTML = `
      <div class="st-stored-head">${all ? '<span class="st-check" aria-hidden="true">✓</span> <b>Stored</b> in the national measurement registry'
        : '<b>Partly stored</b> — see below'}
        <span class="muted">· test started ${esc(fmtDateTime(run.startedAt.toISOString()))} UTC</span></div>
      <table class="kv st-stored-table"><tbody>${rows.join('')}</tbody></table>
      ${(server || []).some(m => !m.valid) || (client && client.valid === false)
        ? `<div class="hint" title="${esc(INVALID_HELP)}">Invalid tests are kept with their reasons but left out of the quality statistics; a test from this machine over loopback or a private network is always invalid. <span class="info-i">i</span></div>` : ''}`;
  }

  // ---------------------------------------------------------------- history
  async loadHistory() {
    const seq = this.historySeq = (this.historySeq || 0) + 1;
    const source = $('speedtest-history-source').value || null;
    try {
      const rows = await api.measurements({ limit: 10, source });
      if (seq !== this.historySeq) return;
      this.history = Array.isArray(rows) ? rows : [];
      this._renderHistory();
      this._lookupNames(this.history);
    } catch (e) {
      if (seq !== this.historySeq) return;
      const none = e?.status === 404;
      $('speedtest-history').querySelector('tbody').innerHTML = `<tr><td colspan="9" class="${none ? 'muted' : 'no'}">${none
        ? 'This server keeps no measurements (it was started without a measurement store).' : 'Could not load the measurements.'}</td></tr>`;
      if (!none) showError(e, 'Latest tests');
    }
  }

  _lookupNames(rows) {
    const missing = [...new Set(rows.map(r => r.settlementId).filter(id => id && !this.settlementNames.has(id)))];
    if (!missing.length) return;
    for (const id of missing) this.settlementNames.set(id, null);
    Promise.all(missing.map(id => api.settlement(id).then(d => this.settlementNames.set(id, d?.name || id)).catch(() => this.settlementNames.set(id, id))))
      .then(() => this._renderHistory());
  }

  _renderHistory() {
    const body = $('speedtest-history').querySelector('tbody');
    const rows = this.history;
    if (!rows) return;
    if (!rows.length) {
      body.innerHTML = '<tr><td colspan="9" class="muted">No measurements yet — run a test above.</td></tr>';
      return;
    }
    body.innerHTML = rows.map(m => {
      const place = m.settlementId
        ? `${esc(this.settlementNames.get(m.settlementId) || m.settlementId)}<span class="muted"> · ${esc(this.regionNames.get(m.region) || m.region || '')}</span>`
        : (m.region ? esc(this.regionNames.get(m.region) || m.region) : '<span class="muted">—</span>');
      const validity = m.valid
        ? '<span class="badge badge-ok">valid</span>'
        : `<span class="badge badge-open" title="${esc(INVALID_HELP)}">invalid</span><div class="st-reasons" title="${esc(INVALID_HELP)}">${esc((m.reasons || []).join('; '))}</div>`;
      const access = m.access ? `<span class="tech-chip"><span class="swatch" style="background:${techColor(m.access)}"></span>${esc(techLabel(m.access))}</span>` : '<span class="muted">—</span>';
      return `<tr data-id="${esc(m.id)}" class="${this.highlight.has(m.id) ? 'is-new' : ''}${m.valid ? '' : ' is-invalid'}">
        <td class="nowrap">${esc(fmtDateTime(m.time))}</td>
        <td class="nowrap">${esc(SOURCE_LABEL[m.source] || m.source)}${m.synthetic ? ' <span class="badge badge-synthetic badge-xs" title="Generated for demonstration, not observed">synthetic</span>' : ''}</td>
        <td>${place}</td>
        <td>${m.operator ? esc(this.operatorName(m.operator)) : '<span class="muted">—</span>'}</td>
        <td>${access}</td>
        <td class="num nowrap">${esc(fmtSpeed(m.downMbps))}</td>
        <td class="num nowrap">${esc(fmtSpeed(m.upMbps))}</td>
        <td class="num nowrap">${esc(fmtMs(m.latencyMs))}</td>
        <td>${validity}</td>
      </tr>`;
    }).join('');
    document.body.dataset.speedtestHistory = String(rows.length);
  }
}

/** "127.0.0.1:51234" → "127.0.0.1", "[::1]:51234" → "::1"; null when it is not an address. */
function hostOf(hostPort) {
  const t = String(hostPort || '').trim();
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(t);
  if (v6) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(t);
  if (v4) return v4[1];
  return /^[0-9a-fA-F:]+$/.test(t) && t.includes(':') ? t : null;
}

/** Douglas–Peucker for a region's rings at a coarser tolerance (the pick map is small). */
function simplify(g, tol) {
  const ring = r => simplifyLine(r, tol);
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(p => p.map(ring)) };
  return g;
}

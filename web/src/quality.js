// Quality view: what the measurements say. Summary counts, a region choropleth of the median download (zoom-16
// tiles when zoomed in), the distribution of download speeds, and a region × operator table with CSV export.
// Only valid single tests count in the statistics; synthetic measurements are labelled.
import { api, buildUrl } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtPct, fmtDateTime } from './format.js';
import { simplifyLine, KZ_BOUNDS } from './map.js';
import { withBasemap } from './basemap.js';
import { fmtSpeed, fmtMs } from './speedtest.js';
import { locale } from './i18n.js';
import { TestsLayer } from './quality-tests.js';

const $ = id => document.getElementById(id);
const L = window.L;

/** Median-download classes (Mbit/s), ColorBrewer YlGnBu (colour-blind safe). 30 and 100 Mbit/s are the usual policy thresholds. */
export const SPEED_CLASSES = [
  { from: 0, to: 10, color: '#ffffcc', label: '< 10' },
  { from: 10, to: 30, color: '#c7e9b4', label: '10–30' },
  { from: 30, to: 50, color: '#7fcdbb', label: '30–50' },
  { from: 50, to: 100, color: '#41b6c4', label: '50–100' },
  { from: 100, to: 200, color: '#2c7fb8', label: '100–200' },
  { from: 200, to: Infinity, color: '#253494', label: '≥ 200' },
];
const NO_DATA = '#e8ecf0';
/** Fewer valid tests than this: the figure is indicative only. */
const FEW_TESTS = 30;
/** Tiles are drawn from this zoom on. */
const TILE_ZOOM = 9;

export function speedColor(mbps) {
  if (mbps == null || !Number.isFinite(Number(mbps))) return NO_DATA;
  const v = Number(mbps);
  return (SPEED_CLASSES.find(c => v >= c.from && v < c.to) || SPEED_CLASSES[SPEED_CLASSES.length - 1]).color;
}

const fmtRange = s => (s ? `${fmtNum1(s.p10)}–${fmtNum1(s.p90)}` : '—');
function fmtNum1(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  const n = Number(v);
  return n < 10 ? n.toFixed(1) : fmtInt(n);
}
const med = s => (s ? s.median : null);

const COLUMNS = [
  { key: 'region', label: 'Region', type: 'text', get: r => r.regionName || r.region || '' },
  { key: 'operator', label: 'Operator', type: 'text', get: (r, q) => q.operatorName(r.operator) },
  { key: 'tests', label: 'Valid tests', type: 'num', get: r => r.tests },
  { key: 'down', label: 'Download median', type: 'speed', get: r => med(r.downMbps) },
  { key: 'downRange', label: 'Download p10–p90', type: 'range', get: r => r.downMbps?.p10, spread: r => r.downMbps },
  { key: 'up', label: 'Upload median', type: 'speed', get: r => med(r.upMbps) },
  { key: 'latency', label: 'Latency median', type: 'ms', get: r => med(r.latencyMs) },
  { key: 'share100', label: '≥ 100 Mbit/s', type: 'share', get: r => r.shareAtLeast100Mbps },
];

export class Quality {
  constructor() {
    this.inited = false;
    this.seq = 0;
    this.operators = [];
    this.regions = [];
    this.sort = { key: 'region', dir: 1 };
    this.rows = [];
    this.byRegion = new Map();
    this.chart = null;
    this.map = null;
    this.tileSeq = 0;
    document.body.dataset.quality = 'idle';
    for (const id of ['quality-region', 'quality-operator', 'quality-month']) $(id).addEventListener('change', () => this.refresh());
    const thead = $('quality-table').querySelector('thead');
    thead.addEventListener('click', e => {
      const th = e.target.closest('th[data-key]');
      if (!th) return;
      const key = th.dataset.key;
      this.sort = this.sort.key === key ? { key, dir: -this.sort.dir } : { key, dir: COLUMNS.find(c => c.key === key)?.type === 'text' ? 1 : -1 };
      this._renderTable();
    });
    thead.addEventListener('keydown', e => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('th[data-key]')) { e.preventDefault(); e.target.click(); }
    });
    $('quality-quarantine').addEventListener('toggle', e => { if (e.target.open) this._loadQuarantine(); });
  }

  /** Called each time the view is shown; loads everything the first time. */
  init() {
    if (this.inited) {
      this.map?.invalidateSize({ pan: false });
      return this.loading;
    }
    this.inited = true;
    this._initMap();
    this.loading = this._load();
    return this.loading;
  }

  operatorName(id) {
    if (!id) return 'Unknown operator';
    const o = this.operators.find(x => x.id === id);
    return o ? (o.name || o.id) : id;
  }

  filters() {
    return { region: $('quality-region').value || null, operator: $('quality-operator').value || null, month: $('quality-month').value || null };
  }

  async _load() {
    document.body.dataset.quality = 'loading';
    const shapes = api.regionShapes().then(fc => this._setShapes(fc)).catch(e => showError(e, 'Region polygons'));
    const lists = Promise.all([
      api.operators().catch(() => []),
      api.regions().catch(() => []),
      api.qualityAggregates({ by: 'month' }).catch(() => []),
    ]).then(([ops, regions, months]) => {
      this.operators = Array.isArray(ops) ? ops : [];
      this.regions = Array.isArray(regions) ? regions : [];
      const opts = (list, all) => `<option value="">${all}</option>` + list.join('');
      $('quality-region').innerHTML = opts(this.regions.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)))
        .map(r => `<option value="${esc(r.code)}">${esc(r.name || r.code)}</option>`), 'All regions');
      $('quality-operator').innerHTML = opts(this.operators.slice().sort((a, b) => String(a.name || a.id).localeCompare(String(b.name || b.id)))
        .map(o => `<option value="${esc(o.id)}">${esc(o.name || o.id)}</option>`), 'All operators');
      const ms = [...new Set((Array.isArray(months) ? months : []).map(m => m.month).filter(Boolean))].sort().reverse();
      $('quality-month').innerHTML = opts(ms.map(m => `<option value="${esc(m)}">${esc(monthLabel(m))}</option>`), 'All months');
    });
    await Promise.all([lists, shapes]);
    await this.refresh();
  }

  /** Summary, map, histogram and table for the current filters. */
  async refresh() {
    const seq = ++this.seq;
    document.body.dataset.quality = 'loading';
    const f = this.filters();
    $('quality-export-csv').href = buildUrl('/api/quality/aggregates', { by: 'region,operator', ...f, format: 'csv' });
    try {
      const [summary, overall, byRegion, table, histogram] = await Promise.all([
        api.qualitySummary(),
        api.qualityAggregates({ by: 'all', ...f }),
        api.qualityAggregates({ by: 'region', operator: f.operator, month: f.month }),
        api.qualityAggregates({ by: 'region,operator', ...f }),
        api.qualityHistogram({ region: f.region, operator: f.operator }),
      ]);
      if (seq !== this.seq) return;
      this.summary = summary;
      this.overall = (Array.isArray(overall) ? overall[0] : null) || null;
      this.byRegion = new Map((byRegion || []).filter(r => r.region).map(r => [r.region, r]));
      this.outside = (byRegion || []).find(r => !r.region) || null;
      this.rows = Array.isArray(table) ? table : [];
      this.histogram = Array.isArray(histogram) ? histogram : [];
      this._renderSummary();
      this._renderSynthetic();
      this._styleRegions();
      this._renderLegend();
      this._renderHistogram();
      this._renderTable();
      this._loadTiles();
      this.tests?.show(summary?.measurements || 0, { region: f.region, operator: f.operator });
      document.body.dataset.quality = 'ready';
    } catch (e) {
      if (seq !== this.seq) return;
      document.body.dataset.quality = 'error';
      if (e?.status === 404) {
        this.noStore = true;
        this._renderNote();
        return;
      }
      showError(e, 'Quality');
    }
  }

  // ---------------------------------------------------------------- synthetic labelling
  /** Synthetic tests in the store, as the summary counts them (all tests, and the valid ones the statistics use). */
  _syntheticCounts() {
    const s = this.summary;
    if (!s || !Number.isFinite(s.synthetic)) return null;
    return { synthetic: s.synthetic, tests: s.measurements || 0, valid: s.valid || 0, syntheticValid: s.syntheticValid || 0 };
  }

  _renderSynthetic() {
    const s = this._syntheticCounts();
    const any = !!(s && s.synthetic > 0);
    const all = any && s.synthetic === s.tests;
    const label = all ? 'Synthetic measurements' : 'Includes synthetic measurements';
    const badge = $('quality-synthetic');
    badge.hidden = !any;
    badge.textContent = label;
    document.body.classList.toggle('quality-synthetic', any);
    if (this.stamp) {
      if (any) this.stamp.addTo(this.map);
      else this.stamp.remove();
      const el = document.getElementById('quality-map-synthetic');
      if (el) el.textContent = label;
    }
    this._renderNote();
  }

  _renderNote() {
    if (this.noStore) {
      $('quality-note').textContent = 'This server keeps no measurements (it was started without a measurement store).';
      return;
    }
    const notes = [];
    const s = this._syntheticCounts();
    if (s && s.synthetic > 0) {
      notes.push(s.synthetic === s.tests
        ? 'All measurements are SYNTHETIC (generated for demonstration): the figures below are not observations of any real network.'
        : `SYNTHETIC measurements are mixed in (${fmtInt(s.synthetic)} of ${fmtInt(s.tests)} tests; ${fmtInt(s.syntheticValid)} of the ${fmtInt(s.valid)} valid tests the statistics count): the figures below are not purely observed data.`);
    }
    notes.push('Statistics count valid single tests only; invalid tests (too short, too little data, incomplete, or from a private or loopback address) are kept but left out.');
    $('quality-note').textContent = notes.join(' ');
  }

  // ---------------------------------------------------------------- summary
  _renderSummary() {
    const s = this.summary || {};
    const set = (id, v) => {
      $(id).textContent = fmtInt(v);
      $(id).dataset.value = v == null ? '' : String(v);
    };
    set('quality-count', s.measurements);
    set('quality-valid', s.valid);
    set('quality-invalid', s.invalid);
    set('quality-quarantined', s.quarantined);
    $('quality-count-sub').textContent = s.tiles ? `incl. ${fmtInt(s.tiles)} aggregated tiles (Ookla)` : 'speed tests';
    $('quality-valid-sub').textContent = s.measurements ? `${fmtPct(s.valid / s.measurements)} of all` : '';

    // One exact group of every valid test passing the filters (region, operator, month): median and share >= 100 Mbit/s.
    const f = this.filters();
    const scope = [f.region ? (this.regions.find(r => r.code === f.region)?.name || f.region) : 'Kazakhstan', f.operator ? this.operatorName(f.operator) : null, f.month || null]
      .filter(Boolean).join(' · ');
    const exact = this.overall;
    if (exact && exact.downMbps && exact.tests) {
      const share = exact.shareAtLeast100Mbps;
      $('quality-share100').textContent = share != null ? fmtPct(share) : '—';
      $('quality-share100-sub').textContent = `of ${fmtInt(exact.tests)} valid tests · ${scope}`;
      $('quality-median').textContent = fmtSpeed(exact.downMbps.median);
      $('quality-median-sub').textContent = `Mbit/s, exact · p10–p90 ${fmtRange(exact.downMbps)} · ${fmtInt(exact.tests)} tests · ${scope}`;
    } else {
      for (const id of ['quality-share100', 'quality-median']) $(id).textContent = '—';
      for (const id of ['quality-share100-sub', 'quality-median-sub']) $(id).textContent = `no valid tests · ${scope}`;
    }
  }

  // ---------------------------------------------------------------- the map
  _initMap() {
    const el = $('quality-map');
    if (!L || !el) return;
    const map = this.map = withBasemap(L.map(el, { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 3, maxZoom: 16, attributionControl: false, fadeAnimation: false }));
    map.fitBounds(KZ_BOUNDS, { padding: [6, 6], animate: false });
    this.regionRenderer = L.svg({ padding: 0.3 });
    this.tileRenderer = L.canvas({ padding: 0.3 });
    this.regionLayer = L.geoJSON(null, {
      renderer: this.regionRenderer,
      style: f => this._regionStyle(f),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(() => this._regionTip(f.properties?.code, f.properties?.name), { sticky: true, direction: 'top', className: 'qa-tip', opacity: 1 });
        layer.on('click', e => {
          if (this.tests?.pick(e.latlng)) return; // a test's dot: the map opens its card
          const code = f.properties?.code || '';
          $('quality-region').value = $('quality-region').value === code ? '' : code;
          this.refresh();
        });
        layer.on('mouseover', () => { layer.setStyle({ weight: 2, color: '#1e293b' }); layer.bringToFront(); });
        layer.on('mouseout', () => {
          layer.setStyle(this._regionStyle(f));
          // Keep the selected region's outline on top.
          this.regionLayer.eachLayer(l => { if (l.feature?.properties?.code && l.feature.properties.code === $('quality-region').value) l.bringToFront(); });
        });
      },
    }).addTo(map);
    this.tileLayer = L.geoJSON(null, {
      renderer: this.tileRenderer,
      style: f => ({ color: '#1e293b', weight: 0.3, opacity: 0.6, fillColor: speedColor(f.properties?.medianDownMbps), fillOpacity: 0.9 }),
      onEachFeature: (f, layer) => layer.bindTooltip(() => this._tileTip(f.properties || {}), { sticky: true, direction: 'top', className: 'qa-tip', opacity: 1 }),
    }).addTo(map);
    this.tests = new TestsLayer(map, speedColor);
    map.on('click', e => this.tests.openAt(e.latlng));
    this.stamp = L.control({ position: 'bottomright' });
    this.stamp.onAdd = () => {
      const div = L.DomUtil.create('div', 'map-synthetic');
      div.id = 'quality-map-synthetic';
      div.textContent = 'Includes synthetic measurements';
      div.title = 'Some or all of the measurements shown are SYNTHETIC (generated for demonstration), not observed data';
      return div;
    };
    map.on('moveend', () => this._loadTiles());
    map.on('zoomend', () => this._renderLegend());
  }

  _setShapes(fc) {
    if (!this.regionLayer) return;
    const feats = (fc?.features || []).filter(f => f && f.geometry).map(f => ({ ...f, geometry: simplify(f.geometry, 0.0025) }));
    this.regionLayer.clearLayers();
    this.regionLayer.addData({ type: 'FeatureCollection', features: feats });
    this.regionLayer.eachLayer(l => l.getElement?.()?.classList.add('quality-region'));
  }

  _regionStyle(f) {
    const code = f.properties?.code;
    const row = this.byRegion.get(code);
    const selected = code && code === $('quality-region').value;
    const few = row && row.tests < FEW_TESTS;
    return {
      className: 'quality-region',
      color: selected ? '#111827' : '#ffffff',
      weight: selected ? 2.6 : 1,
      opacity: 1,
      dashArray: few && !selected ? '3 3' : null,
      fillColor: speedColor(row?.downMbps?.median),
      fillOpacity: this._tilesShown ? 0.35 : 0.92,
    };
  }

  _styleRegions() {
    if (!this.regionLayer) return;
    this.regionLayer.eachLayer(l => {
      l.setStyle(this._regionStyle(l.feature));
      if (l.feature?.properties?.code && l.feature.properties.code === $('quality-region').value) l.bringToFront();
      const el = l.getElement?.();
      if (el) {
        el.classList.add('quality-region');
        el.dataset.region = l.feature.properties?.code || '';
        const row = this.byRegion.get(l.feature.properties?.code);
        el.dataset.median = row?.downMbps ? String(row.downMbps.median) : '';
      }
    });
    const f = this.filters();
    const parts = ['valid tests', f.operator ? this.operatorName(f.operator) : 'all operators', f.month ? monthLabel(f.month) : 'all months'];
    $('quality-map-sub').textContent = parts.join(' · ') + ` · zoom in (≥ ${TILE_ZOOM}) for 600 m tiles`;
  }

  _regionTip(code, name) {
    const r = this.byRegion.get(code);
    const head = `<div class="qa-tip-head">${esc(name || code)}</div>`;
    if (!r || !r.downMbps) return head + '<div class="muted">No valid tests for the current filters.</div>';
    return head + `
      <table class="qa-tip-table"><tbody>
        <tr><th>Median download</th><td><b>${esc(fmtSpeed(r.downMbps.median))}</b></td></tr>
        <tr><th>p10–p90</th><td>${esc(fmtRange(r.downMbps))} Mbit/s</td></tr>
        <tr><th>Median upload</th><td>${esc(fmtSpeed(med(r.upMbps)))}</td></tr>
        <tr><th>Median latency</th><td>${esc(fmtMs(med(r.latencyMs)))}</td></tr>
        <tr><th>Valid tests</th><td>${esc(fmtInt(r.tests))}${r.tests < FEW_TESTS ? ' <span class="qa-few">few: indicative only</span>' : ''}</td></tr>
        <tr><th>≥ 100 Mbit/s</th><td>${esc(fmtPct(r.shareAtLeast100Mbps))} of tests</td></tr>
      </tbody></table>
      ${document.body.classList.contains('quality-synthetic') ? '<div class="qa-tip-syn"><span class="badge badge-synthetic badge-xs">synthetic</span> includes synthetic measurements</div>' : ''}
      <div class="qa-tip-foot muted">Click to ${$('quality-region').value === code ? 'clear the region filter' : 'filter by this region'}</div>`;
  }

  _tileTip(p) {
    return `<div class="qa-tip-head">Tile ${esc(p.quadkey || '')} <span class="muted">(zoom 16, ~600 m)</span></div>
      <table class="qa-tip-table"><tbody>
        <tr><th>Median download</th><td><b>${esc(fmtSpeed(p.medianDownMbps))}</b></td></tr>
        <tr><th>Median upload</th><td>${esc(fmtSpeed(p.medianUpMbps))}</td></tr>
        <tr><th>Median latency</th><td>${esc(fmtMs(p.medianLatencyMs))}</td></tr>
        <tr><th>Valid tests</th><td>${esc(fmtInt(p.tests))}</td></tr>
      </tbody></table>
      <div class="qa-tip-foot muted">all operators, all months</div>`;
  }

  async _loadTiles() {
    if (!this.map || !this.tileLayer) return;
    const seq = ++this.tileSeq;
    const zoom = this.map.getZoom();
    if (zoom < TILE_ZOOM) {
      if (this._tilesShown) {
        this.tileLayer.clearLayers();
        this._tilesShown = false;
        this._styleRegions();
        this._renderLegend();
      }
      return;
    }
    const b = this.map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(5)).join(',');
    try {
      const fc = await api.qualityTiles({ bbox, limit: 5000 });
      if (seq !== this.tileSeq) return;
      this.tileLayer.clearLayers();
      this.tileLayer.addData(fc);
      this._tilesShown = true;
      this.tileCount = (fc?.features || []).length;
      this._styleRegions();
      this._renderLegend();
    } catch (e) {
      if (seq === this.tileSeq) showError(e, 'Quality tiles');
    }
  }

  _renderLegend() {
    const el = document.getElementById('quality-legend');
    if (!el) return;
    const tiles = this._tilesShown;
    el.innerHTML = `
      <span class="qa-legend-title">Median download, Mbit/s</span>
      ${SPEED_CLASSES.map(c => `<span class="qa-legend-item"><span class="qa-swatch" style="background:${c.color}"></span>${esc(c.label)}</span>`).join('')}
      <span class="qa-legend-item"><span class="qa-swatch" style="background:${NO_DATA}"></span>no valid tests</span>
      <span class="qa-legend-item"><span class="qa-swatch qa-swatch-few"></span>&lt; ${FEW_TESTS} tests: indicative</span>
      <span class="qa-legend-note">${tiles ? `${fmtInt(this.tileCount || 0)} tiles of ~600 m in view (all operators, all months)` : ''}</span>`;
  }

  // ---------------------------------------------------------------- histogram
  _renderHistogram() {
    const canvas = $('quality-histogram');
    if (!window.Chart || !canvas) return;
    const h = this.histogram || [];
    // Leading empty bands are left out; the rest stay, so gaps show.
    let first = h.findIndex(b => b.tests > 0);
    if (first < 0) first = 0;
    let last = h.length - 1;
    while (last > first && !(h[last].tests > 0)) last--;
    const rows = h.slice(first, Math.min(h.length, last + 2));
    const total = rows.reduce((a, b) => a + (b.tests || 0), 0);
    const data = {
      labels: rows.map(bandLabel),
      datasets: [{
        label: 'Valid tests',
        data: rows.map(b => b.tests),
        backgroundColor: rows.map(b => speedColor(b.from)),
        borderColor: rows.map(b => (b.from >= 100 ? '#1e3a8a' : '#64748b')),
        borderWidth: 1,
        barPercentage: 1,
        categoryPercentage: 0.94,
      }],
    };
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: items => (items.length ? `${items[0].label} Mbit/s` : ''),
            label: item => `${fmtInt(item.parsed.y)} tests (${fmtPct(total ? item.parsed.y / total : null)})`,
          },
        },
      },
      scales: {
        x: { title: { display: true, text: 'Download, Mbit/s (log-scale bands)', font: { size: 11 } }, ticks: { font: { size: 10 }, maxRotation: 50, minRotation: 0 }, grid: { display: false } },
        y: { beginAtZero: true, title: { display: true, text: 'Valid tests', font: { size: 11 } }, ticks: { font: { size: 11 }, precision: 0 }, grid: { color: '#eef1f4' } },
      },
    };
    if (this.chart) {
      this.chart.data = data;
      this.chart.options = options;
      this.chart.update('none');
    } else {
      this.chart = new window.Chart(canvas, { type: 'bar', data, options });
    }
    canvas.dataset.bars = String(rows.length);
    canvas.dataset.tests = String(total);
    const f = this.filters();
    const scope = [f.region ? (this.regions.find(r => r.code === f.region)?.name || f.region) : 'all regions', f.operator ? this.operatorName(f.operator) : 'all operators', 'all months'];
    $('quality-histogram-sub').textContent = `${fmtInt(total)} valid tests · ${scope.join(' · ')}`;
  }

  // ---------------------------------------------------------------- table
  _renderTable() {
    const table = $('quality-table');
    const col = COLUMNS.find(c => c.key === this.sort.key) || COLUMNS[0];
    const dir = this.sort.dir;
    const rows = this.rows.slice().sort((a, b) => {
      const va = col.get(a, this), vb = col.get(b, this);
      if (va == null && vb == null) return 0;
      if (va == null || va === '') return 1;
      if (vb == null || vb === '') return -1;
      const c = col.type === 'text' ? String(va).localeCompare(String(vb)) : va - vb;
      return c * dir || String(a.regionName || '').localeCompare(String(b.regionName || '')) || String(a.operator || '').localeCompare(String(b.operator || ''));
    });
    table.querySelector('thead').innerHTML = '<tr>' + COLUMNS.map(c => {
      const sorted = c.key === this.sort.key;
      return `<th data-key="${c.key}" class="${c.type !== 'text' ? 'num' : ''}${sorted ? ' sorted' : ''}" aria-sort="${sorted ? (dir > 0 ? 'ascending' : 'descending') : 'none'}" tabindex="0" title="Sort by ${esc(c.label)}">${esc(c.label)}<span class="sort-arrow">${sorted ? (dir > 0 ? '▲' : '▼') : ''}</span></th>`;
    }).join('') + '</tr>';
    if (!rows.length) {
      table.querySelector('tbody').innerHTML = `<tr><td colspan="${COLUMNS.length}" class="muted">No valid tests for these filters.</td></tr>`;
      return;
    }
    // The bar of the p10–p90 range is on a log scale of 1 Mbit/s – 1 Gbit/s.
    const pos = v => Math.max(0, Math.min(100, (Math.log10(Math.max(1, v)) / 3) * 100));
    const cell = (c, r) => {
      const v = c.get(r, this);
      switch (c.type) {
        case 'num': return `<td class="num">${esc(fmtInt(v))}${r.tests < FEW_TESTS ? ' <span class="qa-few" title="Fewer than 30 valid tests: indicative only">few</span>' : ''}</td>`;
        case 'speed': return `<td class="num nowrap">${v == null ? '—' : `<span class="qa-dot" style="background:${speedColor(v)}"></span>${esc(fmtSpeed(v))}`}</td>`;
        case 'ms': return `<td class="num nowrap">${esc(fmtMs(v))}</td>`;
        case 'range': {
          const s = c.spread(r);
          if (!s) return '<td class="num">—</td>';
          return `<td class="num nowrap qa-range-cell"><span class="qa-range" title="p10 ${esc(fmtSpeed(s.p10))} · median ${esc(fmtSpeed(s.median))} · p90 ${esc(fmtSpeed(s.p90))}">`
            + `<span class="qa-range-bar" style="left:${pos(s.p10)}%;width:${Math.max(1, pos(s.p90) - pos(s.p10))}%"></span>`
            + `<span class="qa-range-med" style="left:${pos(s.median)}%"></span></span>${esc(fmtRange(s))}</td>`;
        }
        case 'share': {
          const w = v == null ? 0 : Math.max(0, Math.min(100, v * 100));
          return `<td class="num share-cell"><span class="track"><span class="bar" style="width:${w}%;background:#2c7fb8"></span></span><span class="v">${esc(fmtPct(v))}</span></td>`;
        }
        default:
          if (c.key === 'region') return `<td>${r.region ? esc(v) : '<span class="muted">Outside the region polygons</span>'}</td>`;
          return `<td>${r.operator ? esc(v) : '<span class="muted">Unknown operator</span>'}</td>`;
      }
    };
    table.querySelector('tbody').innerHTML = rows.map(r => `<tr data-region="${esc(r.region || '')}" data-operator="${esc(r.operator || '')}" class="${r.tests < FEW_TESTS ? 'is-few' : ''}">${COLUMNS.map(c => cell(c, r)).join('')}</tr>`).join('');
  }

  // ---------------------------------------------------------------- quarantine
  async _loadQuarantine() {
    const table = $('quality-quarantine-table');
    table.innerHTML = '<tbody><tr><td class="muted">Loading…</td></tr></tbody>';
    try {
      const rows = await api.quarantine({ limit: 50 });
      if (!rows?.length) {
        table.innerHTML = '<tbody><tr><td class="muted">No quarantined lines.</td></tr></tbody>';
        return;
      }
      table.innerHTML = `<thead><tr><th>Received (UTC)</th><th>Origin</th><th class="num">Line</th><th>Why</th><th>Content</th></tr></thead><tbody>`
        + rows.map(q => `<tr><td class="nowrap">${esc(fmtDateTime(q.receivedAt))}</td><td>${esc(q.origin)}</td><td class="num">${esc(fmtInt(q.line))}</td>`
          + `<td class="no">${esc((q.reasons || []).join('; '))}</td><td><code class="qa-content" title="${esc(q.content)}">${esc(String(q.content || '').slice(0, 160))}</code></td></tr>`).join('')
        + '</tbody>';
    } catch (e) {
      table.innerHTML = e?.status === 401 || e?.status === 403
        ? '<tbody><tr><td class="muted">Sign in (analyst or inspector) to see the quarantined lines.</td></tr></tbody>'
        : '<tbody><tr><td class="no">Could not load the quarantine.</td></tr></tbody>';
      if (!(e?.status === 401 || e?.status === 403)) showError(e, 'Quarantine');
    }
  }
}

function bandLabel(b) {
  const f = v => (v >= 1000 ? `${v / 1000} G` : String(v));
  if (b.to == null) return `≥ ${f(b.from)}`;
  return `${f(b.from)}–${f(b.to)}`;
}

function monthLabel(m) {
  const [y, mo] = String(m).split('-').map(Number);
  if (!y || !mo) return m;
  return new Date(Date.UTC(y, mo - 1, 1)).toLocaleDateString(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function simplify(g, tol) {
  const ring = r => simplifyLine(r, tol);
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(p => p.map(ring)) };
  return g;
}

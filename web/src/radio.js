// Radio layers on the map: sites, the coverage raster (best RSRP), predicted service at settlements and road
// coverage, each with its legend; the latest coverage run's summary; and the hooks the browser tests wait for
// (document.body.dataset.layerSites / layerRaster / layerCoverage / layerRoads).
import { api, COVERAGE_CSV_URL } from './api.js';
import { showError } from './notify.js';
import {
  esc, fmtInt, fmtNum, fmtPct, fmtDateTime, fmtFixed1, SERVICE_CLASSES, SERVICE_BY_ID, serviceClass, modelLabel,
  coveredThreshold, rampColour,
} from './format.js';
import { SitesLayer, SECTOR_COLORS, TICKS_FROM_ZOOM } from './sites.js';
import { CoverageRunForm } from './coverage-run.js';

/** A cell size in degrees with the digits it needs: 0.02 → "0.02°" (not "0°"), 0.5 → "0.5°", 1 → "1°". */
export function fmtDeg(deg) {
  if (deg == null || !Number.isFinite(Number(deg))) return '—';
  return `${Number(Number(deg).toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 })}°`;
}

const L = window.L;
const $ = id => document.getElementById(id);
const hooks = document.body.dataset;

// Short notes under disabled layers (the row's tooltip has the long form).
const NO_RUN = { note: 'No run yet: <code>dala radio coverage</code>', title: 'No coverage run yet: run `dala radio coverage` to compute coverage.' };
const NO_SITES = { note: 'No sites: <code>dala import sites FILE</code>', title: 'No radio sites in the store: import them with `dala import sites FILE.csv`, or place a synthetic layout with `dala scenario sites`.' };
const NO_RASTER = { note: 'No raster in this run: <code>--raster W,S,E,N</code>', title: 'The latest coverage run has no raster: run `dala radio coverage --raster west,south,east,north`.' };
const NO_ROADS = { note: 'No roads in this run: <code>--roads FILE</code>', title: 'The latest coverage run assessed no roads: run `dala radio coverage --roads FILE.geojson` (or --roads synthetic).' };

/** RSRP colours when a run has no raster legend (the server's ramp). */
const DEFAULT_RSRP_STOPS = [{ value: -120, colour: '#d7191c' }, { value: -95, colour: '#ffff00' }, { value: -70, colour: '#1a9641' }];
const NO_SERVICE_ON_RAMP = '#475569';
/** Share of a road's kilometres covered: red → green. */
const SHARE_STOPS = [
  { value: 0, colour: '#c8102e' }, { value: 0.25, colour: '#f46d43' }, { value: 0.5, colour: '#f6b73c' },
  { value: 0.75, colour: '#8cc63f' }, { value: 1, colour: '#1a9641' },
];

const LAYERS = [
  { key: 'sites', id: 'layer-sites', label: 'Radio sites', title: 'Radio sites and their sectors' },
  { key: 'raster', id: 'layer-coverage-raster', label: 'Coverage raster', title: 'Best-server RSRP raster of the latest coverage run' },
  { key: 'settlements', id: 'layer-coverage-settlements', label: 'Predicted service', sub: 'settlements', title: 'Predicted service at settlements (recolours the settlement points)' },
  { key: 'roads', id: 'layer-coverage-roads', label: 'Roads coverage', title: 'Roads coloured by the share of their kilometres covered' },
];

const dbm = v => (v == null ? '—' : `${fmtFixed1(v)} dBm`);
const mbit = v => (v == null ? '—' : `${fmtNum(v)} Mbit/s`);

export class RadioLayers {
  /**
   * @param {{map: L.Map, points: any, settlements: () => any[], techStyle: () => object, onColouring?: (on:boolean) => void,
   *          syntheticStamp: L.Control}} opts
   */
  constructor({ map, points, settlements, techStyle, onColouring, syntheticStamp }) {
    this.map = map;
    this.points = points;
    this.settlements = settlements;
    this.techStyle = techStyle;
    this.onColouring = onColouring || (() => {});
    this.stamp = syntheticStamp;
    this.panel = $('layers-panel');
    this.state = Object.fromEntries(LAYERS.map(l => [l.key, { available: null, note: 'Loading…', meta: '', synthetic: false, busy: false }]));
    this.sites = [];
    this.siteById = new Map();
    this.sitesSynthetic = false;
    this.run = undefined;          // undefined: loading, null: no run
    this.rowsById = null;
    this._rows = null;
    this._roads = null;
    this.roadItems = [];
    this.roadsLayer = null;
    this.rasterOverlay = null;
    this._rasterSeq = 0;
    this.opacity = 0.7;
    this.mode = 'class';
    this.counts = null;
    let resolveRun;
    this.runReady = new Promise(r => { resolveRun = r; });
    this._resolveRun = resolveRun;

    for (const [name, z] of [['dalaRaster', 410], ['dalaRoads', 420]]) {
      const pane = map.createPane(name);
      pane.style.zIndex = z;
      pane.style.pointerEvents = 'none';
    }
    this.sitesLayer = new SitesLayer();
    this._build();
    this.pointerOverlays = [this._sitesOverlay(), this._roadsOverlay()];
  }

  // ------------------------------------------------------------------ panel
  _build() {
    this.panel.innerHTML = `
      <header class="layers-head">
        <button type="button" id="layers-toggle" class="layers-toggle" aria-expanded="true" aria-controls="layers-body" title="Show or hide the layers panel">
          <span class="layers-glyph" aria-hidden="true"></span><span class="layers-title">Layers</span>
          <span id="layers-synthetic" class="badge badge-synthetic badge-xs" hidden title="The radio sites and coverage are computed from SYNTHETIC inputs">synthetic</span>
          <span class="chev" aria-hidden="true"></span>
        </button>
      </header>
      <div id="layers-body" class="layers-body">
        <div class="layer-list">
          ${LAYERS.map(l => `
          <div class="layer is-loading" data-layer="${l.key}" id="${l.id}-row">
            <label class="layer-row" for="${l.id}" title="${esc(l.title)}">
              <input type="checkbox" id="${l.id}" disabled>
              <span class="layer-icon layer-icon-${l.key}" aria-hidden="true"></span>
              <span class="layer-name">${esc(l.label)}${l.sub ? ` <span class="layer-sub">· ${esc(l.sub)}</span>` : ''}</span>
              <span class="layer-syn" hidden title="Synthetic inputs">SYN</span>
              <span class="layer-meta" id="${l.id}-meta"></span>
            </label>
            <div class="layer-note" id="${l.id}-note">Loading…</div>
            <div class="layer-extra" id="${l.id}-extra" hidden></div>
          </div>`).join('')}
        </div>
        <section id="coverage-summary" class="coverage-summary" aria-label="Latest coverage run" data-state="loading">
          <div class="muted">Loading coverage…</div>
        </section>
      </div>`;
    // Analysts and admins queue a new run from here (a job); others see the latest run only (CSS hides the form).
    this.runForm = new CoverageRunForm($('layers-body'), {
      onDone: async () => {
        this._rows = null;
        this._setRun(await api.coverage());
      },
    });
    L.DomEvent.disableClickPropagation(this.panel);
    L.DomEvent.disableScrollPropagation(this.panel);

    const collapse = on => {
      this.panel.classList.toggle('is-collapsed', on);
      $('layers-toggle').setAttribute('aria-expanded', String(!on));
    };
    $('layers-toggle').addEventListener('click', () => collapse(!this.panel.classList.contains('is-collapsed')));
    if (window.matchMedia && window.matchMedia('(max-width: 760px)').matches) collapse(true);   // small screens: map first
    for (const l of LAYERS) {
      $(l.id).addEventListener('change', e => this._toggle(l.key, e.target.checked));
    }

    // Extras (legends and controls) are static per layer; their numbers are filled in later.
    $('layer-sites-extra').innerHTML = `
      <div class="key-row" title="Sector azimuths are drawn from zoom ${TICKS_FROM_ZOOM}; click a mast for its sectors">
        <span class="key-item"><span class="key-mast" aria-hidden="true"></span>mast</span>
        <span class="key-item"><span class="key-tick" style="background:${SECTOR_COLORS['4G']}"></span>4G</span>
        <span class="key-item"><span class="key-tick key-tick-short" style="background:${SECTOR_COLORS['5G']}"></span>5G sector</span>
      </div>`;
    $('layer-coverage-raster-extra').innerHTML = `
      <div id="raster-legend"></div>
      <div class="opacity-row">
        <label for="layer-coverage-raster-opacity">Opacity</label>
        <input type="range" id="layer-coverage-raster-opacity" min="10" max="100" step="5" value="${Math.round(this.opacity * 100)}">
        <span id="layer-coverage-raster-opacity-value" class="opacity-value">${Math.round(this.opacity * 100)}%</span>
        <button type="button" class="icon-button icon-button-small" id="layer-coverage-raster-zoom" title="Zoom to the raster area" aria-label="Zoom to the raster area">⤢</button>
      </div>`;
    $('layer-coverage-raster-opacity').addEventListener('input', e => {
      this.opacity = Number(e.target.value) / 100;
      $('layer-coverage-raster-opacity-value').textContent = `${e.target.value}%`;
      if (this.rasterOverlay) this.rasterOverlay.setOpacity(this.opacity);
    });
    $('layer-coverage-raster-zoom').addEventListener('click', () => {
      const r = this.run?.raster;
      if (r) this.map.fitBounds([[r.south, r.west], [r.north, r.east]], { padding: [20, 20], animate: false });
    });
    $('layer-coverage-settlements-extra').innerHTML = `
      <div class="segmented segmented-small" role="radiogroup" aria-label="Colour settlements by">
        <label><input type="radio" name="coverage-mode" id="layer-coverage-mode-class" value="class" checked><span>Speed class</span></label>
        <label><input type="radio" name="coverage-mode" id="layer-coverage-mode-rsrp" value="rsrp"><span>Best RSRP</span></label>
      </div>
      <div id="coverage-settlements-legend"></div>`;
    for (const id of ['layer-coverage-mode-class', 'layer-coverage-mode-rsrp']) {
      $(id).addEventListener('change', e => {
        if (!e.target.checked) return;
        this.mode = e.target.value;
        if ($('layer-coverage-settlements').checked && this.rowsById) this._colourSettlements();
      });
    }
    $('layer-coverage-roads-extra').innerHTML = `
      ${gradientLegend(SHARE_STOPS, { title: 'Share of each road’s km covered', format: v => `${Math.round(v * 100)}%` })}`;
    this._renderAll();
  }

  _renderRow(key) {
    const l = LAYERS.find(x => x.key === key);
    const st = this.state[key];
    const row = $(`${l.id}-row`), box = $(l.id);
    box.disabled = st.available !== true;
    if (st.available !== true && box.checked) box.checked = false;
    row.classList.toggle('is-loading', st.available == null);
    row.classList.toggle('is-disabled', st.available === false);
    row.classList.toggle('is-on', box.checked);
    row.classList.toggle('is-busy', !!st.busy);
    // One "synthetic" badge in the header; per-layer marks only when the layers differ.
    const avail = Object.values(this.state).filter(x => x.available);
    const mixed = avail.some(x => x.synthetic) && avail.some(x => !x.synthetic);
    for (const l2 of LAYERS) {
      const x = this.state[l2.key];
      $(`${l2.id}-row`).querySelector('.layer-syn').hidden = !(mixed && x.available && x.synthetic);
    }
    $('layers-synthetic').hidden = !avail.some(x => x.synthetic);
    $(`${l.id}-meta`).textContent = st.meta || '';
    const note = $(`${l.id}-note`);
    note.innerHTML = st.busy ? 'Loading…' : st.note || '';
    note.hidden = !note.innerHTML;
    row.title = st.available === false ? st.title || note.textContent : '';
    $(`${l.id}-extra`).hidden = !box.checked;
  }

  _renderAll() {
    for (const l of LAYERS) this._renderRow(l.key);
  }

  _set(key, patch) {
    Object.assign(this.state[key], patch);
    this._renderRow(key);
  }

  // ------------------------------------------------------------------ loading
  /** Loads the site list and the latest run after the settlements (the big request) are in. */
  async start({ dataset, ready }) {
    try {
      await ready;
    } catch {
      this._resolveRun(null);
      for (const l of LAYERS) this._set(l.key, { available: false, note: 'Settlements could not be loaded.' });
      return;
    }
    let siteCount = 0;
    try {
      const fc = await api.sites();
      this._setSites(fc);
      siteCount = this.sites.length;
    } catch (e) {
      showError(e, 'Radio sites');
      this._set('sites', { available: false, note: 'Radio sites could not be loaded.' });
    }
    // A coverage run needs sites; without any (and no sites ever imported) there is nothing to ask for.
    const ds = await Promise.resolve(dataset).catch(() => null);
    const sitesEverImported = !!(ds && Array.isArray(ds.sources) && ds.sources.some(s => s.kind === 'sites'));
    let run = null;
    if (siteCount > 0 || sitesEverImported) {
      try {
        run = await api.coverage();
      } catch (e) {
        if (e.status !== 404) showError(e, 'Coverage');
        run = null;
      }
    }
    this._setRun(run);
    hooks.radio = 'ready';
  }

  _setSites(fc) {
    const list = [];
    for (const f of Array.isArray(fc?.features) ? fc.features : []) {
      const c = f?.geometry?.coordinates;
      if (!Array.isArray(c) || !Number.isFinite(+c[0]) || !Number.isFinite(+c[1])) continue;
      const p = f.properties || {};
      list.push({ ...p, id: String(p.id ?? f.id), lon: +c[0], lat: +c[1], sectors: Array.isArray(p.sectors) ? p.sectors : [] });
    }
    this.sites = list;
    this.siteById = new Map(list.map((s, i) => [s.id, { ...s, index: i }]));
    this.sitesSynthetic = !!fc?.synthetic || list.some(s => s.synthetic);
    const sectors = list.reduce((n, s) => n + s.sectors.length, 0);
    this._set('sites', list.length
      ? { available: true, note: '', meta: fmtInt(list.length), synthetic: this.sitesSynthetic }
      : { available: false, ...NO_SITES, meta: '' });
    $('layer-sites-meta').title = list.length ? `${fmtInt(list.length)} sites, ${fmtInt(sectors)} sectors` : '';
  }

  _setRun(run) {
    this.run = run || null;
    this._resolveRun(this.run);
    hooks.coverageRun = run ? String(run.id) : 'none';
    if (!run) {
      for (const k of ['raster', 'settlements', 'roads']) this._set(k, { available: false, ...NO_RUN, meta: '' });
      this._renderSummary();
      return;
    }
    const syn = !!run.synthetic;
    const r = run.raster;
    this._set('raster', r
      ? { available: true, note: '', meta: fmtDeg(r.cellDeg), synthetic: syn }
      : { available: false, ...NO_RASTER, meta: '' });
    if (r) $('layer-coverage-raster-meta').title = `${fmtInt(r.width)} × ${fmtInt(r.height)} cells of ${fmtDeg(r.cellDeg)}`;
    this._set('settlements', run.settlements > 0
      ? { available: true, note: '', meta: fmtInt(run.settlements), synthetic: syn }
      : { available: false, note: 'The latest run has no settlement predictions.', meta: '' });
    this._set('roads', run.roads > 0
      ? { available: true, note: '', meta: `${fmtInt(run.roadKm)} km`, synthetic: syn }
      : { available: false, ...NO_ROADS, meta: '' });
    if (run.roads > 0) $('layer-coverage-roads-meta').title = `${fmtInt(run.roads)} roads, ${fmtInt(run.roadKm)} km`;
    $('raster-legend').innerHTML = r ? rasterLegend(r.legend, coveredThreshold(run.assumptions)) : '';
    this._renderSummary();
  }

  _renderSummary() {
    const el = $('coverage-summary');
    const run = this.run;
    if (!run) {
      el.dataset.state = 'none';
      const needSites = !this.sites.length
        ? ' It needs radio sites first: <code>dala import sites FILE.csv</code> or <code>dala scenario sites</code> (synthetic).' : '';
      el.innerHTML = `<div class="cov-head"><span class="cov-title">Coverage</span></div>
        <div class="cov-empty">No coverage run yet: run <code>dala radio coverage</code> (or, signed in as an analyst, <b>Run coverage</b> below) to compute coverage.${needSites}</div>`;
      return;
    }
    const share = (k, n) => (n > 0 ? k / n : null);
    const r = run.raster;
    el.dataset.state = 'ready';
    el.innerHTML = `
      <div class="cov-head">
        <span class="cov-title">Coverage run <span id="coverage-run-id">#${esc(run.id)}</span></span>
        ${run.synthetic ? '<span class="badge badge-synthetic badge-xs" title="Computed from synthetic inputs (sites, terrain or roads)">synthetic</span>' : ''}
      </div>
      <div class="cov-meta">
        <span title="Propagation model">${esc(modelLabel(run.model))}</span> ·
        <span id="coverage-terrain" title="${run.terrainUsed ? 'Terrain profiles from a DEM were used' : 'No DEM: ITM area mode'}">terrain: <b>${run.terrainUsed ? 'yes' : 'no'}</b></span> ·
        <span>${fmtInt(run.sites)} sites</span>
      </div>
      <div class="cov-kpis">
        <div class="cov-kpi" title="${fmtInt(run.covered)} of ${fmtInt(run.settlements)} settlements at or above the RSRP threshold">
          <span class="cov-v" id="coverage-covered-share">${esc(fmtPct(share(run.covered, run.settlements)))}</span><span class="cov-l">settlements covered</span></div>
        <div class="cov-kpi" title="${fmtInt(run.meets100Mbps)} of ${fmtInt(run.settlements)} settlements">
          <span class="cov-v" id="coverage-mbps100-share">${esc(fmtPct(share(run.meets100Mbps, run.settlements)))}</span><span class="cov-l">≥ 100 Mbit/s busy hour</span></div>
        <div class="cov-kpi" title="${fmtInt(run.roadCoveredKm)} of ${fmtInt(run.roadKm)} km">
          <span class="cov-v" id="coverage-roads-share">${esc(fmtPct(share(run.roadCoveredKm, run.roadKm)))}</span><span class="cov-l">road km covered</span></div>
      </div>
      <div class="cov-sub">${fmtInt(run.settlements)} settlements${run.roads ? `, ${fmtInt(run.roadKm)} road km` : ''} · computed ${esc(fmtDateTime(run.createdAt))}</div>
      <div class="cov-links">
        ${r ? `<a id="coverage-geotiff" class="button button-small" href="${esc(r.geoTiffUrl)}" download title="Best RSRP, float32 dBm, EPSG:4326">GeoTIFF</a>`
          : '<a id="coverage-geotiff" class="button button-small is-empty" aria-disabled="true" title="The latest run has no raster">GeoTIFF</a>'}
        <a id="coverage-csv" class="button button-small" href="${COVERAGE_CSV_URL}" download title="Predicted service per settlement">Settlements CSV</a>
      </div>
      <details class="cov-assumptions"><summary>Assumptions</summary><p id="coverage-assumptions">${esc(run.assumptions || '—')}</p></details>`;
    const tif = $('coverage-geotiff');
    if (!r) tif.addEventListener('click', e => e.preventDefault());
  }

  /** Per-settlement predictions of the latest run (loaded once, on demand). */
  rows() {
    if (!this._rows) {
      this._rows = api.coverageSettlements().then(list => {
        this.rowsById = new Map((Array.isArray(list) ? list : []).map(r => [String(r.settlementId), r]));
        return this.rowsById;
      });
      this._rows.catch(() => { this._rows = null; });
    }
    return this._rows;
  }

  roads() {
    if (!this._roads) {
      this._roads = api.coverageRoads();
      this._roads.catch(() => { this._roads = null; });
    }
    return this._roads;
  }

  /** For the settlement card: {run, row, site} of the latest run, or null when there is no run. */
  async predictionFor(id) {
    const run = await this.runReady;
    if (!run) return null;
    const rows = await this.rows();
    const row = rows.get(String(id)) || null;
    return { run, row, site: row && row.siteId ? this.siteById.get(row.siteId) || null : null };
  }

  /** Extra hover-label line for a settlement while the prediction layer is on. */
  describeSettlement(id) {
    if (!$('layer-coverage-settlements').checked || !this.rowsById) return '';
    const row = this.rowsById.get(String(id));
    const cls = SERVICE_BY_ID.get(serviceClass(row));
    const bits = row ? [cls.short, row.rsrpDbm != null ? dbm(row.rsrpDbm) : null, row.peakMbps != null ? `${fmtNum(row.peakMbps)} Mbit/s peak` : null].filter(Boolean) : [cls.short];
    return `<div class="tip-radio"><span class="swatch" style="background:${cls.color}"></span>Predicted: ${esc(bits.join(' · '))}</div>`;
  }

  // ------------------------------------------------------------------ toggling
  async _toggle(key, on) {
    this._renderRow(key);
    try {
      if (key === 'sites') on ? this._showSites() : this._hideSites();
      else if (key === 'raster') on ? await this._showRaster() : this._hideRaster();
      else if (key === 'settlements') on ? await this._showSettlements() : this._hideSettlements();
      else if (key === 'roads') on ? await this._showRoads() : this._hideRoads();
    } catch (e) {
      showError(e, LAYERS.find(l => l.key === key).label);
      $(LAYERS.find(l => l.key === key).id).checked = false;
      this._set(key, { busy: false });
    }
    this._updateStamp();
  }

  _updateStamp() {
    const on = k => $(LAYERS.find(l => l.key === k).id).checked;
    const synthetic = (on('sites') && this.sitesSynthetic) || (['raster', 'settlements', 'roads'].some(on) && this.run?.synthetic);
    if (!this.stamp) return;
    if (synthetic && !this.stamp._map) this.stamp.addTo(this.map);
    else if (!synthetic && this.stamp._map) this.stamp.remove();
  }

  _showSites() {
    if (!this._sitesSet) {
      this.sitesLayer.setData(this.sites);
      this._sitesSet = true;
    }
    if (!this.sitesLayer._map) this.sitesLayer.addTo(this.map);
    hooks.layerSites = String(this.sitesLayer.count());
  }

  _hideSites() {
    if (this.sitePopup) this.map.closePopup(this.sitePopup);
    this.sitesLayer.remove();
    delete hooks.layerSites;
  }

  async _showRaster() {
    const r = this.run?.raster;
    if (!r) return;
    const seq = ++this._rasterSeq;
    this._set('raster', { busy: true });
    const box = $('layer-coverage-raster');
    let url, owned = false;
    try {
      ({ url, owned } = await rasterImageUrl(r));
    } catch (e) {
      // The same image would fail again: say why the layer is off.
      if (seq === this._rasterSeq) this._set('raster', { available: false, note: 'The raster image could not be read.' });
      throw e;
    } finally {
      if (seq === this._rasterSeq) this._set('raster', { busy: false });
    }
    if (seq !== this._rasterSeq || !box.checked) {
      if (owned) URL.revokeObjectURL(url);
      return;
    }
    const overlay = L.imageOverlay(url, [[r.south, r.west], [r.north, r.east]], {
      pane: 'dalaRaster', opacity: this.opacity, className: 'coverage-raster', interactive: false,
      alt: `Coverage raster: ${r.legend?.title || 'best RSRP'}${this.run.synthetic ? ' (synthetic)' : ''}`,
    });
    overlay._ownedUrl = owned ? url : null;
    overlay.once('load', () => {
      if (this.rasterOverlay !== overlay) return;
      const img = overlay.getElement();
      if (img) img.dataset.src = r.pngUrl;
      hooks.layerRaster = '1';
    });
    overlay.once('error', () => {
      if (this.rasterOverlay !== overlay) return;
      showError({ title: 'The coverage raster could not be shown', detail: r.pngUrl }, 'Coverage raster');
      box.checked = false;
      this._hideRaster();
      this._renderRow('raster');
    });
    this.rasterOverlay = overlay;
    overlay.addTo(this.map);
  }

  _hideRaster() {
    this._rasterSeq++;
    if (this.rasterOverlay) {
      this.rasterOverlay.remove();
      if (this.rasterOverlay._ownedUrl) URL.revokeObjectURL(this.rasterOverlay._ownedUrl);
      this.rasterOverlay = null;
    }
    delete hooks.layerRaster;
  }

  async _showSettlements() {
    if (!this.rowsById) {
      this._set('settlements', { busy: true });
      try {
        await this.rows();
      } finally {
        this._set('settlements', { busy: false });
      }
    }
    if (!$('layer-coverage-settlements').checked) return;
    this._colourSettlements();
  }

  _colourSettlements() {
    const list = this.settlements();
    const n = list.length;
    const group = new Uint8Array(n), rank = new Float64Array(n);
    const counts = Object.fromEntries(SERVICE_CLASSES.map(c => [c.id, 0]));
    let predicted = 0, colors;
    if (this.mode === 'rsrp') {
      const stops = this.run?.raster?.legend?.stops?.length >= 2 ? this.run.raster.legend.stops : DEFAULT_RSRP_STOPS;
      const lo = stops[0].value, hi = stops[stops.length - 1].value, step = (hi - lo) / 40;
      // "No service" in slate here: red already means a weak signal on this ramp.
      colors = [SERVICE_BY_ID.get('unknown').color, NO_SERVICE_ON_RAMP];
      for (let b = 0; b <= 40; b++) colors.push(rampColour(stops, lo + b * step));
      for (let i = 0; i < n; i++) {
        const row = this.rowsById.get(list[i].id);
        const cls = serviceClass(row);
        counts[cls]++;
        if (row) predicted++;
        if (!row) { group[i] = 0; rank[i] = 0; continue; }
        if (row.rsrpDbm == null) { group[i] = 1; rank[i] = 1; continue; }
        const b = Math.max(0, Math.min(40, Math.round((row.rsrpDbm - lo) / step)));
        group[i] = 2 + b;
        rank[i] = 2 + b;
      }
      $('coverage-settlements-legend').innerHTML = `
        ${gradientLegend(stops, { title: 'Best RSRP at the settlement (dBm)', format: v => fmtInt(v), ends: true })}
        <div class="key-list">
          ${keyItem({ ...SERVICE_BY_ID.get('none'), color: NO_SERVICE_ON_RAMP, title: 'No site in range' }, counts.none)}
          ${counts.unknown ? keyItem(SERVICE_BY_ID.get('unknown'), counts.unknown) : ''}
        </div>`;
    } else {
      colors = SERVICE_CLASSES.map(c => c.color);
      const last = SERVICE_CLASSES.length - 1;
      for (let i = 0; i < n; i++) {
        const row = this.rowsById.get(list[i].id);
        const cls = SERVICE_BY_ID.get(serviceClass(row));
        counts[cls.id]++;
        if (row) predicted++;
        group[i] = cls.index;
        // Not predicted at the bottom, then the best service drawn last (on top), like fibre on the technology map.
        rank[i] = cls.id === 'unknown' ? 0 : last - cls.index;
      }
      const threshold = coveredThreshold(this.run?.assumptions);
      const labels = { mbps100: '≥ 100 Mbit/s busy hour', covered: 'Covered', weak: 'Weak signal', none: 'No service', unknown: 'Not in the run' };
      const titles = {
        mbps100: 'At least 100 Mbit/s per user at the busy hour', covered: 'Covered, below 100 Mbit/s at the busy hour',
        weak: threshold != null ? `A site in range, RSRP below ${fmtInt(threshold)} dBm` : 'A site in range, RSRP below the threshold',
        none: 'No site in range', unknown: 'Not in the latest coverage run',
      };
      $('coverage-settlements-legend').innerHTML = `<div class="key-list">${SERVICE_CLASSES
        .filter(c => c.id !== 'unknown' || counts.unknown)
        .map(c => keyItem({ ...c, label: labels[c.id], title: titles[c.id] }, counts[c.id])).join('')}</div>`;
    }
    this.counts = counts;
    this.points.setStyle({ colors, group, rank });
    hooks.layerCoverage = String(predicted);
    this.onColouring(true);
  }

  _hideSettlements() {
    this.points.setStyle(this.techStyle());
    delete hooks.layerCoverage;
    this.onColouring(false);
  }

  async _showRoads() {
    if (!this.roadsLayer) {
      this._set('roads', { busy: true });
      let fc;
      try {
        fc = await this.roads();
      } finally {
        this._set('roads', { busy: false });
      }
      if (!this.roadsLayer) this._buildRoads(fc);
    }
    if (!$('layer-coverage-roads').checked) return;
    if (!this.map.hasLayer(this.roadsLayer)) this.roadsLayer.addTo(this.map);
    hooks.layerRoads = String(this.roadItems.length);
  }

  _hideRoads() {
    if (this.roadsLayer) this.roadsLayer.remove();
    delete hooks.layerRoads;
  }

  _buildRoads(fc) {
    const renderer = L.canvas({ pane: 'dalaRoads', padding: 0.3 });
    const casings = [], lines = [];
    const crs = L.CRS.EPSG3857;
    this.roadItems = [];
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
      this.roadItems.push({ props: p, share, colour, proj, bbox: [w, s, e, n] });
    }
    this.roadsLayer = L.layerGroup([...casings, ...lines]);
  }

  // ------------------------------------------------------------------ pointer (hover labels and clicks)
  _sitesOverlay() {
    return {
      above: true,
      active: () => !!this.sitesLayer._map,
      hitTest: cp => {
        const i = this.sitesLayer.hitTest(cp);
        return i >= 0 ? i : null;
      },
      describe: i => {
        if (this.sitePopup && this.sitePopup.isOpen() && this.sitesLayer._selected === i) return '';   // its popup says it all
        const s = this.sites[i];
        const techs = [...new Set(s.sectors.map(c => c.technology))].join(', ');
        return `<b>${esc(s.name || s.id)}</b> <span class="tip-kind">radio site</span>${s.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}<br>` +
          `${esc(s.id)} · mast ${esc(fmtNum(s.mastM))} m · ${fmtInt(s.sectors.length)} sector${s.sectors.length === 1 ? '' : 's'}${techs ? ` (${esc(techs)})` : ''}`;
      },
      click: i => this.openSite(i),
    };
  }

  /** Opens the popup of a site (index into the site list). */
  openSite(i) {
    const s = this.sites[i];
    if (!s) return;
    this.sitesLayer.setSelected(i);
    // Keep the popup clear of the layers panel (top left of the map).
    const panel = this.panel.getBoundingClientRect(), mapBox = this.map.getContainer().getBoundingClientRect();
    const left = this.panel.offsetParent ? Math.max(20, panel.right - mapBox.left + 12) : 20;
    this.sitePopup = L.popup({ maxWidth: 440, minWidth: 300, className: 'site-popup', autoPanPaddingTopLeft: [left, 20], autoPanPaddingBottomRight: [20, 20] })
      .setLatLng([s.lat, s.lon])
      .setContent(sitePopupHtml(s))
      .openOn(this.map);
    this.sitePopup.once('remove', () => this.sitesLayer.setSelected(-1));
  }

  _roadsOverlay() {
    return {
      above: false,
      tipClass: 'tip-road',
      active: () => !!(this.roadsLayer && this.map.hasLayer(this.roadsLayer)),
      hitTest: cp => this._roadAt(cp),
      describe: i => {
        const p = this.roadItems[i].props;
        return `<b>${esc(p.name || p.id)}</b>${p.highway ? ` <span class="tip-kind">${esc(p.highway)}</span>` : ''}${p.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}<br>` +
          `<span class="tip-share"><span class="tip-bar"><span style="width:${(this.roadItems[i].share * 100).toFixed(1)}%;background:${this.roadItems[i].colour}"></span></span>` +
          `<b>${esc(fmtPct(p.share))}</b> covered</span> · ${esc(fmtNum(p.coveredKm))} of ${esc(fmtNum(p.km))} km`;
      },
    };
  }

  _roadAt(cp) {
    const map = this.map;
    const s = map.getZoomScale(map.getZoom(), 0);
    const origin = map.getPixelOrigin();
    const lp = map.containerPointToLayerPoint(cp);
    const wx = (lp.x + origin.x) / s, wy = (lp.y + origin.y) / s;   // zoom-0 pixels
    const tol = 5 / s, tol2 = tol * tol;
    let best = null, bestD = tol2;
    this.roadItems.forEach((r, i) => {
      const b = r.bbox;
      if (wx < b[0] - tol || wx > b[2] + tol || wy < b[1] - tol || wy > b[3] + tol) return;
      for (const xy of r.proj) {
        for (let k = 0; k + 3 < xy.length; k += 2) {
          const d = segDist2(wx, wy, xy[k], xy[k + 1], xy[k + 2], xy[k + 3]);
          if (d <= bestD) { bestD = d; best = i; }
        }
      }
    });
    return best;
  }
}

// ------------------------------------------------------------------ helpers

function segDist2(px, py, ax, ay, bx, by) {
  let dx = bx - ax, dy = by - ay, x = ax, y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = bx; y = by; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = px - x; dy = py - y;
  return dx * dx + dy * dy;
}

function keyItem(c, count) {
  return `<div class="key-line"${c.title ? ` title="${esc(c.title)}"` : ''}><span class="swatch" style="background:${c.color}"></span><span class="key-label">${esc(c.label)}</span><span class="key-count">${fmtInt(count)}</span></div>`;
}

/** A horizontal gradient bar over stops [{value, colour}], with the stop values under it. */
function gradientLegend(stops, { title, format, ends = false, marker = null }) {
  const lo = stops[0].value, hi = stops[stops.length - 1].value;
  const pos = v => ((v - lo) / (hi - lo)) * 100;
  const css = stops.map(s => `${s.colour} ${pos(s.value).toFixed(2)}%`).join(', ');
  const ticks = stops.map((s, i) => {
    const label = ends && i === 0 ? `≤ ${format(s.value)}` : ends && i === stops.length - 1 ? `≥ ${format(s.value)}` : format(s.value);
    return `<span class="grad-tick" style="left:${pos(s.value).toFixed(2)}%">${esc(label)}</span>`;
  }).join('');
  const mark = marker && marker.value > lo && marker.value < hi
    ? `<span class="grad-marker" style="left:${pos(marker.value).toFixed(2)}%" title="${esc(marker.title || '')}"></span>` : '';
  return `
    <div class="grad">
      ${title ? `<div class="grad-title">${esc(title)}</div>` : ''}
      <div class="grad-bar" style="background:linear-gradient(to right, ${css})">${mark}</div>
      <div class="grad-ticks">${ticks}</div>
    </div>`;
}

function rasterLegend(legend, threshold) {
  const stops = Array.isArray(legend?.stops) && legend.stops.length >= 2 ? legend.stops : DEFAULT_RSRP_STOPS;
  const title = `${legend?.title || 'Best RSRP'}${legend?.unit ? ` (${legend.unit})` : ''}`;
  return `${gradientLegend(stops, {
    title, format: v => fmtInt(v), ends: true,
    marker: threshold != null ? { value: threshold, title: `Covered at RSRP ≥ ${fmtInt(threshold)} dBm` } : null,
  })}
    <div class="key-row key-row-small">
      ${threshold != null ? `<span class="key-item"><span class="key-marker" aria-hidden="true"></span>covered ≥ ${esc(fmtInt(threshold))} dBm</span>` : ''}
      <span class="key-item"><span class="key-nodata" aria-hidden="true"></span>${esc(legend?.noDataLabel || 'no data')}</span>
    </div>`;
}

function sitePopupHtml(s) {
  const rows = s.sectors.map(c => `
    <tr>
      <td>${esc(c.id)}</td>
      <td><span class="swatch swatch-sq" style="background:${SECTOR_COLORS[c.technology] || SECTOR_COLORS.other}"></span>${esc(c.technology)}</td>
      <td class="num">${esc(fmtNum(c.azimuthDeg))}°</td>
      <td class="num">${esc(fmtNum(c.tiltDeg))}°</td>
      <td class="num">${esc(fmtInt(c.frequencyMHz))}</td>
      <td class="num">${esc(fmtNum(c.bandwidthMHz))}</td>
      <td class="num">${esc(fmtNum(c.eirpDbm))}</td>
      <td class="src">${esc(c.pattern || '—')}</td>
    </tr>`).join('');
  return `
    <div class="site-pop" data-site-id="${esc(s.id)}">
      <div class="site-pop-head">
        <span class="site-pop-title">${esc(s.name || s.id)}</span>
        ${s.synthetic ? '<span class="badge badge-synthetic badge-xs" title="A synthetic site, not a real mast">SYNTHETIC</span>' : ''}
      </div>
      <dl class="site-facts">
        <div><dt>Site</dt><dd>${esc(s.id)}</dd></div>
        <div><dt>Operator</dt><dd>${esc(s.operator || '—')}</dd></div>
        <div><dt>Mast</dt><dd>${esc(fmtNum(s.mastM))} m</dd></div>
        <div><dt>Ground</dt><dd>${s.groundM != null ? `${esc(fmtNum(s.groundM))} m` : '<span class="muted">from DEM</span>'}</dd></div>
      </dl>
      <table class="data-table site-sectors">
        <thead><tr><th>Sector</th><th>Tech</th><th class="num">Azim.</th><th class="num">Tilt</th><th class="num" title="Frequency, MHz">MHz</th><th class="num" title="Bandwidth, MHz">BW</th><th class="num" title="EIRP, dBm">EIRP</th><th>Pattern</th></tr></thead>
        <tbody>${rows || '<tr><td colspan="8" class="muted">No sectors.</td></tr>'}</tbody>
      </table>
      <div class="site-pop-foot">Source: ${esc(s.source || '—')} · ${s.lat.toFixed(5)}, ${s.lon.toFixed(5)}</div>
    </div>`;
}

// ------------------------------------------------------------------ raster georeferencing
const mercY = lat => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOfMercY = y => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/**
 * The URL to show a raster with. The PNG is a lat/lon grid (equal degrees per row) while the map is Web Mercator;
 * an image overlay stretches linearly in Mercator, which misplaces middle rows by up to a few cells on tall rasters.
 * When that error exceeds a third of a cell the rows are resampled into Mercator on a canvas (nearest neighbour).
 */
async function rasterImageUrl(r) {
  const img = new Image();
  img.decoding = 'async';
  img.src = r.pngUrl;
  try {
    await img.decode();
  } catch {
    throw { title: 'The coverage raster image could not be decoded', detail: `${r.pngUrl} is not a readable PNG.` };
  }
  const h = img.naturalHeight, w = img.naturalWidth;
  const yN = mercY(r.north), yS = mercY(r.south);
  let err = 0;
  for (let k = 1; k < 64; k++) {
    const lat = r.south + ((r.north - r.south) * k) / 64;
    err = Math.max(err, Math.abs((r.north - lat) / (r.north - r.south) - (yN - mercY(lat)) / (yN - yS)) * h);
  }
  if (err < 0.33) return { url: r.pngUrl, owned: false };
  const scale = Math.max(1, Math.min(4, Math.floor(4096 / Math.max(w, h))));
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = h * scale;
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = false;
  for (let row = 0; row < canvas.height; row++) {
    const lat = latOfMercY(yN - ((yN - yS) * (row + 0.5)) / canvas.height);
    const src = Math.min(h - 1, Math.max(0, Math.floor(((r.north - lat) / (r.north - r.south)) * h)));
    ctx.drawImage(img, 0, src, w, 1, 0, row, canvas.width, 1);
  }
  const blob = await new Promise(res => canvas.toBlob(res, 'image/png'));
  if (!blob) return { url: r.pngUrl, owned: false };
  return { url: URL.createObjectURL(blob), owned: true };
}

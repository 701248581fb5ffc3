// The radio part of the layers panel (#layers-panel): the collapsible head, one row per radio layer (checkbox, meta,
// note, and its legend and controls under it while on), the coverage run's summary, the "Run coverage" form, and
// #radio-sections, where further radio sections mount (RadioLayers.addSection). Rows show RadioState.layers; the
// panel calls back for what a user does and keeps no state of its own.
import { esc, fmtInt, coveredThreshold } from './format.js';
import { SECTOR_COLORS, TICKS_FROM_ZOOM } from './sites.js';
import { CoverageRunForm } from './coverage-run.js';
import { LAYERS, layerOf, NO_RUN, NO_SITES, NO_RASTER, NO_ROADS } from './radio-state.js';
import { SHARE_STOPS, gradientLegend, rasterLegend, fmtDeg } from './radio-legend.js';
import { renderSummary } from './radio-summary.js';

const L = window.L;
const $ = id => document.getElementById(id);

export class RadioPanel {
  /**
   * @param {HTMLElement} panel #layers-panel
   * @param {import('./radio-state.js').RadioState} state
   * @param {{onToggle: (key: string, on: boolean) => void, onOpacity: () => void, onZoomRaster: () => void,
   *          onMode: () => void, onRunDone: () => Promise<void>}} on
   */
  constructor(panel, state, on) {
    this.el = panel;
    this.state = state;
    this._build(on);
  }

  _build(on) {
    const opacity = Math.round(this.state.opacity * 100);
    this.el.innerHTML = `
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
    this.runForm = new CoverageRunForm($('layers-body'), { onDone: on.onRunDone });
    // Further radio sections (e.g. calibration) go here, under the run form: RadioLayers.addSection.
    $('layers-body').insertAdjacentHTML('beforeend', '<div id="radio-sections" class="radio-sections"></div>');
    L.DomEvent.disableClickPropagation(this.el);
    L.DomEvent.disableScrollPropagation(this.el);

    const collapse = c => {
      this.el.classList.toggle('is-collapsed', c);
      $('layers-toggle').setAttribute('aria-expanded', String(!c));
    };
    $('layers-toggle').addEventListener('click', () => collapse(!this.el.classList.contains('is-collapsed')));
    if (window.matchMedia && window.matchMedia('(max-width: 1100px)').matches) collapse(true);   // phones and tablets: map first
    for (const l of LAYERS) {
      $(l.id).addEventListener('change', e => on.onToggle(l.key, e.target.checked));
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
        <input type="range" id="layer-coverage-raster-opacity" min="10" max="100" step="5" value="${opacity}">
        <span id="layer-coverage-raster-opacity-value" class="opacity-value">${opacity}%</span>
        <button type="button" class="icon-button icon-button-small" id="layer-coverage-raster-zoom" title="Zoom to the raster area" aria-label="Zoom to the raster area">⤢</button>
      </div>`;
    $('layer-coverage-raster-opacity').addEventListener('input', e => {
      this.state.opacity = Number(e.target.value) / 100;
      $('layer-coverage-raster-opacity-value').textContent = `${e.target.value}%`;
      on.onOpacity();
    });
    $('layer-coverage-raster-zoom').addEventListener('click', () => on.onZoomRaster());
    $('layer-coverage-settlements-extra').innerHTML = `
      <div class="segmented segmented-small" role="radiogroup" aria-label="Colour settlements by">
        <label><input type="radio" name="coverage-mode" id="layer-coverage-mode-class" value="class" checked><span>Speed class</span></label>
        <label><input type="radio" name="coverage-mode" id="layer-coverage-mode-rsrp" value="rsrp"><span>Best RSRP</span></label>
      </div>
      <div id="coverage-settlements-legend"></div>`;
    for (const id of ['layer-coverage-mode-class', 'layer-coverage-mode-rsrp']) {
      $(id).addEventListener('change', e => {
        if (!e.target.checked) return;
        this.state.mode = e.target.value;
        on.onMode();
      });
    }
    $('layer-coverage-roads-extra').innerHTML = `
      ${gradientLegend(SHARE_STOPS, { title: 'Share of each road’s km covered', format: v => `${Math.round(v * 100)}%` })}`;
    this.renderAll();
  }

  /** Shows a layer's status (RadioState.layers[key]) on its row. */
  renderRow(key) {
    const l = layerOf(key);
    const st = this.state.layers[key];
    const row = $(`${l.id}-row`), box = $(l.id);
    box.disabled = st.available !== true;
    if (st.available !== true && box.checked) box.checked = false;
    row.classList.toggle('is-loading', st.available == null);
    row.classList.toggle('is-disabled', st.available === false);
    row.classList.toggle('is-on', box.checked);
    row.classList.toggle('is-busy', !!st.busy);
    // One "synthetic" badge in the header; per-layer marks only when the layers differ.
    const avail = Object.values(this.state.layers).filter(x => x.available);
    const mixed = avail.some(x => x.synthetic) && avail.some(x => !x.synthetic);
    for (const l2 of LAYERS) {
      const x = this.state.layers[l2.key];
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

  renderAll() {
    for (const l of LAYERS) this.renderRow(l.key);
  }

  /** Patches a layer's status and shows it. */
  set(key, patch) {
    Object.assign(this.state.layers[key], patch);
    this.renderRow(key);
  }

  /** Every layer unavailable, with one note (the settlements, which they wait for, failed). */
  fail(note) {
    for (const l of LAYERS) this.set(l.key, { available: false, note });
  }

  /** The sites row once the site list is in. */
  showSites() {
    const list = this.state.sites;
    const sectors = list.reduce((n, s) => n + s.sectors.length, 0);
    this.set('sites', list.length
      ? { available: true, note: '', meta: fmtInt(list.length), synthetic: this.state.sitesSynthetic }
      : { available: false, ...NO_SITES, meta: '' });
    $('layer-sites-meta').title = list.length ? `${fmtInt(list.length)} sites, ${fmtInt(sectors)} sectors` : '';
  }

  /** The coverage rows, the raster legend and the summary once the latest run (or none) is known. */
  showRun() {
    const run = this.state.run;
    if (!run) {
      for (const k of ['raster', 'settlements', 'roads']) this.set(k, { available: false, ...NO_RUN, meta: '' });
      renderSummary($('coverage-summary'), this.state);
      return;
    }
    const syn = !!run.synthetic;
    const r = run.raster;
    this.set('raster', r
      ? { available: true, note: '', meta: fmtDeg(r.cellDeg), synthetic: syn }
      : { available: false, ...NO_RASTER, meta: '' });
    if (r) $('layer-coverage-raster-meta').title = `${fmtInt(r.width)} × ${fmtInt(r.height)} cells of ${fmtDeg(r.cellDeg)}`;
    this.set('settlements', run.settlements > 0
      ? { available: true, note: '', meta: fmtInt(run.settlements), synthetic: syn }
      : { available: false, note: 'The latest run has no settlement predictions.', meta: '' });
    this.set('roads', run.roads > 0
      ? { available: true, note: '', meta: `${fmtInt(run.roadKm)} km`, synthetic: syn }
      : { available: false, ...NO_ROADS, meta: '' });
    if (run.roads > 0) $('layer-coverage-roads-meta').title = `${fmtInt(run.roads)} roads, ${fmtInt(run.roadKm)} km`;
    $('raster-legend').innerHTML = r ? rasterLegend(r.legend, coveredThreshold(run.assumptions)) : '';
    renderSummary($('coverage-summary'), this.state);
  }
}

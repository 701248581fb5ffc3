// The latest coverage run's summary under the radio layers (#coverage-summary): model, terrain, the three shares,
// downloads (GeoTIFF, settlements CSV) and the assumptions; or what to run when there is no run yet.
import { COVERAGE_CSV_URL } from './api.js';
import { esc, fmtInt, fmtPct, fmtDateTime, modelLabel } from './format.js';

/** Renders the summary of state.run (null: no run yet) into el. */
export function renderSummary(el, state) {
  const run = state.run;
  if (!run) {
    el.dataset.state = 'none';
    const needSites = !state.sites.length
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
  const tif = el.querySelector('#coverage-geotiff');
  if (!r) tif.addEventListener('click', e => e.preventDefault());
}

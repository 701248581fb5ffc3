// The fibre plan's summary under the form: route km, cost and the gap to the proven lower bound, the settlements
// connected and unreachable, how the search finished, the legend of the cost classes drawn, the downloads and the
// assumptions. Hooks for the browser tests: #fibre-km, #fibre-cost, #fibre-gap (data-value: the API's number),
// #fibre-connected, #fibre-to-connect, #fibre-geojson, #fibre-csv.
import { esc, fmtInt, fmtNum, kindLabel } from './format.js';
import { BACKBONES, COST_CLASSES, costLabel, FINISH, fmtGap, fmtKm, fmtSeconds as secs, fmtTenge, OTHER_CLASS } from './fibre-format.js';

/**
 * Renders the summary of the state's plan into el (#fibre-summary).
 * @param {HTMLElement} el
 * @param {import('./fibre-state.js').FibreState} state
 * @param {(id: string) => any} settlement  the loaded map point of an id (for the names of unreachable ones), or null
 */
export function renderSummary(el, state, settlement) {
  const p = state.plan, a = p.assumptions || {};
  el.hidden = false;
  el.dataset.state = 'ready';
  const finish = FINISH[p.finish] || { label: p.finish || '—', proven: false };
  const unreachable = Array.isArray(p.unreachable) ? p.unreachable : [];
  const names = unreachable.slice(0, 12).map(id => esc(settlement(id)?.name || id)).join(', ');
  const more = unreachable.length > 12 ? ` and ${fmtInt(unreachable.length - 12)} more` : '';
  const perKm = Object.entries(a.tengePerKm || {});
  const used = new Set(state.routes.map(r => r.cls.id));
  const rate = perKm.map(([k, v]) => `<li${used.has(k) ? ' class="is-used"' : ''}>${esc(costLabel(k))}: <b>${esc(fmtTenge(v))}</b>/km${used.has(k) ? ' <span class="fibre-used">used</span>' : ''}</li>`).join('');
  const legend = COST_CLASSES.filter(c => used.has(c.id)).concat(used.has('other') ? [OTHER_CLASS] : [])
    .map(c => `<span class="key-item"><svg class="fibre-key" width="22" height="8" aria-hidden="true"><line x1="1" y1="4" x2="21" y2="4" stroke="#fff" stroke-width="5" stroke-linecap="round"/><line x1="1" y1="4" x2="21" y2="4" stroke="${c.color}" stroke-width="2.25" stroke-linecap="round"${c.dash ? ` stroke-dasharray="${c.dash}"` : ''}/></svg>${esc(c.label.replace(/^Along an? /, 'along ').replace(/^Off-network/, 'off-network'))}</span>`).join('');
  const gapTitle = finish.proven ? 'Proven optimal: the cost equals the lower bound' : 'The plan costs at most this much more than the best possible plan (proven lower bound)';
  el.innerHTML = `
    <div class="cov-head">
      <span class="cov-title">Plan · <span>${esc(state.regionName(a.region))}</span></span>
      ${p.network === 'proxy' ? '<span class="badge fibre-badge-proxy" title="Straight lines between settlements, no road data">proxy</span>' : ''}
      ${p.synthetic ? '<span class="badge badge-synthetic badge-xs" title="The backbone is taken from a SYNTHETIC connectivity scenario">synthetic</span>' : ''}
    </div>
    <div class="cov-kpis">
      <div class="cov-kpi" title="Route kilometres to build (${esc(fmtInt(p.routes))} routes)"><span class="cov-v" id="fibre-km" data-value="${esc(p.km)}">${esc(fmtKm(p.km).replace(/ km$/, ''))}</span><span class="cov-l">route km</span></div>
      <div class="cov-kpi" title="${esc(fmtInt(p.costTenge))} tenge"><span class="cov-v" id="fibre-cost" data-value="${esc(p.costTenge)}">${esc(fmtTenge(p.costTenge))}</span><span class="cov-l">cost</span></div>
      <div class="cov-kpi" title="${esc(gapTitle)}"><span class="cov-v" id="fibre-gap" data-value="${esc(p.gapPercent)}">${esc(fmtGap(p.gapPercent))}</span><span class="cov-l">gap to bound</span></div>
    </div>
    <table class="fibre-facts">
      <tr><th>Settlements to connect</th><td id="fibre-to-connect">${esc(fmtInt(p.settlementsToConnect))}</td></tr>
      <tr><th>Connected</th><td id="fibre-connected" data-value="${esc(p.connected)}">${esc(fmtInt(p.connected))}</td></tr>
      <tr><th>Unreachable</th><td id="fibre-unreachable" data-value="${unreachable.length}"${unreachable.length ? ' class="has-names"' : ''}>${unreachable.length ? `<b class="no">${esc(fmtInt(unreachable.length))}</b>: ${names}${more}` : '0'}</td></tr>
      <tr title="Backbone: ${esc(BACKBONES[a.backbone] || a.backbone || '')}"><th>Backbone settlements</th><td id="fibre-backbone-count">${esc(fmtInt(p.backboneSettlements))}</td></tr>
      <tr><th>Routes</th><td id="fibre-routes">${esc(fmtInt(p.routes))}</td></tr>
      <tr><th>Proven lower bound</th><td id="fibre-lower-bound" title="${esc(fmtInt(p.lowerBoundTenge))} tenge: no plan can cost less">${esc(fmtTenge(p.lowerBoundTenge))}</td></tr>
      <tr><th>Search time</th><td id="fibre-seconds-used">${esc(secs(p.seconds))} <span class="muted">of ${esc(secs(a.seconds ?? state.params?.seconds))}</span></td></tr>
      <tr><th>Finish</th><td id="fibre-finish" data-value="${esc(p.finish)}" class="${finish.proven ? 'yes' : ''}" title="${esc(finish.title || finish.label)}">${esc(finish.label)}</td></tr>
    </table>
    ${legend ? `<div class="key-row key-row-small fibre-legend">${legend}</div>` : ''}
    <div class="cov-links">
      <a id="fibre-geojson" class="button button-small" href="${esc(p.geoJsonUrl)}" download title="Routes and each settlement's path to the backbone (GeoJSON lines)">GeoJSON</a>
      <a id="fibre-csv" class="button button-small" href="${esc(p.pathsCsvUrl)}" download title="One line per settlement: backbone, km, tenge">CSV</a>
    </div>
    <details class="cov-assumptions fibre-assumptions"><summary>Assumptions</summary>
      <ul class="fibre-rates">${rate}</ul>
      <p id="fibre-assumptions">Detour × ${esc(fmtNum(a.detour))} on straight lines · ${esc((a.kinds || []).map(kindLabel).join(', ').toLowerCase())} with ≥ ${esc(fmtInt(a.minPopulation))} people ·
        backbone: ${esc(BACKBONES[a.backbone] || a.backbone || '—')} · seed ${esc(a.seed)}<br>${esc(p.networkDescription || '')}</p>
    </details>`;
}

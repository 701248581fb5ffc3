// The settlement card's "Fibre plan" section: where the open settlement stands in the plan shown (on the backbone,
// unreachable, not in the plan and why) or, when it is connected, its path to the backbone (km, tenge, the backbone
// with a button to its card, a zoom), highlighted on the map. Paths are fetched only for a settlement that has one.
// Hooks for the browser tests: #card-fibre (data-state: loading | ready | backbone | unreachable | excluded | error),
// #fibre-path-backbone, #fibre-path-km, #fibre-path-cost; document.body.dataset.fibrePath (the settlement shown).
import { showError } from './notify.js';
import { esc, fmtInt } from './format.js';
import { BACKBONES, fmtKm, fmtTenge } from './fibre-format.js';
import { standing } from './fibre-state.js';

const L = window.L;
const hooks = document.body.dataset;

export class FibreCard {
  /**
   * @param {{state: import('./fibre-state.js').FibreState, layer: import('./fibre-layer.js').FibreLayer,
   *          settlement: (id: string) => any, onOpenSettlement: (id: string) => void}} opts
   */
  constructor({ state, layer, settlement, onOpenSettlement }) {
    this.state = state;
    this.layer = layer;
    this.settlement = settlement;
    this.onOpenSettlement = onOpenSettlement;
  }

  /** Shows the standing of settlement id in the state's plan (and its path when it has one). */
  async show(id) {
    const state = this.state, plan = state.plan;
    const s = this.settlement(id);
    const st = standing(plan, s);
    if (st.kind === 'none' || st.kind === 'outside') return;
    const section = cardSection();
    if (!section) return;
    const head = `<h3>Fibre plan ${plan.network === 'proxy' ? '<span class="badge fibre-badge-proxy" title="Straight lines between settlements, no road data">proxy</span>' : ''}${plan.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</h3>`;
    const box = (cls, html) => `${head}<div class="fibre-card-status ${cls}">${html}</div>`;
    if (st.kind === 'backbone') {
      section.dataset.state = 'backbone';
      section.innerHTML = box('is-backbone', `<b>On the backbone</b> <span class="muted">(${esc(BACKBONES[plan.assumptions?.backbone] || '')})</span>: routes of the plan start here.`);
      return;
    }
    if (st.kind === 'unreachable') {
      section.dataset.state = 'unreachable';
      section.innerHTML = box('is-unreachable', '<b class="no">Unreachable</b> on the network of this plan: no path to the backbone.');
      return;
    }
    if (st.kind === 'excluded') {
      section.dataset.state = 'excluded';
      section.innerHTML = box('is-excluded', `<span class="muted">Not in this plan: ${esc(st.why)}.</span>`);
      return;
    }
    section.dataset.state = 'loading';
    section.innerHTML = box('', '<span class="muted">Loading its path to the backbone…</span>');
    let f;
    try {
      f = (await state.paths()).get(String(id));
    } catch (e) {
      if (state.pathFor !== id || state.plan !== plan) return;
      showError(e, 'Fibre plan paths');
      section.dataset.state = 'error';
      section.innerHTML = box('is-unreachable', 'The paths of the plan could not be loaded.');
      return;
    }
    if (state.pathFor !== id || state.plan !== plan || !section.isConnected) return;
    if (!f) {
      section.dataset.state = 'excluded';
      section.innerHTML = box('is-excluded', '<span class="muted">Not connected in this plan.</span>');
      return;
    }
    const p = f.properties;
    section.dataset.state = 'ready';
    section.innerHTML = box('is-path', `
      <div class="fibre-card-main"><span class="fibre-card-line" aria-hidden="true"></span>
        <span class="fibre-card-to">To the backbone at <button type="button" class="link-button fibre-open" id="fibre-path-backbone" data-id="${esc(p.backbone)}" title="Open the backbone settlement's card">${esc(p.backboneName || p.backbone)}</button></span>
        <button type="button" class="link-button fibre-zoom" id="fibre-path-zoom" title="Zoom the map to this path">Zoom to path</button></div>
      <dl class="radio-grid fibre-card-grid">
        <div><dt>Path length</dt><dd id="fibre-path-km" data-value="${esc(p.km)}">${esc(fmtKm(p.km))}</dd></div>
        <div><dt>Cost along it</dt><dd id="fibre-path-cost" data-value="${esc(p.costTenge)}" title="${esc(fmtInt(p.costTenge))} tenge">${esc(fmtTenge(p.costTenge))}</dd></div>
        <div><dt>Passes through</dt><dd>${esc(fmtInt(p.via))} settlement${p.via === 1 ? '' : 's'}</dd></div>
      </dl>
      ${s?.tech === 'fibre' && plan.assumptions?.backbone === 'towns' ? `<p class="fibre-card-note">Already on fibre today: with cities &amp; towns as the backbone the plan still counts it. Plan with <i>settlements on fibre now</i> as the backbone to build only what is missing.</p>` : ''}
      <p class="radio-run">The whole way from the backbone along the plan's routes; routes are shared with other settlements, so these figures do not add up to the plan's cost.</p>`);
    section.querySelector('#fibre-path-backbone').addEventListener('click', e => this.onOpenSettlement(e.currentTarget.dataset.id));
    const latlngs = (f.geometry?.coordinates || []).map(c => [+c[1], +c[0]]);
    section.querySelector('#fibre-path-zoom').addEventListener('click', () => {
      if (latlngs.length) this.layer.map.fitBounds(L.latLngBounds(latlngs), { ...this.layer.padding(), animate: false });
    });
    this.layer.drawPath(latlngs, p);
    hooks.fibrePath = String(id);
  }

  /** The path and the section go (the card closed, the layer turned off, another settlement or plan). */
  clear() {
    this.layer.clearPath();
    delete hooks.fibrePath;
    document.getElementById('card-fibre')?.remove();
  }
}

/** The card's "Fibre plan" section (after the predicted radio service, else after the status), made when missing. */
function cardSection() {
  const body = document.getElementById('card-body');
  if (!body || !body.querySelector('.card-status')) return null;
  let el = document.getElementById('card-fibre');
  if (el) return el;
  el = document.createElement('section');
  el.id = 'card-fibre';
  el.className = 'card-section card-fibre';
  el.setAttribute('aria-label', 'Fibre plan');
  const after = document.getElementById('card-radio') || body.querySelector('.card-status');
  after.insertAdjacentElement('afterend', el);
  return el;
}

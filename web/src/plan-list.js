// The saved plans of the Rollout view (GET /api/plans): name, date, NPV, gap, targets met and the SYNTHETIC badge,
// with Open, CSV, GeoJSON and Delete (asked twice) per plan. Hook: document.body.dataset.planList = number of plans.
import { api, planCsvUrl, planGeoJsonUrl } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtDateTime } from './format.js';
import { fmtTenge, fmtGapShare, modeLabel } from './plan-format.js';

const hooks = document.body.dataset;

export class PlanList {
  /**
   * @param {{el: HTMLElement, onOpen: (id) => void, onCompare: (id) => void, onDeleted: (id) => void,
   *          onChange: (plans: any[]) => void}} opts   onCompare: compare the open plan (A) with this one (B)
   */
  constructor({ el, onOpen, onCompare, onDeleted, onChange }) {
    this.el = el;
    this.onOpen = onOpen;
    this.onCompare = onCompare || (() => {});
    this.onDeleted = onDeleted || (() => {});
    this.onChange = onChange || (() => {});
    this.plans = [];
    this.openId = null;
    this._armed = null;
    this._seq = 0;
    el.addEventListener('click', e => {
      const b = e.target.closest('button[data-action]');
      if (!b) return;
      const id = b.closest('[data-plan]')?.dataset.plan;
      if (b.dataset.action === 'open') this.onOpen(id);
      if (b.dataset.action === 'compare') this.onCompare(id);
      if (b.dataset.action === 'delete') this._delete(id, b);
    });
  }

  async refresh() {
    const seq = ++this._seq;
    try {
      const list = await api.plans();
      if (seq !== this._seq) return this.plans;
      this.plans = (Array.isArray(list) ? list : []).slice().sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || Number(b.id) - Number(a.id));
      this.render();
      this.onChange(this.plans);
    } catch (e) {
      if (seq !== this._seq) return this.plans;
      if (e?.status === 404 || e?.status === 503) {
        this.el.innerHTML = '<div class="muted plan-none">This server keeps no rollout plans (it was started without a plan store).</div>';
      } else {
        showError(e, 'Saved plans');
        this.el.innerHTML = '<div class="muted plan-none">The saved plans could not be loaded.</div>';
      }
    }
    return this.plans;
  }

  setOpen(id) {
    this.openId = id == null ? null : String(id);
    for (const row of this.el.querySelectorAll('[data-plan]')) {
      row.classList.toggle('is-open', row.dataset.plan === this.openId);
      const c = row.querySelector('[data-action="compare"]');
      if (c) c.disabled = !this.openId || row.dataset.plan === this.openId;
    }
  }

  byId(id) {
    return this.plans.find(p => String(p.id) === String(id)) || null;
  }

  render() {
    hooks.planList = String(this.plans.length);
    if (!this.plans.length) {
      this.el.innerHTML = '<div class="muted plan-none">No saved plans yet: start one above.</div>';
      return;
    }
    this.el.innerHTML = `<ul class="plan-list">${this.plans.map(p => `
      <li class="plan-item${String(p.id) === this.openId ? ' is-open' : ''}" data-plan="${esc(p.id)}">
        <div class="plan-item-head">
          <button type="button" class="link-button plan-item-name" data-action="open" title="Open this plan">${esc(p.name || `Plan ${p.id}`)}</button>
          ${p.synthetic ? '<span class="badge badge-synthetic badge-xs" title="Built on SYNTHETIC inputs (connectivity scenario or sites)">SYNTHETIC</span>' : ''}
        </div>
        <div class="plan-item-meta">
          <span>${esc(fmtDateTime(p.createdAt))}</span> · <span>${esc(modeLabel(p.mode))}</span> · <span>${esc(fmtInt(p.settlements))} settlements</span>
          ${p.firstYear ? ` · <span>${esc(p.firstYear)}–${esc(p.lastYear)}</span>` : ''}
        </div>
        <div class="plan-item-facts">
          <span title="Net present cost of the plan (capex and opex over the horizon)">NPV <b class="plan-item-npv">${esc(fmtTenge(p.totalNpvTenge))}</b></span>
          <span title="At most this much above the proven lower bound">gap <b>${esc(fmtGapShare(p.gap))}</b></span>
          <span class="badge ${p.targetsMet ? 'badge-ok' : 'badge-open'}">${p.targetsMet ? 'Targets met' : 'Targets not met'}</span>
        </div>
        <div class="plan-item-actions">
          <button type="button" class="button button-small" data-action="open">Open</button>
          <button type="button" class="button button-small" data-action="compare" title="Compare the open plan (A) with this one (B)"${!this.openId || String(p.id) === this.openId ? ' disabled' : ''}>Compare</button>
          <a class="button button-small" href="${esc(planCsvUrl(p.id))}" download="dala-plan-${esc(p.id)}.csv" title="One line per settlement">CSV</a>
          <a class="button button-small" href="${esc(planGeoJsonUrl(p.id))}" download="dala-plan-${esc(p.id)}.geojson" title="Settlements, new fibre and sites">GeoJSON</a>
          <button type="button" class="button button-small plan-delete" data-action="delete" title="Delete this plan">Delete</button>
        </div>
      </li>`).join('')}</ul>`;
  }

  /** Delete asks twice: the first press arms the button for a few seconds. */
  async _delete(id, button) {
    if (this._armed !== id) {
      this._armed = id;
      button.textContent = 'Delete?';
      button.classList.add('is-armed');
      button.title = 'Press again to delete this plan for good';
      setTimeout(() => {
        if (this._armed !== id || !button.isConnected) return;
        this._armed = null;
        button.textContent = 'Delete';
        button.classList.remove('is-armed');
      }, 4000);
      return;
    }
    this._armed = null;
    button.disabled = true;
    try {
      await api.deletePlan(id);
      this.onDeleted(id);
    } catch (e) {
      showError(e, 'Delete plan');
    }
    await this.refresh();
  }
}

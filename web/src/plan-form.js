// The "New plan" form of the Rollout view: asks POST /api/plans for a plan job, then follows the job (GET /api/jobs/{id})
// with a progress bar, its phase and a Cancel button (DELETE /api/jobs/{id}) until it succeeds, fails or is cancelled.
// Bad input comes back as problem+json naming the fields: shown with showError and marked on the inputs.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtPct } from './format.js';
import { MODES } from './plan-format.js';

const $ = id => document.getElementById(id);
const hooks = document.body.dataset;

/** The planner's defaults (PhasingSettings): 300 bn ₸ a year, 2,500 km and 200 sites per region and year, 12 months. */
export const PLAN_DEFAULTS = { budgetBn: 300, fibreKm: 2500, sites: 200, permitMonths: 12 };
const POLL_MS = 400;
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** The form's inputs by request field (server error keys are matched case-insensitively, also as a prefix). */
const FIELDS = {
  name: 'plan-name',
  region: 'plan-region',
  mode: 'plan-mode-least-cost',
  budgetPerYearTenge: 'plan-budget',
  fibreKmPerRegionYear: 'plan-fibre-km',
  sitesPerRegionYear: 'plan-sites',
  permitLeadMonths: 'plan-permit-months',
  sensitivity: 'plan-sensitivity',
};

export class PlanForm {
  /**
   * @param {{el: HTMLElement, onDone: (planId: any) => Promise<void>|void, regionName: (code: string) => string}} opts
   *   onDone: a job succeeded with this plan (the view opens it).
   */
  constructor({ el, onDone, regionName }) {
    this.el = el;
    this.onDone = onDone;
    this.regionName = regionName || (c => c);
    this.job = null;        // the job being followed ({id, status, phase, progress})
    this._timer = 0;
    this._seq = 0;
    this._t0 = 0;
    hooks.plan = 'idle';
    this._build();
  }

  get running() { return hooks.plan === 'running'; }

  _build() {
    this.el.innerHTML = `
      <form id="plan-form" class="plan-form" novalidate aria-describedby="plan-form-hint">
        <label for="plan-name">Name</label>
        <input id="plan-name" type="text" maxlength="100" autocomplete="off" spellcheck="false" placeholder="e.g. North Kazakhstan, no budget limit">
        <label for="plan-region">Area</label>
        <select id="plan-region"><option value="">Whole country</option></select>
        <span class="plan-form-label" id="plan-mode-label">Goal</span>
        <div class="segmented segmented-small plan-mode" role="radiogroup" aria-labelledby="plan-mode-label">
          ${Object.entries(MODES).map(([id, m], i) => `<label title="${esc(m.title)}"><input type="radio" name="plan-mode" id="plan-mode-${id}" value="${id}"${i === 0 ? ' checked' : ''}><span>${esc(m.label)}</span></label>`).join('')}
        </div>
        <label for="plan-budget">Budget</label>
        <div class="plan-pair">
          <span class="plan-unit"><input id="plan-budget" type="number" min="0" step="any" inputmode="decimal" value="${PLAN_DEFAULTS.budgetBn}" aria-describedby="plan-budget-unit"
            title="National capex budget per year, billions of tenge"><span id="plan-budget-unit">bn ₸ / year</span></span>
          <label class="plan-check" title="No national budget limit: only build capacity and permits pace the plan"><input type="checkbox" id="plan-budget-none"> no limit</label>
        </div>
        <label for="plan-fibre-km">Fibre</label>
        <span class="plan-unit"><input id="plan-fibre-km" type="number" min="0" step="any" inputmode="decimal" value="${PLAN_DEFAULTS.fibreKm}"
          title="Kilometres of fibre a region can lay in a year"><span>km per region per year</span></span>
        <label for="plan-sites">Sites</label>
        <span class="plan-unit"><input id="plan-sites" type="number" min="0" step="1" inputmode="numeric" value="${PLAN_DEFAULTS.sites}"
          title="Site works (new masts, 5G upgrades, fixed-wireless radios) a region can complete in a year"><span>per region per year</span></span>
        <label for="plan-permit-months">Permits</label>
        <span class="plan-unit"><input id="plan-permit-months" type="number" min="0" step="1" inputmode="numeric" value="${PLAN_DEFAULTS.permitMonths}"
          title="Months before a new mast can carry traffic"><span>months lead time for a new mast</span></span>
        <label class="plan-check plan-sens" title="Re-plan with fibre cost per km, take-up, LEO price and the discount rate each 20% lower and higher (about 8 more runs)">
          <input type="checkbox" id="plan-sensitivity"> Sensitivity analysis <span class="muted">(±20% on four inputs; slower)</span></label>
        <div class="plan-go">
          <button type="submit" id="plan-start" class="button plan-start-button">Start plan</button>
          <span id="plan-form-hint" class="hint">A region takes seconds, the whole country about a quarter of a minute.</span>
        </div>
      </form>
      <div id="plan-progress" class="plan-progress" hidden>
        <div class="plan-progress-row">
          <div class="plan-progress-track" role="progressbar" id="plan-progress-track" aria-label="Plan job progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0">
            <span id="plan-progress-bar" class="plan-progress-bar"></span>
          </div>
          <button type="button" id="plan-cancel" class="button button-small plan-cancel">Cancel</button>
        </div>
        <div id="plan-progress-label" class="plan-progress-label" aria-live="polite"></div>
      </div>
      <div id="plan-status" class="plan-status" role="status" aria-live="polite" hidden></div>`;

    $('plan-form').addEventListener('submit', e => { e.preventDefault(); this.start(); });
    $('plan-cancel').addEventListener('click', () => this.cancel());
    $('plan-budget-none').addEventListener('change', e => {
      $('plan-budget').disabled = e.target.checked;
      $('plan-budget').classList.remove('invalid');
    });
    for (const id of Object.values(FIELDS)) $(id).addEventListener('input', () => $(id).classList.remove('invalid'));
    $('plan-region').addEventListener('change', () => this._placeholder());
    for (const id of Object.keys(MODES)) $(`plan-mode-${id}`).addEventListener('change', () => this._placeholder());
    $('plan-budget-none').addEventListener('change', () => this._placeholder());
    this._placeholder();
  }

  /** Fills the region choice ({code, name, settlements?}); keeps the current choice. */
  setRegions(list) {
    const sel = $('plan-region');
    const current = sel.value;
    const sorted = (Array.isArray(list) ? list : []).slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
    sel.innerHTML = '<option value="">Whole country</option>' + sorted.map(r =>
      `<option value="${esc(r.code)}">${esc(r.name || r.code)}${r.settlementCount != null ? ` (${fmtInt(r.settlementCount)})` : ''}</option>`).join('');
    if (current && sorted.some(r => r.code === current)) sel.value = current;
    this._placeholder();
  }

  _mode() {
    return document.querySelector('input[name="plan-mode"]:checked')?.value || 'least-cost';
  }

  /** The name a plan gets when none is typed: area, goal, budget. */
  _defaultName() {
    const region = $('plan-region').value;
    const area = region ? this.regionName(region) : 'Kazakhstan';
    const budget = $('plan-budget-none').checked ? 'no budget limit' : `${$('plan-budget').value || PLAN_DEFAULTS.budgetBn} bn ₸/yr`;
    return `${area} · ${MODES[this._mode()].label.toLowerCase()} · ${budget}`;
  }

  _placeholder() {
    $('plan-name').placeholder = this._defaultName();
  }

  /** The request body from the form (numbers as typed: the server validates and names what is wrong). */
  body() {
    const num = id => {
      const v = $(id).value.trim();
      return v === '' ? undefined : Number(v);
    };
    const budgetBn = num('plan-budget');
    const body = {
      name: $('plan-name').value.trim() || this._defaultName(),
      mode: this._mode(),
      budgetPerYearTenge: $('plan-budget-none').checked ? null : budgetBn === undefined ? undefined : budgetBn * 1e9,
      fibreKmPerRegionYear: num('plan-fibre-km'),
      sitesPerRegionYear: num('plan-sites'),
      permitLeadMonths: num('plan-permit-months'),
      sensitivity: $('plan-sensitivity').checked,
    };
    const region = $('plan-region').value;
    if (region) body.region = region;
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    return body;
  }

  // ------------------------------------------------------------------ the job
  async start() {
    if (this.running) return;
    const seq = ++this._seq;
    for (const id of Object.values(FIELDS)) $(id).classList.remove('invalid');
    const body = this.body();
    this._setStatus(null);
    this._busy(true);
    hooks.plan = 'running';
    hooks.planProgress = '0';
    this._progress({ phase: 'starting', progress: 0 });
    let accepted;
    try {
      accepted = await api.startPlan(body);
    } catch (e) {
      if (seq !== this._seq) return;
      this._fail(e, 'The plan was not started');
      this._markFields(e?.errors);
      return;
    }
    if (seq !== this._seq) return;
    const id = accepted?.jobId ?? accepted?.id;
    if (id == null) {
      this._fail({ title: 'Invalid response', detail: 'POST /api/plans did not name a job.' }, 'The plan was not started');
      return;
    }
    this.job = { id, status: accepted.status || 'queued', phase: '', progress: 0, name: body.name };
    this._lastPhase = '';
    this._lastProgress = 0;
    hooks.planJob = String(id);
    this._t0 = performance.now();
    this._poll(seq);
  }

  _poll(seq) {
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      if (seq !== this._seq || !this.job) return;
      let job;
      try {
        job = await api.job(this.job.id);
      } catch (e) {
        if (seq !== this._seq) return;
        // A lost poll is retried; a job the server no longer knows ends the wait.
        if (e?.status === 404) { this._fail(e, 'The plan job disappeared'); return; }
        this._poll(seq);
        return;
      }
      if (seq !== this._seq) return;
      Object.assign(this.job, job);
      if (job.status === 'running' && job.phase) { this._lastPhase = job.phase; this._lastProgress = job.progress; }
      this._progress(job);
      if (!FINAL.has(job.status)) { this._poll(seq); return; }
      await this._finish(job, seq);
    }, POLL_MS);
  }

  async _finish(job, seq) {
    this._busy(false);
    const secs = ((performance.now() - this._t0) / 1000).toFixed(1);
    if (job.status === 'cancelled') {
      hooks.plan = 'cancelled';
      const at = this._lastPhase ? ` during ${esc(this._lastPhase)} (${esc(fmtPct(this._lastProgress || 0))} done)` : '';
      this._setStatus('cancelled', `<b>Cancelled.</b> The plan “${esc(this.job.name)}” was stopped${at}; nothing was saved.`);
      return;
    }
    if (job.status === 'failed') {
      this._fail({ title: 'The plan failed', detail: typeof job.error === 'string' ? job.error : job.error?.detail || job.error?.title || '' }, null);
      return;
    }
    const planId = job.result?.planId;
    hooks.plan = 'loading';
    this._setStatus('done', `<b>Done</b> in ${esc(secs)} s: “${esc(this.job.name)}” is saved and open.`);
    try {
      await this.onDone(planId);
    } catch (e) {
      if (seq !== this._seq) return;
      hooks.plan = 'error';
      showError(e, 'Rollout plan');
    }
  }

  async cancel() {
    if (!this.job || !this.running) return;
    $('plan-cancel').disabled = true;
    this._cancelling = true;
    this._progress(this.job);
    try {
      await api.cancelJob(this.job.id);
    } catch (e) {
      // 409: it finished meanwhile; the next poll shows how.
      if (e?.status !== 409) {
        this._cancelling = false;
        $('plan-cancel').disabled = false;
        showError(e, 'Cancel plan');
      }
    }
  }

  _progress(job) {
    const f = Math.max(0, Math.min(1, Number(job.progress) || 0));
    $('plan-progress-bar').style.width = `${(f * 100).toFixed(1)}%`;
    $('plan-progress-track').setAttribute('aria-valuenow', String(Math.round(f * 100)));
    hooks.planProgress = String(Number(f.toFixed(3)));
    const phase = job.status === 'queued' ? 'waiting for a free planner' : job.phase || job.status || 'starting';
    $('plan-progress-label').innerHTML = `${this._cancelling ? '<b>Cancelling…</b> ' : ''}<span class="plan-phase">${esc(phase)}</span> <b>${esc(fmtPct(f).replace('.0%', '%'))}</b>`;
    $('plan-progress').dataset.phase = job.phase || '';
  }

  _busy(on) {
    $('plan-start').disabled = on;
    $('plan-start').textContent = on ? 'Planning…' : 'Start plan';
    $('plan-progress').hidden = !on;
    $('plan-cancel').disabled = !on;
    this._cancelling = false;
    if (!on) clearTimeout(this._timer);
  }

  _fail(e, context) {
    this._busy(false);
    hooks.plan = 'error';
    showError(e, 'Rollout plan');
    const items = e?.errors && typeof e.errors === 'object'
      ? Object.entries(e.errors).map(([k, v]) => `<li><b>${esc(k)}</b>: ${esc([].concat(v).join('; '))}</li>`).join('') : '';
    this._setStatus('error', `<b>${esc(context || e?.title || 'The plan failed')}.</b> ${context ? esc(e?.title || '') : ''}${e?.detail ? `: ${esc(e.detail)}` : ''}${items ? `<ul>${items}</ul>` : ''}`);
  }

  _markFields(errors) {
    if (!errors || typeof errors !== 'object') return;
    for (const key of Object.keys(errors)) {
      const k = key.toLowerCase();
      for (const [field, id] of Object.entries(FIELDS)) {
        const f = field.toLowerCase();
        if (k === f || k.startsWith(f + '.') || k.startsWith(f + '[') || k.endsWith('.' + f)) $(id).classList.add('invalid');
      }
    }
  }

  _setStatus(kind, html) {
    const el = $('plan-status');
    el.hidden = !kind;
    el.className = `plan-status${kind ? ' is-' + kind : ''}`;
    el.innerHTML = html || '';
    if (kind) el.dataset.state = kind;
    else delete el.dataset.state;
  }
}

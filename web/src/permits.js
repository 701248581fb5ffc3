// The Permits view: where mast permit requests wait. A region filter and as-of date; the funnel (how many requests
// reached each stage); the Kaplan-Meier curves of days to on air per region (Chart.js, stepped lines; open requests
// censored at the as-of date, requests opened after it left out and said); the requests past their SLA; the forecast
// on-air date of each open request; the sites regions offer; and, for signed-in analysts and operators, a form to set a
// stage's date (POST /api/permits).
//
// Hooks for the browser tests (document.body.dataset):
//   permits = loading | ready | error       permitsFunnel = the funnel's counts, comma-separated
//   permitsSurvival = drawn | empty         permitsCurves = curves drawn     permitsSave = saving | done | error
// The chart's canvas carries data-groups (the regions drawn) and data-points (steps drawn).
import { getJson, sendJson } from './api.js';
import { esc, fmtInt } from './format.js';

const hooks = document.body.dataset;
const COLORS = ['#4a2bd1', '#1f8fd1', '#21a39a', '#7cb342', '#e0b000', '#f08a24', '#d7263d', '#8e44ad', '#64748b', '#0f766e'];

export class Permits {
  /** @param {HTMLElement} el the view's slot */
  constructor(el) {
    this.el = el;
    this.chart = null;
    this._inited = false;
    this.me = { signedIn: false };
    window.addEventListener('dala:auth', e => { this.me = e.detail || { signedIn: false }; this.renderForm(); });
  }

  /** Called each time the view is shown. */
  init() {
    if (this._inited) return;
    this._inited = true;
    this.el.innerHTML = `
      <div class="pm-controls">
        <label>Region <select id="pm-region"><option value="">All regions</option></select></label>
        <label>As of <input type="date" id="pm-asof"></label>
        <button type="button" class="button" id="pm-refresh">Refresh</button>
        <span id="pm-note" class="muted"></span>
      </div>
      <section class="pm-block" aria-labelledby="pm-funnel-title">
        <h2 id="pm-funnel-title">Funnel</h2>
        <div id="pm-funnel" class="pm-funnel"></div>
      </section>
      <section class="pm-block" aria-labelledby="pm-km-title">
        <h2 id="pm-km-title">Time to on air (Kaplan-Meier)</h2>
        <p class="muted">Share of requests not yet on air after so many days from opened; open requests are censored at the as-of date.</p>
        <div class="pm-chart"><canvas id="pm-km" aria-label="Kaplan-Meier curves per region" role="img"></canvas></div>
        <ul id="pm-km-notes" class="pm-notes"></ul>
      </section>
      <section class="pm-block" aria-labelledby="pm-overdue-title">
        <h2 id="pm-overdue-title">Past their SLA</h2>
        <div id="pm-overdue"></div>
      </section>
      <section class="pm-block" aria-labelledby="pm-forecast-title">
        <h2 id="pm-forecast-title">Forecast on air</h2>
        <div id="pm-forecast"></div>
      </section>
      <section class="pm-block" aria-labelledby="pm-sites-title">
        <h2 id="pm-sites-title">Sites offered by the regions</h2>
        <div id="pm-sites"></div>
      </section>
      <section class="pm-block" aria-labelledby="pm-edit-title">
        <h2 id="pm-edit-title">Set a stage date</h2>
        <div id="pm-edit"></div>
      </section>`;
    this.$('#pm-refresh').addEventListener('click', () => this.load());
    this.$('#pm-region').addEventListener('change', () => this.load());
    this.$('#pm-asof').addEventListener('change', () => this.load());
    getJson('/api/regions').then(list => {
      const sel = this.$('#pm-region');
      for (const r of Array.isArray(list) ? list : []) sel.insertAdjacentHTML('beforeend', `<option value="${esc(r.code)}">${esc(r.name?.en || r.code)}</option>`);
    }).catch(() => { /* the filter keeps "All regions" */ });
    this.renderForm();
    this.load();
  }

  $(sel) { return this.el.querySelector(sel); }

  params(withRegion = true) {
    const region = this.$('#pm-region').value;
    const asOf = this.$('#pm-asof').value;
    return { ...(withRegion && region ? { region } : {}), ...(asOf ? { asOf } : {}) };
  }

  async load() {
    hooks.permits = 'loading';
    try {
      const [stages, survival, overdue, forecast, sites] = await Promise.all([
        getJson('/api/permits/stages', this.params()),
        getJson('/api/permits/survival', { by: 'region', ...this.params(false) }),
        getJson('/api/permits/overdue', this.params()),
        getJson('/api/permits/forecast', this.params()),
        getJson('/api/permits/sites', this.$('#pm-region').value ? { region: this.$('#pm-region').value } : {}),
      ]);
      this.stages = stages;
      this.$('#pm-note').textContent = `as of ${stages.asOf}`;
      this.renderFunnel(stages);
      this.renderSurvival(survival);
      this.renderOverdue(overdue);
      this.renderForecast(forecast);
      this.renderSites(sites);
      this.renderForm();
      hooks.permits = 'ready';
    } catch (e) {
      hooks.permits = 'error';
      this.$('#pm-funnel').innerHTML = `<p class="pm-error">Permits could not be loaded: ${esc(e.message)}</p>`;
    }
  }

  renderFunnel(stages) {
    const steps = stages.funnel || [];
    const max = Math.max(1, ...steps.map(s => s.reached));
    hooks.permitsFunnel = steps.map(s => s.reached).join(',');
    this.$('#pm-funnel').innerHTML = steps.length === 0 || steps[0].reached === 0
      ? '<p class="muted">No permit requests. Import them with dala import permits FILE.csv.</p>'
      : `<table class="pm-funnel-table"><tbody>${steps.map(s => `
          <tr data-stage="${esc(s.stage)}"><th scope="row">${esc(s.name)}</th>
            <td class="pm-bar-cell"><span class="pm-bar" style="width:${(100 * s.reached / max).toFixed(1)}%"></span></td>
            <td class="num">${fmtInt(s.reached)}</td></tr>`).join('')}</tbody></table>`;
  }

  renderSurvival(s) {
    const canvas = this.$('#pm-km');
    const region = this.$('#pm-region').value;
    const curves = (s.curves || []).filter(c => c.rows.length > 0 && (!region || c.group === region));
    this.$('#pm-km-notes').innerHTML = (s.notes || []).map(n => `<li>${esc(n)}</li>`).join('');
    if (this.chart) { this.chart.destroy(); this.chart = null; }
    canvas.dataset.groups = curves.map(c => c.group).join(',');
    canvas.dataset.points = String(curves.reduce((n, c) => n + c.rows.length, 0));
    hooks.permitsCurves = String(curves.length);
    if (!window.Chart || curves.length === 0) { hooks.permitsSurvival = 'empty'; return; }
    const datasets = curves.map((c, i) => ({
      label: `${c.group} (n=${c.n}${c.medianDays != null ? `, median ${c.medianDays} d` : ''})`,
      data: [{ x: 0, y: 1 }, ...c.rows.map(r => ({ x: r.day, y: r.survival }))],
      stepped: 'before', borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 0, borderWidth: 2, fill: false,
    }));
    this.chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false, parsing: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { type: 'linear', title: { display: true, text: 'days since opened' } }, y: { min: 0, max: 1, title: { display: true, text: 'not yet on air' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    hooks.permitsSurvival = 'drawn';
  }

  renderOverdue(rows) {
    this.$('#pm-overdue').innerHTML = rows.length === 0 ? '<p class="muted">No open request is past its SLA.</p>'
      : `<table class="pm-table" id="pm-overdue-table"><thead><tr><th>Request</th><th>Operator</th><th>Region</th><th>Waits for</th><th>Held by</th><th>Since</th>
          <th class="num">Days</th><th class="num">SLA</th><th class="num">Over</th></tr></thead><tbody>${rows.map(o => `
          <tr><td>${esc(o.requestId)}</td><td>${esc(o.operator)}</td><td>${esc(o.region)}</td><td>${esc(o.stageName)}</td><td>${esc(o.holder)}</td>
            <td>${esc(o.waitingSince)}</td><td class="num">${fmtInt(o.daysWaiting)}</td><td class="num">${fmtInt(o.slaDays)}</td><td class="num">${fmtInt(o.daysOver)}</td></tr>`).join('')}
          </tbody></table>`;
  }

  renderForecast(rows) {
    this.$('#pm-forecast').innerHTML = rows.length === 0 ? '<p class="muted">No open requests.</p>'
      : `<table class="pm-table" id="pm-forecast-table"><thead><tr><th>Request</th><th>Operator</th><th>Region</th><th>Opened</th><th class="num">Waited</th>
          <th>Waits for</th><th>On air (forecast)</th><th>From</th></tr></thead><tbody>${rows.map(f => `
          <tr><td>${esc(f.requestId)}</td><td>${esc(f.operator)}</td><td>${esc(f.region)}</td><td>${esc(f.opened)}</td><td class="num">${fmtInt(f.daysWaited)}</td>
            <td>${esc(f.waiting)}</td><td title="${esc(f.note)}">${esc(f.onAir || 'no date')}</td><td>${esc(f.basis)}</td></tr>`).join('')}
          </tbody></table>`;
  }

  renderSites(rows) {
    this.$('#pm-sites').innerHTML = rows.length === 0 ? '<p class="muted">No sites offered yet (dala import sites-offered FILE.csv).</p>'
      : `<table class="pm-table"><thead><tr><th>Site</th><th>Region</th><th>Name</th><th>Building</th><th>Offered</th><th>By</th><th>Taken by</th></tr></thead>
          <tbody>${rows.map(s => `<tr><td>${esc(s.siteId)}</td><td>${esc(s.region)}</td><td>${esc(s.name)}</td><td>${esc(s.building || '')}</td>
            <td>${esc(s.offered)}</td><td>${esc(s.offeredBy)}</td><td>${esc(s.takenBy || '')}</td></tr>`).join('')}</tbody></table>`;
  }

  renderForm() {
    const slot = this.el && this.el.querySelector('#pm-edit');
    if (!slot) return;
    const role = this.me.signedIn ? this.me.role : null;
    if (!['analyst', 'operator', 'admin'].includes(role)) {
      slot.innerHTML = '<p class="muted">Sign in as an analyst (or an operator, for its own requests) to set a stage date.</p>';
      return;
    }
    const stages = this.stages?.stages || [];
    // Kept as it is (with what was typed) when it is already drawn with the stages for this role.
    const drawn = slot.querySelector('#pm-form-stage');
    if (drawn && drawn.options.length === stages.length && this._formRole === role) return;
    this._formRole = role;
    slot.innerHTML = `
      <form id="pm-form" class="pm-form">
        <label>Request <input id="pm-form-id" required maxlength="64"></label>
        <label>Stage <select id="pm-form-stage">${stages.map(s => `<option value="${esc(s.key)}">${esc(s.name)}</option>`).join('')}</select></label>
        <label>Date <input id="pm-form-date" type="date"></label>
        <button type="submit" class="button button-primary">Save</button>
        <span id="pm-form-result" role="status"></span>
      </form>`;
    slot.querySelector('#pm-form').addEventListener('submit', e => { e.preventDefault(); this.save(); });
  }

  async save() {
    const result = this.$('#pm-form-result');
    const body = { requestId: this.$('#pm-form-id').value.trim(), stage: this.$('#pm-form-stage').value };
    const date = this.$('#pm-form-date').value;
    if (date) body.date = date;
    hooks.permitsSave = 'saving';
    try {
      const r = await sendJson('POST', '/api/permits', body);
      result.textContent = `${r.requestId}: ${body.stage} ${date || 'cleared'}; ${r.status}`;
      result.className = 'pm-ok';
      hooks.permitsSave = 'done';
      this.load();
    } catch (e) {
      const fields = e.errors ? Object.entries(e.errors).map(([k, v]) => `${k}: ${[].concat(v).join('; ')}`).join(' · ') : '';
      result.textContent = fields || e.message;
      result.className = 'pm-error';
      hooks.permitsSave = 'error';
    }
  }
}

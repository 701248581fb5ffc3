// Slot #compliance-cases of the Compliance view (see compliance.js): the inspectorate's cases. A list (state badge,
// operator, obligation, unit, opened date, fine) and, on a click, the case page: the violation's figures with its
// interval, the timeline of steps (date, who, note), the fine worked out (tier MRP x the MRP of the decision's date),
// a small form to take the next step, and a print button. Synthetic evidence is labelled everywhere.
//
// Hooks for the browser tests (document.body.dataset):
//   cases     = loading | ready | error          casesCount = cases listed
//   caseId    = the open case's id (empty: the list is shown)
//   caseState = the open case's state            caseStep = saving | done | error (the last step taken in the form)
import { getJson, sendJson } from './api.js';
import { esc, fmtInt } from './format.js';
import { locale } from './i18n.js';

const hooks = document.body.dataset;
const STATE_LABEL = {
  opened: 'opened', notice_sent: 'notice sent', response: 'response', appeal: 'appeal', decision: 'decision', fined: 'fined', closed: 'closed',
};
const tenge = n => `${fmtInt(n)} ₸`;
const num = x => (x == null ? '—' : Number(x).toLocaleString(locale(), { maximumFractionDigits: 3 }));
const unit = v => (v.settlement ? `${v.region} / ${v.settlement}` : v.region);
const period = v => (v.from || v.to ? `${v.from ?? ''} – ${v.to ?? ''}` : '—');

function stateBadge(c) {
  const o = c.outcome && (c.state === 'decision' || c.state === 'closed') ? ` (${c.outcome})` : '';
  return `<span class="badge co-case-state co-case-${esc(c.state)}" data-state="${esc(c.state)}">${esc(STATE_LABEL[c.state] || c.state)}${esc(o)}</span>`;
}

const synthetic = c => (c.synthetic ? ' <span class="badge badge-synthetic badge-xs" title="The evidence is synthetic">SYNTHETIC</span>' : '');

export class Cases {
  /** @param {HTMLElement} el the slot; @param {import('./compliance.js').Compliance} view */
  constructor(el, view) {
    this.el = el;
    this.view = view;
    this.cases = [];
    this.current = null;
  }

  init() {
    this.el.innerHTML = `
      <section class="co-cases" aria-labelledby="co-cases-title">
        <div class="co-cases-head">
          <h2 id="co-cases-title">Cases</h2>
          <label class="co-cases-filter">State
            <select id="co-cases-state"><option value="">all</option>${Object.entries(STATE_LABEL).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select>
          </label>
          <button type="button" class="button" id="co-cases-refresh">Refresh</button>
        </div>
        <div id="co-cases-list" class="co-cases-list"></div>
        <article id="co-case-page" class="co-case-page" hidden></article>
      </section>`;
    this.el.querySelector('#co-cases-state').addEventListener('change', () => this.load());
    this.el.querySelector('#co-cases-refresh').addEventListener('click', () => this.load());
    window.addEventListener('dala:auth', () => this.load());
    this.load();
  }

  async load() {
    hooks.cases = 'loading';
    const state = this.el.querySelector('#co-cases-state').value;
    const list = this.el.querySelector('#co-cases-list');
    try {
      this.cases = await getJson('/api/quality/cases', { state });
    } catch (e) {
      hooks.cases = 'error';
      list.innerHTML = e?.status === 401 || e?.status === 403
        ? '<p class="muted">Sign in (analyst, inspector or operator) to see the cases.</p>'
        : `<p class="co-cases-error">Cases could not be loaded: ${esc(e.message)}</p>`;
      return;
    }
    list.innerHTML = this.cases.length === 0
      ? '<p class="muted">No cases. Open one from a verdict (dala quality cases open --from-verdicts FILE) or POST /api/quality/cases.</p>'
      : `<table class="co-cases-table">
          <thead><tr><th>#</th><th>State</th><th>Operator</th><th>Obligation</th><th>Unit</th><th>Opened</th><th class="num">Fine</th></tr></thead>
          <tbody>${this.cases.map(c => `
            <tr data-case="${c.id}" tabindex="0" role="button" aria-label="Case ${c.id}">
              <td>${c.id}</td><td>${stateBadge(c)}${synthetic(c)}</td><td>${esc(c.violation.operator)}</td>
              <td>${esc(c.violation.obligation)}</td><td>${esc(unit(c.violation))}</td><td>${esc(c.openedOn)}</td>
              <td class="num">${c.fine ? (c.fine.imposed ? tenge(c.fine.tenge) : `<span class="muted" title="worked out, not yet imposed">${tenge(c.fine.tenge)}</span>`) : '—'}</td>
            </tr>`).join('')}</tbody>
        </table>`;
    for (const row of list.querySelectorAll('tr[data-case]')) {
      const open = () => this.open(Number(row.dataset.case));
      row.addEventListener('click', open);
      row.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    }
    hooks.casesCount = String(this.cases.length);
    hooks.cases = 'ready';
  }

  /** Opens a case's page (window.dala.compliance.cases.open(id)). */
  async open(id) {
    try {
      this.show(await getJson(`/api/quality/cases/${encodeURIComponent(id)}`));
    } catch (e) {
      hooks.cases = 'error';
      this.el.querySelector('#co-cases-list').insertAdjacentHTML('afterbegin', `<p class="co-cases-error">Case ${esc(id)}: ${esc(e.message)}</p>`);
    }
  }

  close() {
    this.current = null;
    hooks.caseId = '';
    this.el.querySelector('#co-case-page').hidden = true;
    this.el.querySelector('#co-cases-list').hidden = false;
    this.load();
  }

  show(c) {
    this.current = c;
    const v = c.violation;
    const page = this.el.querySelector('#co-case-page');
    this.el.querySelector('#co-cases-list').hidden = true;
    page.hidden = false;
    page.innerHTML = `
      <div class="co-case-actions">
        <button type="button" class="button" data-act="back">← All cases</button>
        <button type="button" class="button" data-act="print">Print</button>
      </div>
      <h3>Case ${c.id} ${stateBadge(c)}${synthetic(c)}</h3>
      ${c.synthetic ? '<p class="co-case-synthetic">SYNTHETIC evidence: the measurements behind this case are synthetic, not real tests.</p>' : ''}
      <dl class="co-case-facts">
        <dt>Operator</dt><dd>${esc(v.operator)}</dd>
        <dt>Obligation</dt><dd>${esc(v.obligation)}${v.version != null ? ` v${v.version}` : ''}</dd>
        <dt>Unit</dt><dd>${esc(unit(v))}</dd>
        <dt>Period</dt><dd>${esc(period(v))}</dd>
        <dt>Evidence</dt><dd id="co-case-evidence">k = ${fmtInt(v.k)} of n = ${fmtInt(v.n)}; estimate ${num(v.estimate)}, interval [${num(v.ciLow)}, ${num(v.ciHigh)}]</dd>
      </dl>
      <h4>Timeline</h4>
      <ol class="co-case-timeline" id="co-case-timeline">${c.steps.map(s => `
        <li data-state="${esc(s.state)}"><span class="co-step-date">${esc(s.date)}</span>
          <span class="co-step-what"><b>${esc(STATE_LABEL[s.state] || s.state)}${s.outcome ? ` (${esc(s.outcome)})` : ''}</b> by ${esc(s.actor)}</span>
          ${s.note ? `<span class="co-step-note">${esc(s.note)}</span>` : ''}</li>`).join('')}
      </ol>
      <h4>Fine</h4>
      <p id="co-case-fine" class="co-case-fine">${c.fine
        ? `${esc(c.fine.tier)} violation: ${fmtInt(c.fine.mrp)} MRP × ${tenge(c.fine.mrpTenge)} (MRP in force on the decision's date ${esc(c.fine.decidedOn)}, year ${c.fine.mrpYear})
           = <b>${tenge(c.fine.tenge)}</b>${c.fine.imposed ? '' : ' <span class="muted">— worked out now; imposed at the step “fined”</span>'}`
        : `none (${esc(c.fineNote || '')})`}</p>
      ${c.next.length ? this.formHtml(c) : '<p class="muted">The case is closed.</p>'}`;
    page.querySelector('[data-act="back"]').addEventListener('click', () => this.close());
    page.querySelector('[data-act="print"]').addEventListener('click', () => window.print());
    const form = page.querySelector('form');
    if (form) {
      const to = form.querySelector('[name="to"]');
      const outcome = form.querySelector('.co-step-outcome');
      const sync = () => { outcome.hidden = to.value !== 'decision'; };
      to.addEventListener('change', sync);
      sync();
      form.addEventListener('submit', e => { e.preventDefault(); this.step(form); });
    }
    hooks.caseId = String(c.id);
    hooks.caseState = c.state;
  }

  formHtml(c) {
    return `
      <form class="co-step-form" id="co-step-form" novalidate>
        <h4>Next step</h4>
        <label>Step <select name="to">${c.next.map(s => `<option value="${s}">${esc(STATE_LABEL[s] || s)}</option>`).join('')}</select></label>
        <label class="co-step-outcome">Outcome <select name="outcome"><option value="upheld">upheld</option><option value="dismissed">dismissed</option></select></label>
        <label>Date <input name="date" type="date" placeholder="today"></label>
        <label class="co-step-note-field">Note <textarea name="note" rows="2" maxlength="500"></textarea></label>
        <p class="co-step-error" role="alert" hidden></p>
        <button type="submit" class="button button-primary">Record step</button>
      </form>`;
  }

  async step(form) {
    const data = Object.fromEntries(new FormData(form));
    const body = { to: data.to, note: data.note || undefined, date: data.date || undefined };
    if (data.to === 'decision') body.outcome = data.outcome;
    const error = form.querySelector('.co-step-error');
    error.hidden = true;
    hooks.caseStep = 'saving';
    try {
      this.show(await sendJson('POST', `/api/quality/cases/${this.current.id}/steps`, body));
      hooks.caseStep = 'done';
    } catch (e) {
      hooks.caseStep = 'error';
      const fields = e.errors ? Object.entries(e.errors).map(([k, m]) => `${k}: ${[].concat(m).join('; ')}`).join(' · ') : '';
      error.textContent = fields || e.detail || e.message;
      error.hidden = false;
    }
  }
}

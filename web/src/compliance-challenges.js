// Slot #compliance-challenges of the Compliance view (see compliance.js): coverage claims checked against the measured
// tests, and challenges against the claims not delivered. Rule (server side): the share of valid tests at or above the
// claimed download gets its exact 95% interval; "claimed but not delivered" when the whole interval lies below 0.5.
// Hooks for browser tests: document.body.dataset.challenges = loading|ready|error, challengeRows = rows shown.
import { getJson, sendJson } from './api.js';
import { esc, fmtInt, fmtPct, fmtMbps, fmtDate } from './format.js';
import { showError } from './notify.js';

const STATUSES = [
  ['not-delivered', 'Claimed but not delivered'], ['unproven', 'Unproven'], ['no-tests', 'No tests'],
  ['delivered', 'Delivered'], ['withdrawn', 'Withdrawn'], ['', 'All'],
];
const LIMIT = 200;

export class Challenges {
  /** @param {HTMLElement} el the slot; @param {import('./compliance.js').Compliance} view */
  constructor(el, view) {
    this.el = el;
    this.view = view;
    this.status = 'not-delivered';
  }

  init() {
    if (!this.el) return;
    this.el.innerHTML = `
      <section class="ch-panel" aria-labelledby="ch-title">
        <h2 id="ch-title">Coverage claims <span class="ch-synthetic badge badge-synthetic" hidden>SYNTHETIC</span></h2>
        <p class="ch-rule muted">Each operator claim is checked against valid speed tests of that operator and technology in the settlement
          (12 months before the claim up to today): <b>claimed but not delivered</b> when the 95% interval of the share of tests reaching
          the claimed speed lies wholly below 50%. The radio prediction is shown beside it.</p>
        <div class="ch-filter">
          <label>Status <select class="ch-status">${STATUSES.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select></label>
          <span class="ch-counts muted"></span>
        </div>
        <div class="ch-table-wrap"><table class="ch-claims">
          <thead><tr><th>Settlement</th><th>Region</th><th>Operator</th><th>Claimed</th><th>Tests reaching it (95% CI)</th><th>Prediction</th><th>Challenge</th></tr></thead>
          <tbody></tbody></table></div>
        <p class="ch-more muted" hidden></p>
        <h3>Challenges</h3>
        <div class="ch-table-wrap"><table class="ch-challenges">
          <thead><tr><th>#</th><th>Settlement</th><th>Operator</th><th>State</th><th>Filed</th><th>Answer</th><th>Decision</th></tr></thead>
          <tbody></tbody></table></div>
      </section>`;
    const select = this.el.querySelector('.ch-status');
    select.value = this.status;
    select.addEventListener('change', () => { this.status = select.value; this.load(); });
    this.el.querySelector('.ch-claims').addEventListener('click', e => {
      const button = e.target.closest('button[data-claim]');
      if (button) this.file(Number(button.dataset.claim), button);
    });
    this.load();
    window.addEventListener('dala:auth', () => this.load());
  }

  async load() {
    document.body.dataset.challenges = 'loading';
    try {
      const [claims, challenges] = await Promise.all([
        getJson('/api/quality/claims', { status: this.status || null }),
        // Challenges are the inspectorate's and the operators' own: anonymous visitors see the claims only.
        getJson('/api/quality/challenges').catch(e => { if (e?.status === 401 || e?.status === 403) return null; throw e; }),
      ]);
      this.renderClaims(claims);
      this.renderChallenges(challenges);
      document.body.dataset.challenges = 'ready';
    } catch (err) {
      document.body.dataset.challenges = 'error';
      document.body.dataset.challengeRows = '0';
      if (err?.status === 503) {
        this.el.querySelector('.ch-claims tbody').innerHTML = '<tr><td colspan="7" class="muted">This server keeps no coverage claims.</td></tr>';
        return;
      }
      showError(err, 'coverage claims');
    }
  }

  renderClaims(data) {
    this.el.querySelector('.ch-synthetic').hidden = !data.synthetic;
    const c = data.counts || {};
    this.el.querySelector('.ch-counts').textContent =
      `${fmtInt(c['not-delivered'])} not delivered · ${fmtInt(c.unproven)} unproven · ${fmtInt(c['no-tests'])} no tests · ${fmtInt(c.delivered)} delivered`;
    const rows = data.claims.slice(0, LIMIT);
    const body = this.el.querySelector('.ch-claims tbody');
    body.innerHTML = rows.length ? rows.map(r => this.claimRow(r)).join('')
      : '<tr><td colspan="7" class="muted">No claims with this status.</td></tr>';
    const more = this.el.querySelector('.ch-more');
    more.hidden = data.claims.length <= LIMIT;
    more.textContent = `Showing ${LIMIT} of ${fmtInt(data.claims.length)} claims.`;
    document.body.dataset.challengeRows = String(rows.length);
  }

  claimRow(r) {
    const syn = r.synthetic ? ' <span class="badge badge-synthetic badge-xs">SYN</span>' : '';
    const share = r.n === 0 ? '<span class="muted">no tests</span>' : `
      <div class="ch-share" title="${esc(`${r.k} of ${r.n} tests at or above the claim; 95% CI ${fmtPct(r.ciLow)}–${fmtPct(r.ciHigh)}`)}">
        <span class="ch-bar"><span class="ch-ci ch-${esc(r.status)}" style="left:${(r.ciLow * 100).toFixed(1)}%;width:${Math.max(1, (r.ciHigh - r.ciLow) * 100).toFixed(1)}%"></span>
          <span class="ch-half"></span><span class="ch-point" style="left:${(r.share * 100).toFixed(1)}%"></span></span>
        <span class="ch-share-text">${fmtPct(r.share)} <span class="muted">[${fmtPct(r.ciLow)}, ${fmtPct(r.ciHigh)}] n=${fmtInt(r.n)}</span></span>
      </div>`;
    const prediction = r.predictedDownMbps == null ? '<span class="muted">none</span>'
      : `${fmtMbps(r.predictedDownMbps)} <span class="muted">(${esc(r.prediction)})</span>`;
    const canFile = r.status === 'not-delivered' && !(r.challengeState === 'filed' || r.challengeState === 'answered');
    const challenge = r.challengeId != null ? `<span class="badge badge-neutral">#${r.challengeId} ${esc(r.challengeState)}</span>` : '';
    const button = canFile ? `<button type="button" class="ch-file" data-claim="${r.id}">File challenge</button>` : '';
    return `<tr data-claim-row="${r.id}">
      <td data-label="Settlement">${esc(r.settlementName || r.settlementId)}${syn}</td>
      <td data-label="Region">${esc(r.region || '')}</td>
      <td data-label="Operator">${esc(r.operator)}</td>
      <td data-label="Claimed">${fmtMbps(r.claimedDownMbps)} ${esc(r.technology)}<br><span class="muted">${esc(r.statusLabel)}</span></td>
      <td data-label="Tests reaching it">${share}</td>
      <td data-label="Prediction">${prediction}</td>
      <td data-label="Challenge">${challenge} ${button}</td>
    </tr>`;
  }

  renderChallenges(list) {
    const body = this.el.querySelector('.ch-challenges tbody');
    if (list === null) {
      body.innerHTML = '<tr><td colspan="7" class="muted">Sign in (analyst, inspector or operator) to see the challenges.</td></tr>';
      return;
    }
    body.innerHTML = list.length ? list.slice(0, LIMIT).map(c => `<tr>
      <td data-label="#">${c.id}${c.synthetic ? ' <span class="badge badge-synthetic badge-xs">SYN</span>' : ''}</td>
      <td data-label="Settlement">${esc(c.settlementName || c.settlementId || '')}</td>
      <td data-label="Operator">${esc(c.operator || '')}</td>
      <td data-label="State"><span class="badge ${c.state === 'upheld' ? 'badge-open' : c.state === 'rejected' ? 'badge-ok' : 'badge-neutral'}">${esc(c.state)}</span></td>
      <td data-label="Filed">${esc(c.filedBy)} ${fmtDate(c.filedAt)}</td>
      <td data-label="Answer">${c.answeredBy ? `${esc(c.answeredBy)}: ${esc(c.answer || '')}` : '<span class="muted">awaiting the operator</span>'}</td>
      <td data-label="Decision">${c.decidedBy ? `${esc(c.state)} by ${esc(c.decidedBy)} ${fmtDate(c.decidedAt)}` : ''}</td>
    </tr>`).join('') : '<tr><td colspan="7" class="muted">No challenges filed.</td></tr>';
  }

  async file(claimId, button) {
    button.disabled = true;
    try {
      await sendJson('POST', '/api/quality/challenges', { claimId, note: 'filed from the compliance view' });
      await this.load();
    } catch (err) {
      button.disabled = false;
      showError(err, 'file a challenge');
    }
  }
}

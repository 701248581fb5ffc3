// "Run coverage" under the coverage summary, for analysts and admins: asks POST /api/coverage/runs for a coverage job,
// then follows it (GET /api/jobs/{id}) with a progress bar and a Cancel button until it succeeds, fails or is cancelled.
// The web names no server files: terrain is ITM's area mode, roads none or the SYNTHETIC highways.
import { api } from './api.js';
import { esc, fmtPct } from './format.js';

const $ = id => document.getElementById(id);
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);
const POLL_MS = 700;
const MODELS = [['itm', 'ITM (Longley-Rice), area mode'], ['hata', 'Hata'], ['cost231', 'COST-231 Hata'], ['freespace', 'Free space']];

export class CoverageRunForm {
  constructor(host, { onDone }) {
    this.onDone = onDone;
    this.job = null;
    host.insertAdjacentHTML('beforeend', `
      <section id="coverage-run" class="coverage-run" aria-label="Run coverage">
        <div class="coverage-run-row">
          <select id="coverage-run-model" aria-label="Propagation model">${MODELS.map(([v, l]) => `<option value="${v}">${esc(l)}</option>`).join('')}</select>
          <label class="coverage-run-roads"><input type="checkbox" id="coverage-run-roads"> synthetic roads</label>
          <button type="button" id="coverage-run-start" class="button button-small">Run coverage</button>
          <button type="button" id="coverage-run-cancel" class="button button-small" hidden>Cancel</button>
        </div>
        <div id="coverage-run-progress" class="plan-progress" hidden>
          <div class="plan-progress-row">
            <div class="plan-progress-track" role="progressbar" id="coverage-run-track" aria-label="Coverage job progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0">
              <span id="coverage-run-bar" class="plan-progress-bar"></span>
            </div>
          </div>
          <div id="coverage-run-label" class="plan-progress-label" aria-live="polite"></div>
        </div>
        <div id="coverage-run-status" class="coverage-run-status" aria-live="polite"></div>
      </section>`);
    $('coverage-run-start').addEventListener('click', () => this.start());
    $('coverage-run-cancel').addEventListener('click', () => this.cancel());
  }

  async start() {
    const body = { model: $('coverage-run-model').value, roads: $('coverage-run-roads').checked ? 'synthetic' : 'none' };
    this._status('');
    this._busy(true);
    this._progress({ status: 'queued', progress: 0 });
    try {
      const accepted = await api.startCoverage(body);
      this.job = { id: accepted.jobId, status: accepted.status };
    } catch (e) {
      this._busy(false);
      this._status(`<b>Not started:</b> ${esc(e?.detail || e?.title || e?.message || 'the server refused the run')}`, 'error');
      return;
    }
    document.body.dataset.coverageJob = this.job.id;
    this._poll();
  }

  _poll() {
    setTimeout(async () => {
      let job;
      try {
        job = await api.job(this.job.id);
      } catch (e) {
        if (e?.status === 404) { this._busy(false); this._status('<b>The coverage job disappeared.</b>', 'error'); return; }
        this._poll();
        return;
      }
      this.job = job;
      this._progress(job);
      if (!FINAL.has(job.status)) { this._poll(); return; }
      this._busy(false);
      document.body.dataset.coverageJobStatus = job.status;
      if (job.status === 'succeeded') {
        this._status('<b>Done:</b> the new run is the latest coverage.', 'done');
        await this.onDone();
      } else if (job.status === 'cancelled') {
        this._status('<b>Cancelled:</b> nothing was saved.', 'cancelled');
      } else {
        this._status(`<b>The run failed:</b> ${esc(job.error || '')}`, 'error');
      }
    }, POLL_MS);
  }

  async cancel() {
    if (!this.job) return;
    $('coverage-run-cancel').disabled = true;
    try { await api.cancelJob(this.job.id); } catch (e) { if (e?.status !== 409) this._status(esc(e?.detail || 'Cancel failed'), 'error'); }
  }

  _progress(job) {
    const f = Math.max(0, Math.min(1, Number(job.progress) || 0));
    $('coverage-run-bar').style.width = `${(f * 100).toFixed(1)}%`;
    $('coverage-run-track').setAttribute('aria-valuenow', String(Math.round(f * 100)));
    const phase = job.status === 'queued' ? 'waiting for a free worker' : job.phase || job.status;
    $('coverage-run-label').innerHTML = `<span class="plan-phase">${esc(phase)}</span> <b>${esc(fmtPct(f))}</b>`;
  }

  _busy(on) {
    $('coverage-run-start').disabled = on;
    $('coverage-run-progress').hidden = !on;
    $('coverage-run-cancel').hidden = !on;
    $('coverage-run-cancel').disabled = !on;
  }

  _status(html, state) {
    const el = $('coverage-run-status');
    el.innerHTML = html;
    el.dataset.state = state || '';
  }
}

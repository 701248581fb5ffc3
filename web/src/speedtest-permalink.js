// A result's own page: the link shown when a test is done (with a copy button), and the page it opens,
// #speedtest?result=ID, which reads GET /api/speedtest/results/{id} and shows the same figures.
import { api } from './api.js';
import { esc, fmtDateTime, techLabel } from './format.js';
import { INVALID_HELP, fmtSpeed, fmtMs, fmtPct } from './speedtest-format.js';
import { resultHref } from './speedtest-past.js';

const $ = id => document.getElementById(id);

/** The result id of the address (#speedtest?result=ID), or null. */
export function resultIdOfHash(hash = location.hash) {
  const m = /^#speedtest\?(.*)$/.exec(String(hash || ''));
  return m ? new URLSearchParams(m[1]).get('result') || null : null;
}

export const resultUrl = id => `${location.origin}${location.pathname}${resultHref(id)}`;

/** In the finished state: the link to the result's page and a button that copies it. */
export function showLink(id) {
  const box = $('speedtest-link');
  box.hidden = !id;
  if (!id) return;
  const url = resultUrl(id);
  box.innerHTML = `<span class="muted">Link to this result:</span> <a id="speedtest-result-link" href="${esc(resultHref(id))}">${esc(url)}</a>
    <button type="button" class="button button-small" id="speedtest-copy-link">Copy link</button> <span id="speedtest-copy-status" class="muted" aria-live="polite"></span>`;
  $('speedtest-copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url);
      $('speedtest-copy-status').textContent = 'Copied.';
    } catch {
      // No clipboard (insecure page or refused): select the link so that it can be copied by hand.
      const range = document.createRange();
      range.selectNodeContents($('speedtest-result-link'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('speedtest-copy-status').textContent = 'Select and copy the link above.';
    }
  });
}

export class ResultPage {
  constructor(operatorName) {
    this.operatorName = operatorName;
    this.seq = 0;
  }

  /** Shows the result of the address, or hides the page when the address names none. */
  async follow() {
    const id = resultIdOfHash();
    const box = $('speedtest-result-page');
    if (!id) {
      box.hidden = true;
      box.dataset.state = '';
      return;
    }
    const seq = ++this.seq;
    box.hidden = false;
    box.dataset.state = 'loading';
    box.innerHTML = '<div class="muted">Loading the result…</div>';
    try {
      const r = await api.speedtestResult(id);
      if (seq !== this.seq) return;
      const place = r.settlementId ? await api.settlement(r.settlementId).then(d => d?.name || r.settlementId).catch(() => r.settlementId) : null;
      if (seq !== this.seq) return;
      this._render(r, place);
      box.dataset.state = 'ready';
    } catch (e) {
      if (seq !== this.seq) return;
      box.dataset.state = e?.status === 404 ? 'missing' : 'error';
      box.innerHTML = `<div class="panel-head"><h2>Speed test result</h2></div><p class="no">${e?.status === 404
        ? `No speed test with id ${esc(id)} is stored on this server.` : `Could not load the result: ${esc(e?.detail || e?.message || 'error')}.`}</p>
        <a href="#speedtest" class="button">Run a test</a>`;
    }
  }

  _render(r, place) {
    const card = (id, label, value, note) => `<div class="st-result"><div class="st-result-label">${label}</div>
      <div class="st-result-value" id="${id}">${esc(value)}</div>${note ? `<div class="st-result-sub">${note}</div>` : ''}</div>`;
    const where = place || (r.lat != null ? `${r.lat.toFixed(4)}, ${r.lon.toFixed(4)}` : 'not given');
    $('speedtest-result-page').innerHTML = `
      <div class="panel-head"><h2>Speed test result</h2><span class="muted">${esc(fmtDateTime(r.time))} UTC · id <code>${esc(r.id)}</code></span></div>
      <div class="st-results st-results-5">
        ${card('speedtest-result-down', 'Download', fmtSpeed(r.downMbps))}
        ${card('speedtest-result-up', 'Upload', fmtSpeed(r.upMbps))}
        ${card('speedtest-result-latency', 'Latency <span class="muted">(min RTT)</span>', fmtMs(r.latencyMs))}
        ${card('speedtest-result-jitter', 'Jitter <span class="muted">(TCP RTT variation)</span>', r.jitterMs == null ? 'not measured' : fmtMs(r.jitterMs))}
        ${card('speedtest-result-loss', 'Loss <span class="muted">(retransmitted share)</span>', r.lossPct == null ? 'not measured' : fmtPct(r.lossPct))}
      </div>
      <table class="kv st-result-kv"><tbody>
        <tr><th>Place</th><td id="speedtest-result-place">${esc(where)}${r.region ? ` <span class="muted">· ${esc(r.region)}</span>` : ''}</td></tr>
        <tr><th>Operator</th><td>${r.operator ? esc(this.operatorName(r.operator)) : '<span class="muted">not given</span>'}</td></tr>
        <tr><th>Access</th><td>${r.access ? esc(techLabel(r.access)) : '<span class="muted">not given</span>'}</td></tr>
        <tr><th>Validity</th><td>${r.valid ? '<span class="badge badge-ok">valid</span>'
          : `<span class="badge badge-open" title="${esc(INVALID_HELP)}">invalid</span> <span class="st-reasons">${esc((r.reasons || []).join('; '))}</span>`}</td></tr>
      </tbody></table>
      <a href="#speedtest" class="button button-primary" id="speedtest-result-own">Run your own test</a>`;
  }
}

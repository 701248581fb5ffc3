// The speed test's "Latest tests": the newest measurements this server keeps (any source), with validity flags and
// reasons; the records of the test just run are highlighted.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtDateTime, techLabel, techColor } from './format.js';
import { INVALID_HELP, SOURCE_LABEL, fmtSpeed, fmtMs } from './speedtest-format.js';

const $ = id => document.getElementById(id);

export class LatestTests {
  /** operatorName: id → name. */
  constructor(operatorName) {
    this.operatorName = operatorName;
    this.regionNames = new Map();
    this.settlementNames = new Map();
    this.highlight = new Set();
    this.rows = null;
    $('speedtest-history-source').addEventListener('change', () => this.load());
  }

  /** The first time the view is shown: region names, then the rows. */
  init() {
    api.regions().then(list => {
      for (const r of Array.isArray(list) ? list : []) this.regionNames.set(r.code, r.name);
      this.render();
    }).catch(() => { /* region codes are shown instead */ });
    this.load();
  }

  async load() {
    const seq = this.seq = (this.seq || 0) + 1;
    const source = $('speedtest-history-source').value || null;
    try {
      const rows = await api.measurements({ limit: 10, source });
      if (seq !== this.seq) return;
      this.rows = Array.isArray(rows) ? rows : [];
      this.render();
      this._lookupNames(this.rows);
    } catch (e) {
      if (seq !== this.seq) return;
      const none = e?.status === 404;
      $('speedtest-history').querySelector('tbody').innerHTML = `<tr><td colspan="9" class="${none ? 'muted' : 'no'}">${none
        ? 'This server keeps no measurements (it was started without a measurement store).' : 'Could not load the measurements.'}</td></tr>`;
      if (!none) showError(e, 'Latest tests');
    }
  }

  _lookupNames(rows) {
    const missing = [...new Set(rows.map(r => r.settlementId).filter(id => id && !this.settlementNames.has(id)))];
    if (!missing.length) return;
    for (const id of missing) this.settlementNames.set(id, null);
    Promise.all(missing.map(id => api.settlement(id).then(d => this.settlementNames.set(id, d?.name || id)).catch(() => this.settlementNames.set(id, id))))
      .then(() => this.render());
  }

  render() {
    const body = $('speedtest-history').querySelector('tbody');
    const rows = this.rows;
    if (!rows) return;
    if (!rows.length) {
      body.innerHTML = '<tr><td colspan="9" class="muted">No measurements yet — run a test above.</td></tr>';
      return;
    }
    body.innerHTML = rows.map(m => {
      const place = m.settlementId
        ? `${esc(this.settlementNames.get(m.settlementId) || m.settlementId)}<span class="muted"> · ${esc(this.regionNames.get(m.region) || m.region || '')}</span>`
        : (m.region ? esc(this.regionNames.get(m.region) || m.region) : '<span class="muted">—</span>');
      const validity = m.valid
        ? '<span class="badge badge-ok">valid</span>'
        : `<span class="badge badge-open" title="${esc(INVALID_HELP)}">invalid</span><div class="st-reasons" title="${esc(INVALID_HELP)}">${esc((m.reasons || []).join('; '))}</div>`;
      const access = m.access ? `<span class="tech-chip"><span class="swatch" style="background:${techColor(m.access)}"></span>${esc(techLabel(m.access))}</span>` : '<span class="muted">—</span>';
      return `<tr data-id="${esc(m.id)}" class="${this.highlight.has(m.id) ? 'is-new' : ''}${m.valid ? '' : ' is-invalid'}">
        <td class="nowrap">${esc(fmtDateTime(m.time))}</td>
        <td class="nowrap">${esc(SOURCE_LABEL[m.source] || m.source)}${m.synthetic ? ' <span class="badge badge-synthetic badge-xs" title="Generated for demonstration, not observed">synthetic</span>' : ''}</td>
        <td>${place}</td>
        <td>${m.operator ? esc(this.operatorName(m.operator)) : '<span class="muted">—</span>'}</td>
        <td>${access}</td>
        <td class="num nowrap">${esc(fmtSpeed(m.downMbps))}</td>
        <td class="num nowrap">${esc(fmtSpeed(m.upMbps))}</td>
        <td class="num nowrap">${esc(fmtMs(m.latencyMs))}</td>
        <td>${validity}</td>
      </tr>`;
    }).join('');
    document.body.dataset.speedtestHistory = String(rows.length);
  }
}

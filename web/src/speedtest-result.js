// The speed test's result panel: the phase line and steps, the progress bar, the three result cards and, once the
// run is stored, what was stored (the server's records and the browser's, with their validity).
import { esc, fmtDateTime } from './format.js';
import { INVALID_HELP, fmtSpeed } from './speedtest-format.js';

const $ = id => document.getElementById(id);

export class ResultPanel {
  phase(text, step) {
    $('speedtest-phase').textContent = text;
    document.querySelectorAll('.st-step').forEach(el => {
      const order = ['download', 'upload', 'store'];
      const i = order.indexOf(el.dataset.step), cur = order.indexOf(step);
      el.classList.toggle('is-current', el.dataset.step === step);
      el.classList.toggle('is-done', cur > i || step === 'done');
    });
  }

  progress(frac) {
    const pct = Math.max(0, Math.min(100, frac * 100));
    $('speedtest-progress-bar').style.width = pct + '%';
    $('speedtest-progress-bar').parentElement.setAttribute('aria-valuenow', String(Math.round(pct)));
  }

  /** kind: download, upload, latency, jitter or loss. */
  setResult(kind, text, sub, live = false) {
    const id = { download: 'speedtest-down', upload: 'speedtest-up', latency: 'speedtest-latency', jitter: 'speedtest-jitter', loss: 'speedtest-loss' }[kind];
    // "123.4 Mbit/s": the number large, the unit small (textContent stays "123.4 Mbit/s").
    const m = /^([\d.]+) (.+)$/.exec(text);
    $(id).innerHTML = m ? `<span class="st-v">${esc(m[1])}</span> <span class="st-u">${esc(m[2])}</span>` : esc(text);
    $(id).classList.toggle('is-live', live);
    if (sub != null) $(`${id}-sub`).innerHTML = sub;
  }

  /** Clears what a previous run showed. */
  reset() {
    $('speedtest-stored').hidden = true;
    $('speedtest-stored').innerHTML = '';
    $('speedtest-link').hidden = true;
    for (const k of ['download', 'upload', 'latency', 'jitter', 'loss']) this.setResult(k, '—', '');
  }

  /** Under each speed, what the server measured for the same direction. */
  serverFigures(run, server) {
    for (const m of server) {
      const kind = m.downMbps != null ? 'download' : 'upload';
      const v = kind === 'download' ? m.downMbps : m.upMbps;
      const ph = run[kind];
      $(kind === 'download' ? 'speedtest-down-sub' : 'speedtest-up-sub').innerHTML =
        `${esc((Number(ph.client.NumBytes) / 1e6).toFixed(1))} MB in ${esc(Number(ph.client.ElapsedTime).toFixed(1))} s · server measured ${esc(fmtSpeed(v))}`;
    }
  }

  renderStored(run, client, server, failure, record) {
    const box = $('speedtest-stored');
    box.hidden = false;
    if (failure) {
      box.className = 'st-stored is-error';
      box.innerHTML = esc(failure);
      return;
    }
    const validity = m => m.valid
      ? '<span class="badge badge-ok">valid</span>'
      : `<span class="badge badge-open" title="${esc(INVALID_HELP)}">invalid</span> <span class="st-reasons">${esc((m.reasons || []).join('; '))}</span>`;
    const rows = [];
    for (const m of server || []) {
      const kind = m.downMbps != null ? 'download' : 'upload';
      rows.push(`<tr data-id="${esc(m.id)}"><th>Server measurement, ${kind}<code>${esc(m.id)}</code></th>`
        + `<td class="num">${esc(fmtSpeed(kind === 'download' ? m.downMbps : m.upMbps))}</td><td>${validity(m)}</td></tr>`);
    }
    if (client) {
      const ok = client.status === 'stored' || client.status === 'duplicate';
      rows.push(`<tr data-id="${esc(client.id || '')}"><th>Browser measurement, down / up${client.status === 'duplicate' ? ' (already stored)' : ''}<code>${esc(client.id || '—')}</code></th>`
        + `<td class="num">${esc(fmtSpeed(record?.downMbps))} / ${esc(fmtSpeed(record?.upMbps))}</td>`
        + `<td>${ok ? validity({ valid: client.valid, reasons: client.reasons }) : `<span class="badge badge-open">${esc(client.status)}</span> <span class="st-reasons">${esc((client.reasons || []).join('; '))}</span>`}</td></tr>`);
    } else {
      rows.push('<tr><th>Browser measurement</th><td colspan="2" class="no">not stored</td></tr>');
    }
    const expect = run.upload.done ? 2 : 1;
    const all = client && (client.status === 'stored' || client.status === 'duplicate') && (server || []).length >= expect;
    box.className = 'st-stored' + (all ? ' is-ok' : ' is-warn');
    box.dataset.clientId = client?.id || '';
    box.dataset.serverIds = (server || []).map(m => m.id).join(',');
    box.innerHTML = `
      <div class="st-stored-head">${all ? '<span class="st-check" aria-hidden="true">✓</span> <b>Stored</b> in the national measurement registry'
        : '<b>Partly stored</b> — see below'}
        <span class="muted">· test started ${esc(fmtDateTime(run.startedAt.toISOString()))} UTC</span></div>
      <table class="kv st-stored-table"><tbody>${rows.join('')}</tbody></table>
      ${(server || []).some(m => !m.valid) || (client && client.valid === false)
        ? `<div class="hint" title="${esc(INVALID_HELP)}">Invalid tests are kept with their reasons but left out of the quality statistics; a test from this machine over loopback or a private network is always invalid. <span class="info-i">i</span></div>` : ''}`;
  }
}

// Settlement card: names, facts, current status, connectivity history and a step chart of the best speed.
import { api } from './api.js';
import { showError } from './notify.js';
import {
  esc, fmtInt, fmtNum, fmtMbps, fmtDate, fmtDateTime, fmtFixed1, kindLabel, techLabel, techColor, SERVICE_BY_ID, serviceClass, modelLabel,
} from './format.js';
import { speedSteps } from './status.js';
import { nameIn } from './i18n.js';

const LANGS = [['local', 'Local'], ['kk', 'Kazakh'], ['ru', 'Russian'], ['en', 'English']];

const dayMs = 86400000;
const toTime = iso => Date.parse(String(iso).slice(0, 10) + 'T00:00:00Z');

function techChip(t) {
  return `<span class="tech-chip"><span class="swatch" style="background:${techColor(t)}"></span>${esc(techLabel(t))}</span>`;
}

function yesNo(v) {
  return v ? '<span class="yes">Yes</span>' : '<span class="no">No</span>';
}

export class Card {
  /**
   * @param {{onClose?: () => void, asOf?: () => string|null,
   *          prediction?: (id: string) => Promise<{run: object, row: object|null, site: object|null}|null>}} opts
   *   prediction: the latest coverage run's prediction for a settlement (null when there is no run).
   */
  constructor({ onClose, asOf, prediction } = {}) {
    this.el = document.getElementById('settlement-card');
    this.body = document.getElementById('card-body');
    this.onClose = onClose;
    this.asOf = asOf || (() => null);
    this.prediction = prediction || null;
    this.chart = null;
    this.current = null;
    this.seq = 0;
    this.controller = null;
    document.getElementById('card-close').addEventListener('click', () => this.close());
    document.addEventListener('keydown', e => {
      if (e.key === 'Escape' && !this.el.hidden && !e.defaultPrevented) this.close();
    });
  }

  get isOpen() { return !this.el.hidden; }

  /**
   * Opens the card for a settlement id. preview (the map point) fills the heading while details load.
   * Resolves to the settlement detail, or null when it could not be loaded.
   */
  async open(id, preview) {
    const seq = ++this.seq;
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    this.current = id;
    this.el.hidden = false;
    this.el.dataset.id = id;
    this.el.dataset.state = 'loading';
    this.el.setAttribute('aria-busy', 'true');
    this._destroyChart();
    this.body.innerHTML = `
      <header class="card-head">
        <h2 class="card-title">${esc(preview ? nameIn(preview) : id)}</h2>
        <div class="card-sub">${preview ? esc(kindLabel(preview.kind)) + ' · ' + esc(preview.regionName || preview.region || '') : ''}</div>
      </header>
      <div class="card-loading">Loading details…</div>`;
    try {
      const s = await api.settlement(id, { signal: this.controller.signal });
      if (seq !== this.seq) return null;
      this._render(s);
      this.el.dataset.state = 'ready';
      this.el.removeAttribute('aria-busy');
      this._fillRadio(id, seq);
      return s;
    } catch (e) {
      if (e && e.name === 'AbortError') return null;
      if (seq !== this.seq) return null;
      showError(e, 'Settlement');
      this.el.dataset.state = 'error';
      this.el.removeAttribute('aria-busy');
      this.body.innerHTML = `
        <header class="card-head"><h2 class="card-title">${esc(preview?.name || id)}</h2></header>
        <div class="card-error">${esc(e.title || 'Could not load this settlement')}${e.detail ? ': ' + esc(e.detail) : ''}</div>`;
      return null;
    }
  }

  close() {
    if (this.el.hidden) return;
    this.seq++;
    if (this.controller) this.controller.abort();
    this._destroyChart();
    this.el.hidden = true;
    this.current = null;
    delete this.el.dataset.id;
    this.el.dataset.state = 'closed';
    if (this.onClose) this.onClose();
  }

  _destroyChart() {
    if (this.chart) { this.chart.destroy(); this.chart = null; }
  }

  _render(s) {
    const st = s.status || {};
    const history = Array.isArray(s.history) ? s.history : [];
    const synthetic = !!(s.synthetic || history.some(r => r.synthetic) || (st.active || []).some(r => r.synthetic));
    const names = s.names || {};
    const title = nameIn(s);

    const nameRows = LANGS.map(([k, label]) => `
      <tr><th>${label}</th><td${names[k] ? ` lang="${k === 'local' ? '' : k}"` : ''}>${names[k] ? esc(names[k]) : '<span class="muted">—</span>'}</td></tr>`).join('');

    const pop = s.population != null
      ? `${fmtInt(s.population)}${s.populationSource ? ` <span class="muted">(source: ${esc(s.populationSource)})</span>` : ''}`
      : '<span class="muted" id="card-population-unknown" title="No source gives this settlement\'s population">–, not known</span>';

    const kato = s.kato && (s.kato.code || (s.kato.path || []).length)
      ? `${esc(s.kato.code || s.katoCode || '')}${(s.kato.path || []).length ? `<div class="kato-path">${s.kato.path.map(esc).join(' <span class="sep">›</span> ')}</div>` : ''}`
      : (s.katoCode ? esc(s.katoCode) : '<span class="muted">unknown</span>');

    const tech = st.technology || s.technology || 'unknown';
    const maxDown = st.maxDownMbps !== undefined ? st.maxDownMbps : s.maxDownMbps;
    const meets = st.meets100Mbps !== undefined ? st.meets100Mbps : s.meets100Mbps;
    const active = Array.isArray(st.active) ? st.active : [];

    const activeList = active.length
      ? `<div class="active-list">${active.map(r => `<span class="active-item">${techChip(r.technology)} ${esc(r.operator || r.operatorId || 'unknown operator')}${r.downMbps != null ? ' · ' + esc(fmtMbps(r.downMbps)) : ''}</span>`).join('')}</div>`
      : '';

    const historyRows = history.map(r => `
      <tr>
        <td class="nowrap">${esc(fmtDate(r.asOf))}</td>
        <td>${techChip(r.technology)}</td>
        <td>${esc(r.operator || r.operatorId || '—')}</td>
        <td class="num nowrap">${r.downMbps != null ? esc(fmtInt(r.downMbps)) : '—'} / ${r.upMbps != null ? esc(fmtInt(r.upMbps)) : '—'}</td>
        <td class="src">${esc(r.source || '—')}</td>
        <td>${r.synthetic ? '<span class="badge badge-synthetic badge-xs" title="Synthetic record">yes</span>' : '<span class="muted">no</span>'}</td>
      </tr>`).join('');

    this.body.innerHTML = `
      <header class="card-head">
        <h2 class="card-title">${esc(title)}</h2>
        <div class="card-sub">${esc(kindLabel(s.kind))} · ${esc(s.regionName || s.region || '')}</div>
        ${synthetic ? '<div class="badge badge-synthetic card-synthetic" title="The connectivity shown for this settlement is a synthetic scenario">Synthetic connectivity scenario</div>' : ''}
      </header>

      <section class="card-status status-${esc(tech)}">
        <div class="status-main">
          ${techChip(tech)}
          <span class="status-speed">${maxDown != null ? esc(fmtMbps(maxDown)) : (tech === 'none' ? '' : `<span class="muted">${tech === 'unknown' ? 'no records' : 'speed not given'}</span>`)}</span>
        </div>
        <dl class="status-grid">
          <div><dt>≥ 100 Mbps</dt><dd>${tech === 'unknown' ? '<span class="muted">—</span>' : yesNo(meets)}</dd></div>
          <div><dt>As of</dt><dd>${esc(fmtDate(st.asOf))}</dd></div>
        </dl>
        ${activeList}
      </section>

      <section id="card-radio" class="card-section card-radio" data-state="loading" hidden aria-label="Predicted radio service"></section>

      <section class="card-section">
        <table class="kv">
          <tbody>
            ${nameRows}
            <tr><th>Kind</th><td>${esc(kindLabel(s.kind))}</td></tr>
            <tr><th>Population</th><td>${pop}</td></tr>
            <tr><th>Region</th><td>${esc(s.regionName || '—')} <span class="muted">${esc(s.region || '')}</span></td></tr>
            <tr><th>KATO</th><td>${kato}</td></tr>
            <tr><th>Location</th><td class="muted">${s.lat != null ? Number(s.lat).toFixed(4) : '—'}, ${s.lon != null ? Number(s.lon).toFixed(4) : '—'} · ${esc(s.id)}</td></tr>
          </tbody>
        </table>
      </section>

      ${history.length >= 2 ? `
      <section class="card-section">
        <h3>Best advertised download speed</h3>
        <div class="card-chart"><canvas id="card-speed-chart" aria-label="Best advertised download speed over time"></canvas></div>
      </section>` : ''}

      <section class="card-section">
        <h3>Connectivity history <span class="muted">(${fmtInt(history.length)} record${history.length === 1 ? '' : 's'})</span></h3>
        ${history.length ? `
        <div class="table-wrap">
          <table class="data-table history">
            <colgroup><col style="width:66px"><col style="width:74px"><col><col style="width:62px"><col style="width:62px"><col style="width:44px"></colgroup>
            <thead><tr><th>Date</th><th>Technology</th><th>Operator</th><th class="num" title="Advertised download / upload, Mbit/s">Mbps ↓/↑</th><th>Source</th><th title="Synthetic record">Synth.</th></tr></thead>
            <tbody>${historyRows}</tbody>
          </table>
        </div>` : '<div class="muted">No connectivity records: status unknown.</div>'}
      </section>`;

    if (history.length >= 2) this._chart(history);
  }

  /** Fills the "Predicted radio service" section once the latest run's prediction is known (removed without a run). */
  async _fillRadio(id, seq) {
    const el = document.getElementById('card-radio');
    if (!el) return;
    if (!this.prediction) { el.remove(); return; }
    let p;
    try {
      p = await this.prediction(id);
    } catch (e) {
      if (seq !== this.seq) return;
      showError(e, 'Coverage predictions');
      el.hidden = false;
      el.dataset.state = 'error';
      el.innerHTML = '<h3>Predicted radio service</h3><div class="muted">The coverage predictions could not be loaded.</div>';
      return;
    }
    if (seq !== this.seq || !el.isConnected) return;
    if (!p) { el.remove(); return; }
    el.innerHTML = radioSection(p);
    el.hidden = false;
    el.dataset.state = 'ready';
  }

  _chart(history) {
    const canvas = document.getElementById('card-speed-chart');
    if (!canvas || !window.Chart) return;
    const steps = speedSteps(history);
    if (!steps.length) return;
    const data = steps.map(p => ({ x: toTime(p.date), y: p.mbps, tech: p.technology }));
    // Hold the last value up to the registry's as-of date (or today), so the last step is visible.
    const lastT = data[data.length - 1].x;
    const asOf = this.asOf();
    let endT = asOf ? toTime(asOf) : Date.now();
    if (!(endT > lastT)) endT = lastT + 90 * dayMs;
    data.push({ x: endT, y: data[data.length - 1].y, tech: data[data.length - 1].tech, tail: true });
    const maxY = Math.max(100, ...data.map(d => d.y || 0));
    this.chart = new window.Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Best download (Mbps)',
            data,
            stepped: 'before',
            borderColor: '#4a2bd1',
            backgroundColor: 'rgba(74,43,209,0.10)',
            fill: 'origin',
            borderWidth: 2,
            pointRadius: ctx => (ctx.raw && ctx.raw.tail ? 0 : 3),
            pointBackgroundColor: ctx => techColor(ctx.raw?.tech),
            pointBorderColor: '#fff',
            spanGaps: false,
          },
          {
            label: '100 Mbps',
            data: [{ x: data[0].x, y: 100 }, { x: endT, y: 100 }],
            borderColor: '#e4572e',
            borderDash: [4, 4],
            borderWidth: 1,
            pointRadius: 0,
            fill: false,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: item => item.datasetIndex === 0 && !item.raw.tail,
            callbacks: {
              title: items => items.length ? new Date(items[0].parsed.x).toISOString().slice(0, 10) : '',
              label: item => `${techLabel(item.raw.tech)} · ${item.raw.y == null ? 'speed unknown' : fmtMbps(item.raw.y)}`,
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: data[0].x,
            max: endT,
            ticks: {
              maxTicksLimit: 6,
              callback: v => new Date(v).toISOString().slice(0, 7),
              font: { size: 10 },
            },
            grid: { display: false },
          },
          y: {
            beginAtZero: true,
            suggestedMax: maxY * 1.1,
            ticks: { font: { size: 10 }, callback: v => fmtInt(v) },
            title: { display: true, text: 'Mbps', font: { size: 10 } },
          },
        },
      },
    });
  }
}

/** The card's "Predicted radio service" section for {run, row, site}. */
function radioSection({ run, row, site }) {
  const synthetic = !!(run.synthetic || row?.synthetic);
  const head = `<h3>Predicted radio service ${synthetic ? '<span class="badge badge-synthetic badge-xs" title="Predicted from synthetic inputs (sites, terrain or roads)">synthetic</span>' : ''}</h3>`;
  const foot = `<p class="radio-run">Coverage run #${esc(run.id)} · ${esc(modelLabel(run.model))} · ${esc(fmtDateTime(run.createdAt))}<br>${esc(run.assumptions || '')}</p>`;
  if (!row) return `${head}<div class="radio-status cls-unknown"><div class="muted">This settlement is not in the latest coverage run.</div></div>${foot}`;
  const cls = SERVICE_BY_ID.get(serviceClass(row));
  const sector = site?.sectors?.find(c => c.id === row.sectorId);
  const num = (v, unit) => (v == null ? '<span class="muted">—</span>' : `${esc(fmtNum(v))} ${unit}`);
  const busy = row.busyHourMbps != null ? `${esc(fmtNum(row.busyHourMbps))} Mbit/s`
    : `<span class="muted" title="The busy-hour estimate needs the population">${row.population == null && row.covered ? 'population not known' : '—'}</span>`;
  const serving = row.siteId
    ? `${esc(row.siteId)}${row.sectorId ? ` · sector ${esc(row.sectorId)}` : ''}
       ${site || sector ? `<div class="radio-site-sub">${site ? esc(site.name || '') : ''}${sector ? `${site?.name ? ' · ' : ''}${esc(sector.technology)} ${esc(fmtInt(sector.frequencyMHz))} MHz, azimuth ${esc(fmtNum(sector.azimuthDeg))}°` : ''}</div>` : ''}`
    : '<span class="muted">no site in range</span>';
  return `${head}
    <div class="radio-status cls-${cls.id}" style="border-left-color:${cls.color}">
      <div class="radio-main">
        <span class="tech-chip"><span class="swatch" style="background:${cls.color}"></span>${esc(cls.label)}</span>
        <span class="radio-speed" id="card-radio-speeds">${[
          row.peakMbps != null ? `${esc(fmtNum(row.peakMbps))} <small title="One user on an idle cell">Mbit/s peak</small>` : '',
          row.busyHourMbps != null ? `${esc(fmtNum(row.busyHourMbps))} <small title="Per active user when the cell is busiest">Mbit/s at the busy hour</small>` : '',
        ].filter(Boolean).join(' · ')}</span>
      </div>
      <dl class="radio-grid">
        <div><dt>RSRP</dt><dd id="card-radio-rsrp" data-value="${row.rsrpDbm ?? ''}">${row.rsrpDbm != null ? `${esc(fmtFixed1(row.rsrpDbm))} dBm` : '<span class="muted">—</span>'}</dd></div>
        <div><dt>SINR</dt><dd id="card-radio-sinr">${row.sinrDb != null ? `${esc(fmtFixed1(row.sinrDb))} dB` : '<span class="muted">—</span>'}</dd></div>
        <div><dt>Peak (idle cell)</dt><dd id="card-radio-peak">${num(row.peakMbps, 'Mbit/s')}</dd></div>
        <div><dt>Busy hour</dt><dd id="card-radio-busy">${busy}</dd></div>
        <div><dt>≥ 100 Mbit/s at the busy hour</dt><dd id="card-radio-100">${yesNo(row.meets100Mbps)}</dd></div>
        <div><dt>Terrain used</dt><dd id="card-radio-terrain" title="${row.terrainUsed ? 'Terrain profiles from the DEM' : 'No terrain profile: ITM area mode'}">${row.terrainUsed ? 'Yes' : 'No'}</dd></div>
        <div><dt>Synthetic</dt><dd id="card-radio-synthetic">${synthetic ? '<span class="syn-yes">Yes</span>' : 'No'}</dd></div>
        <div class="radio-serving"><dt>Serving site</dt><dd id="card-radio-site">${serving}</dd></div>
      </dl>
    </div>
    ${foot}`;
}

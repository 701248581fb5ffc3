// Slot #quality-rankings of the Quality view (see compliance.js): Global-Index-style rankings by month with the minimum
// sample rule (units below it greyed as "too few tests"), rank-change arrows, a trend line chart of monthly medians for
// the country and the selected units, Ookla tiles as tile-weighted means (apart), and the open-data downloads.
// SYNTHETIC tests are left out unless "Include synthetic" is ticked; then a synthetic badge and note say so.
//
// Hooks for the browser tests (document.body.dataset):
//   rankings         = loading | ready | error
//   rankingsRows     = rows in the table (ranked + too few)    rankingsRanked = ranked rows
//   rankingsChart    = drawn | empty                          rankingsDatasets = lines on the trend chart (country first)
//   rankingsSynthetic = true | false (SYNTHETIC tests counted)
import { getJson, buildUrl } from './api.js';
import { esc, fmtInt } from './format.js';

const hooks = document.body.dataset;
const COLORS = ['#111827', '#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];
const UNITS = [['region', 'Region'], ['operator', 'Operator'], ['region,operator', 'Region × operator']];
/** Units drawn on the trend chart besides the country line. */
const TREND_UNITS = 5;

const num = v => (v == null || !Number.isFinite(Number(v)) ? '—' : Number(v) < 10 ? Number(v).toFixed(1) : fmtInt(Math.round(Number(v))));

function change(r) {
  if (r.rank == null) return '';
  if (r.rankChange == null) return '<span class="rk-new" title="not ranked the month before">new</span>';
  if (r.rankChange > 0) return `<span class="rk-up" title="up ${r.rankChange} since the month before">▲ ${r.rankChange}</span>`;
  if (r.rankChange < 0) return `<span class="rk-down" title="down ${-r.rankChange} since the month before">▼ ${-r.rankChange}</span>`;
  return '<span class="rk-same" title="same rank as the month before">=</span>';
}

export class Rankings {
  /** @param {HTMLElement} el the slot; @param {import('./compliance.js').Compliance} view */
  constructor(el, view) {
    this.el = el;
    this.view = view;
    this.built = false;
    this.seq = 0;
    this.chart = null;
    this.state = { by: 'region', month: '', minTests: 100, minNetworks: 30, includeSynthetic: false };
  }

  init() {
    if (!this.el) return;
    if (!this.built) this._build();
    this.load();
  }

  _build() {
    this.built = true;
    this.el.innerHTML = `
      <div class="panel rk-panel">
        <div class="panel-head rk-head">
          <h2>Rankings and trends</h2>
          <span class="badge badge-synthetic badge-xs" id="rk-syn" hidden title="SYNTHETIC tests are counted">synthetic</span>
          <span class="muted">exact monthly medians of valid tests · rank 1 = fastest median download</span>
        </div>
        <p class="rk-headline muted">Reference: Kazakhstan placed <b>80th (mobile)</b> and <b>65th (fixed)</b> in the Speedtest Global Index in 2021 (Ookla).</p>
        <form class="rk-controls" id="rk-form">
          <label>Rank <select id="rk-by">${UNITS.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select></label>
          <label>Month <select id="rk-month"><option value="">latest</option></select></label>
          <label title="A unit is ranked only with at least this many valid tests in the month">Min tests <input id="rk-min-tests" type="number" min="1" step="1" inputmode="numeric" value="100"></label>
          <label title="... from at least this many distinct client networks (/24, /48)">Min networks <input id="rk-min-networks" type="number" min="0" step="1" inputmode="numeric" value="30"></label>
          <label class="rk-check"><input id="rk-synthetic" type="checkbox"> Include synthetic</label>
        </form>
        <p class="rk-note" id="rk-note" hidden></p>
        <div class="table-wrap">
          <table id="rk-table" class="data-table rk-table">
            <thead><tr><th class="num">Rank</th><th>Change</th><th>Unit</th><th class="num">Down, Mbit/s</th><th class="num">Up, Mbit/s</th><th class="num">Latency, ms</th><th class="num">Tests</th><th class="num">Networks</th><th>Note</th></tr></thead>
            <tbody><tr><td colspan="9" class="muted">Loading…</td></tr></tbody>
          </table>
        </div>
        <h3 class="rk-sub">Monthly median download</h3>
        <div class="chart-box rk-chart"><canvas id="rk-trend" aria-label="Monthly median download: the country and the top units"></canvas></div>
        <div id="rk-tiles"></div>
        <div class="rk-downloads">
          <span class="muted">Open data:</span>
          <a id="rk-csv" class="button button-small" download="dala-rankings.csv">Rankings CSV</a>
          <a id="rk-geojson" class="button button-small" download="dala-opendata-tiles.geojson">Tiles GeoJSON</a>
          <a id="rk-tiles-csv" class="button button-small" download="dala-opendata-tiles.csv">Tiles CSV</a>
          <span class="muted">zoom-16 tiles with at least 3 tests</span>
        </div>
      </div>`;
    const $ = id => this.el.querySelector('#' + id);
    const onChange = () => {
      this.state.by = $('rk-by').value;
      this.state.month = $('rk-month').value;
      const t = parseInt($('rk-min-tests').value, 10);
      const n = parseInt($('rk-min-networks').value, 10);
      this.state.minTests = Number.isFinite(t) && t >= 1 ? t : 100;
      this.state.minNetworks = Number.isFinite(n) && n >= 0 ? n : 30;
      this.state.includeSynthetic = $('rk-synthetic').checked;
      this.load();
    };
    for (const id of ['rk-by', 'rk-month', 'rk-min-tests', 'rk-min-networks', 'rk-synthetic']) $(id).addEventListener('change', onChange);
    $('rk-form').addEventListener('submit', e => e.preventDefault());
  }

  _params() {
    const s = this.state;
    return { by: s.by, minTests: s.minTests, minNetworks: s.minNetworks, includeSynthetic: s.includeSynthetic ? 'true' : null };
  }

  async load() {
    const seq = ++this.seq;
    hooks.rankings = 'loading';
    const p = this._params();
    try {
      const [ranking, trend] = await Promise.all([
        getJson('/api/quality/rankings', { ...p, month: this.state.month || null }),
        getJson('/api/quality/trend', p),
      ]);
      if (seq !== this.seq) return;
      this._render(ranking, trend);
      hooks.rankings = 'ready';
    } catch (e) {
      if (seq !== this.seq) return;
      hooks.rankings = 'error';
      const body = this.el.querySelector('#rk-table tbody');
      if (body) body.innerHTML = `<tr><td colspan="9" class="error">${esc(e.message || String(e))}</td></tr>`;
    }
  }

  _render(ranking, trend) {
    const $ = id => this.el.querySelector('#' + id);
    const syn = !!ranking.synthetic;
    hooks.rankingsSynthetic = String(syn);
    $('rk-syn').hidden = !syn;
    // Months for the picker (newest first), keeping the choice.
    const monthSel = $('rk-month');
    const months = [...(trend.months || [])].reverse();
    monthSel.innerHTML = `<option value="">latest</option>${months.map(m => `<option value="${esc(m)}">${esc(m)}</option>`).join('')}`;
    monthSel.value = months.includes(this.state.month) ? this.state.month : '';

    const month = (ranking.months || [])[0];
    const rows = month ? month.rows : [];
    const notes = [];
    if (syn) notes.push(ranking.note || 'SYNTHETIC tests are counted.');
    if (!month) notes.push(this.state.includeSynthetic ? 'No valid tests to rank.' : 'No valid observed tests to rank (SYNTHETIC tests are left out: tick “Include synthetic” to count them).');
    else notes.push(`${month.month}: ${month.ranked} of ${rows.length} units ranked (at least ${ranking.minTests} tests from ${ranking.minNetworks} networks).`);
    const note = $('rk-note');
    note.hidden = false;
    note.textContent = notes.join(' ');
    note.classList.toggle('rk-note-syn', syn);

    const unit = r => esc([r.regionName || r.region, r.operator].filter(Boolean).join(' · ') || 'Kazakhstan');
    $('rk-table').querySelector('tbody').innerHTML = rows.length
      ? rows.map(r => `<tr class="${r.rank == null ? 'rk-few' : ''}" data-unit="${esc([r.region, r.operator].filter(Boolean).join('|'))}">
          <td class="num">${r.rank ?? '—'}</td><td>${change(r)}</td><td>${unit(r)}</td>
          <td class="num">${num(r.downMedianMbps)}</td><td class="num">${num(r.upMedianMbps)}</td><td class="num">${num(r.latencyMedianMs)}</td>
          <td class="num">${fmtInt(r.tests)}</td><td class="num">${fmtInt(r.networks)}</td><td class="rk-why">${esc(r.note || '')}</td></tr>`).join('')
      : '<tr><td colspan="9" class="muted">No units this month.</td></tr>';
    hooks.rankingsRows = String(rows.length);
    hooks.rankingsRanked = String(rows.filter(r => r.rank != null).length);

    // Trend: the country line and the best-ranked units of the table (those with tests in the range).
    const top = rows.filter(r => r.rank != null).slice(0, TREND_UNITS).map(r => `${r.region ?? ''}|${r.operator ?? ''}`);
    const series = [trend.country, ...top.map(k => (trend.series || []).find(s => s.key === k)).filter(Boolean)];
    this._chart(trend.months || [], series);

    this._tiles(ranking.tiles);
    const dl = { ...this._params() };
    $('rk-csv').href = buildUrl('/api/quality/rankings', { ...dl, month: this.state.month || null, format: 'csv' });
    $('rk-geojson').href = buildUrl('/api/quality/opendata/tiles', { includeSynthetic: dl.includeSynthetic });
    $('rk-tiles-csv').href = buildUrl('/api/quality/opendata/tiles', { includeSynthetic: dl.includeSynthetic, format: 'csv' });
  }

  _chart(months, series) {
    const canvas = this.el.querySelector('#rk-trend');
    if (!window.Chart || !canvas) return;
    const datasets = series.filter(s => s && s.points.some(p => p.downMedianMbps != null)).map((s, i) => ({
      label: s.label,
      data: s.points.map(p => p.downMedianMbps),
      borderColor: COLORS[i % COLORS.length],
      backgroundColor: COLORS[i % COLORS.length],
      borderWidth: i === 0 ? 3 : 2,
      pointRadius: s.points.map(p => (p.meetsRule ? 3 : 2)),
      pointStyle: s.points.map(p => (p.meetsRule ? 'circle' : 'crossRot')),
      spanGaps: false,
      tension: 0.15,
    }));
    const data = { labels: months, datasets };
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
        tooltip: { callbacks: { label: item => `${item.dataset.label}: ${num(item.parsed.y)} Mbit/s` } },
      },
      scales: {
        x: { ticks: { font: { size: 10 }, maxRotation: 50 }, grid: { display: false } },
        y: { beginAtZero: true, title: { display: true, text: 'Median download, Mbit/s', font: { size: 11 } }, grid: { color: '#eef1f4' } },
      },
    };
    if (this.chart) {
      this.chart.data = data;
      this.chart.options = options;
      this.chart.update('none');
    } else {
      this.chart = new window.Chart(canvas, { type: 'line', data, options });
    }
    canvas.dataset.series = datasets.map(d => d.label).join('|');
    hooks.rankingsDatasets = String(datasets.length);
    hooks.rankingsChart = datasets.length ? 'drawn' : 'empty';
  }

  _tiles(tiles) {
    const box = this.el.querySelector('#rk-tiles');
    const rows = tiles?.rows || [];
    if (!rows.length) { box.innerHTML = ''; return; }
    box.innerHTML = `<h3 class="rk-sub">Ookla open-data tiles <span class="muted">${esc(tiles.method)} — not medians, not ranked with the tests</span></h3>
      <div class="table-wrap"><table class="data-table rk-tile-table"><thead><tr><th>Quarter</th><th>Unit</th><th class="num">Tiles</th><th class="num">Tests</th>
      <th class="num">Down mean</th><th class="num">Up mean</th><th class="num">Latency mean</th><th></th></tr></thead><tbody>
      ${rows.map(f => `<tr><td>${esc(f.period)}</td><td>${esc(f.regionName || f.region || 'Kazakhstan')}</td><td class="num">${fmtInt(f.tiles)}</td><td class="num">${fmtInt(f.tests)}</td>
        <td class="num">${num(f.downMeanMbps)}</td><td class="num">${num(f.upMeanMbps)}</td><td class="num">${num(f.latencyMeanMs)}</td>
        <td>${f.synthetic ? '<span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</td></tr>`).join('')}</tbody></table></div>`;
  }
}

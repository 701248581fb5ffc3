// The Indicators view: one chart per programme indicator — reported values (solid), the values Dala derives itself
// (dashed green), the target as a dashed red line up to its date — with each value's source. Data: /api/indicators.
import { getJson } from './api.js';
import { showError } from './notify.js';
import { esc } from './format.js';
import { locale } from './i18n.js';

const REPORTED = '#4a2bd1';
const DERIVED = '#1e8449';
const TARGET = '#c0392b';

/** Decimal year of an ISO date, the x of every chart. */
const yearOf = iso => { const d = new Date(iso + 'T00:00:00Z'); const y = d.getUTCFullYear(); return y + (d - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)); };
const num = v => (v == null ? '' : Number(v).toLocaleString(locale(), { maximumFractionDigits: 2 }));

export class Indicators {
  constructor(el) {
    this.el = el;
    this.charts = new Map();
    this.region = 'KZ';
    this.hooks = { charts: 0, targets: 0, loaded: false };
  }

  /** Called each time the view is shown; loads once (and again when the region changes). */
  init() {
    if (this._inited) return;
    this._inited = true;
    const select = this.el.querySelector('#ind-region');
    select?.addEventListener('change', e => { this.region = e.target.value; this.load(); });
    getJson('/api/regions').then(regions => {
      for (const r of regions) select?.insertAdjacentHTML('beforeend', `<option value="${esc(r.code)}">${esc(r.name)}</option>`);
    }).catch(showError);
    this.load();
  }

  async load() {
    try {
      const list = await getJson('/api/indicators', { region: this.region });
      const series = await Promise.all(list.map(i => getJson(`/api/indicators/${encodeURIComponent(i.id)}`, { region: this.region })));
      this.render(list, series);
    } catch (e) {
      showError(e);
    }
  }

  render(list, series) {
    for (const c of this.charts.values()) c.destroy();
    this.charts.clear();
    const grid = this.el.querySelector('#ind-grid');
    const ookla = i => i.id.startsWith('ookla-');
    const card = (i, k) => `<figure class="ind-card" data-indicator="${esc(i.id)}" data-target="${i.target == null ? '' : esc(String(i.target))}">
        <figcaption><b>${esc(i.name)}</b> <span class="muted">${esc(i.unit)}</span>
          ${i.synthetic ? '<span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</figcaption>
        <div class="ind-chart"><canvas id="ind-canvas-${k}"></canvas></div>
        <div class="ind-meta">${meta(i)}</div></figure>`;
    const main = list.map((i, k) => [i, k]).filter(([i]) => !ookla(i));
    const rest = list.map((i, k) => [i, k]).filter(([i]) => ookla(i));
    grid.innerHTML = main.map(([i, k]) => card(i, k)).join('') +
      (rest.length ? `<h2 class="ind-sub">Ookla country quarterly aggregates</h2>${rest.map(([i, k]) => card(i, k)).join('')}` : '');
    let targets = 0;
    list.forEach((ind, k) => {
      const canvas = this.el.querySelector(`#ind-canvas-${k}`);
      if (!canvas || !window.Chart) return;
      const { datasets, hasTarget } = datasetsOf(ind, series[k].values);
      const xs = datasets.flatMap(d => d.data.map(p => p.x));
      const ys = datasets.flatMap(d => d.data.map(p => p.y));
      const xMin = xs.length ? Math.floor(Math.min(...xs)) - 1 : undefined;
      const xMax = xs.length ? Math.ceil(Math.max(...xs)) + 1 : undefined;
      const yMax = ys.length ? Math.max(...ys) * 1.1 : undefined;
      if (hasTarget) targets++;
      canvas.dataset.series = datasets.map(d => d.label).join('|');
      this.charts.set(ind.id, new window.Chart(canvas, {
        type: 'line',
        data: { datasets },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 10 } } },
            tooltip: { callbacks: { label: it => `${it.dataset.label}: ${num(it.parsed.y)} ${ind.unit}` } } },
          scales: {
            x: { type: 'linear', min: xMin, max: xMax, ticks: { stepSize: 1, callback: v => (Number.isInteger(v) ? String(v) : ''), font: { size: 10 } }, grid: { display: false } },
            y: { beginAtZero: true, suggestedMax: yMax, ticks: { font: { size: 10 } }, grid: { color: '#eef1f4' } },
          },
        },
      }));
    });
    this.hooks = { charts: this.charts.size, targets, loaded: true };
    this.el.dataset.charts = String(this.charts.size);
    this.el.dataset.targets = String(targets);
  }
}

/** The chart's lines: reported, derived, and the target (a flat line to the target date, and its point). */
function datasetsOf(ind, values) {
  const line = (label, pts, color, dashed) => ({
    label, data: pts.map(v => ({ x: yearOf(v.date), y: v.value })), borderColor: color, backgroundColor: color,
    borderDash: dashed ? [5, 4] : [], pointRadius: 3, borderWidth: 2, tension: 0,
  });
  const datasets = [];
  const reported = values.filter(v => !v.derived);
  const derived = values.filter(v => v.derived);
  if (reported.length) datasets.push(line('reported', reported, REPORTED, false));
  if (derived.length) datasets.push(line('derived by Dala', derived, DERIVED, true));
  const hasTarget = ind.target != null;
  if (hasTarget) {
    const xs = values.map(v => yearOf(v.date));
    const end = ind.targetDate ? yearOf(ind.targetDate) : Math.max(...xs, new Date().getUTCFullYear());
    const start = xs.length ? Math.min(...xs, end) : end - 3;
    datasets.push({
      label: `target ${num(ind.target)} ${ind.unit}${ind.targetDate ? ' by ' + ind.targetDate : ''}`,
      data: [{ x: start, y: ind.target }, { x: end, y: ind.target }], borderColor: TARGET, backgroundColor: TARGET,
      borderDash: [3, 3], borderWidth: 1.5, pointRadius: [0, 4], tension: 0,
    });
  }
  return { datasets, hasTarget };
}

/** Latest values, the target and the sources under a chart. */
function meta(i) {
  const value = (v, kind) => v ? `<div>${kind}: <b>${num(v.value)}</b> ${esc(i.unit)} on ${esc(v.date)}${v.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}
      <div class="ind-source">${v.sourceUrl ? `<a href="${esc(v.sourceUrl)}" rel="noopener noreferrer">${esc(v.source)}</a>` : esc(v.source)}${v.note ? ` — <i>${esc(v.note)}</i>` : ''}</div></div>` : '';
  const target = i.target != null
    ? `<div class="ind-target">Target: <b>${num(i.target)}</b> ${esc(i.unit)}${i.targetDate ? ` by ${esc(i.targetDate)}` : ''}${i.targetSource ? `<div class="ind-source">${esc(i.targetSource)}</div>` : ''}</div>` : '';
  return value(i.latestReported, 'Reported') + value(i.latestDerived, 'Derived by Dala') + target;
}

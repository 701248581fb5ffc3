// The charts of an open rollout plan (Chart.js): the timeline of shares reaching broadband and >= 100 Mbps with the
// dated targets, the capex per year stacked by technology or by region with the budget line, and the tornado of the
// NPV with each input 20% lower and higher.
// Hooks: document.body.dataset.planTimeline = drawn, planCosts = drawn, planTornado = drawn | empty; the canvases carry
// data-points / data-bars with what they hold.
import { esc, fmtPct, METRICS } from './format.js';
import { techInfo, techClass, PLAN_CLASSES, fmtTenge } from './plan-format.js';
import { coincidences } from './progress-figures.js';

const hooks = document.body.dataset;
const $ = id => document.getElementById(id);
const yearOf = by => Number(String(by || '').slice(0, 4)) || null;
const REGION_COLORS = ['#4a2bd1', '#1f8fd1', '#21a39a', '#7cb342', '#e0b000', '#f08a24', '#d7263d', '#8e44ad', '#64748b'];
const TECH_ORDER = new Map(PLAN_CLASSES.map((c, i) => [c.id, i]));

/** Money axis unit for a maximum: bn ₸ from 2 bn up, else mn ₸. */
function moneyUnit(max) {
  return max >= 2e9 ? { div: 1e9, label: 'bn ₸' } : { div: 1e6, label: 'mn ₸' };
}

const axisFont = { size: 11 };
const grid = { color: '#eef1f4' };

export class PlanCharts {
  constructor() {
    this.timeline = null;
    this.costs = null;
    this.tornado = null;
    this.costMode = 'technology';
    this.plan = null;
    this.regionName = c => c;
  }

  destroy() {
    for (const k of ['timeline', 'costs', 'tornado']) {
      if (this[k]) { this[k].destroy(); this[k] = null; }
    }
    delete hooks.planTimeline;
    delete hooks.planCosts;
    delete hooks.planTornado;
  }

  /**
   * @param {object} plan GET /api/plans/{id}
   * @param {(code: string) => string} regionName
   */
  render(plan, regionName) {
    this.plan = plan;
    if (regionName) this.regionName = regionName;
    this.renderTimeline();
    this.renderCosts();
    this.renderTornado();
  }

  // ------------------------------------------------------------------ timeline
  renderTimeline() {
    const canvas = $('plan-timeline-chart');
    if (!canvas || !window.Chart) return;
    const s = this.plan.summary || {};
    const years = (s.years || []).slice().sort((a, b) => a.year - b.year);
    // People shares: the years and summary.population count the same people (estimates included for settlements
    // without a registry population).
    const pop = Number(s.population) || 0;
    const popShare = v => (pop > 0 && v != null ? Math.min(1, Number(v) / pop) : null);
    // Lines that coincide stay visible (as on the Progress tab): >= 100 Mbps is drawn wide and translucent underneath,
    // broadband thin on top, and the legend says since when one lies on the other.
    const line = (label, metric, get, dashed, note) => ({
      label: note ? `${label} (${note})` : label,
      data: years.map(y => ({ x: y.year, y: get(y) == null ? null : +(get(y) * 100).toFixed(2) })),
      borderColor: metric === 'mbps100' ? 'rgba(228, 87, 46, 0.5)' : METRICS[metric].color,
      backgroundColor: METRICS[metric].color,
      borderWidth: metric === 'mbps100' ? (dashed ? 4 : 6) : (dashed ? 1.8 : 2.2),
      borderDash: dashed ? [5, 4] : [],
      pointRadius: years.length > 12 ? 0 : 3,
      pointStyle: metric === 'mbps100' ? (dashed ? 'rect' : 'rectRounded') : (dashed ? 'triangle' : 'circle'),
      tension: 0,
      order: metric === 'mbps100' ? 3 : 1,
      metric,
    });
    const byYear = (b, m) => years.map(y => ({ year: y.year, broadband: b(y), mbps100: m(y) }));
    const sameAs = rows => coincidences(rows, { pairs: [['mbps100', 'broadband']], when: p => String(p.year) }).mbps100;
    const settlementsSame = sameAs(byYear(y => y.broadbandShare, y => y.mbps100Share));
    const datasets = [
      line('Settlements on broadband', 'broadband', y => y.broadbandShare, false),
      line('Settlements at ≥ 100 Mbps', 'mbps100', y => y.mbps100Share, false, settlementsSame),
    ];
    if (pop > 0) {
      const peopleSame = sameAs(byYear(y => popShare(y.broadbandPopulation), y => popShare(y.mbps100Population)));
      datasets.push(
        line('People on broadband', 'broadband', y => popShare(y.broadbandPopulation), true),
        line('People at ≥ 100 Mbps', 'mbps100', y => popShare(y.mbps100Population), true, peopleSame));
    }
    canvas.dataset.coincide = [settlementsSame && `settlements: ${settlementsSame}`].filter(Boolean).join('; ');
    const first = years.length ? years[0].year : s.firstYear;
    for (const t of s.targets || []) {
      const ty = yearOf(t.by);
      if (ty == null) continue;
      const color = METRICS[t.metric]?.color || '#555';
      datasets.push({
        label: `Target: ${t.label}`,
        data: [{ x: Math.min(first ?? ty, ty), y: t.share * 100 }, { x: ty, y: t.share * 100, target: t }],
        borderColor: color,
        borderWidth: 1.2,
        borderDash: [2, 4],
        backgroundColor: t.met ? color : '#ffffff',
        pointStyle: 'rectRot',
        pointRadius: ctx => (ctx.raw?.target ? 8 : 0),
        pointHoverRadius: ctx => (ctx.raw?.target ? 9 : 0),
        pointBorderWidth: 2.2,
        pointBorderColor: t.met ? color : '#c62828',
        clip: 14,
        order: -1,
        isTarget: true,
      });
    }
    const xs = datasets.flatMap(d => d.data.map(p => p.x)).filter(Number.isFinite);
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      layout: { padding: { top: 12, right: 10 } },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2, font: axisFont, filter: item => !datasets[item.datasetIndex]?.isTarget } },
        tooltip: {
          callbacks: {
            title: items => (items.length ? `End of ${items[0].parsed.x}` : ''),
            label: item => {
              const t = item.raw?.target;
              if (t) return `${t.label}: reached ${fmtPct(t.reached)} of ${fmtPct(t.share)} — ${t.met ? 'met' : 'NOT met'}${!t.met && t.binding ? ` (${t.binding})` : ''}`;
              if (item.dataset.isTarget) return null;
              return `${item.dataset.label}: ${fmtPct(item.parsed.y / 100)}`;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: xs.length ? Math.min(...xs) - 0.4 : undefined,
          max: xs.length ? Math.max(...xs) + 0.4 : undefined,
          ticks: { autoSkip: false, callback: v => String(v), font: axisFont },
          // One tick per year (the axis is padded by fractions of a year on both sides).
          afterBuildTicks: axis => {
            const ticks = [];
            for (let y = Math.ceil(axis.min); y <= Math.floor(axis.max); y++) ticks.push({ value: y });
            axis.ticks = ticks;
          },
          grid,
        },
        y: { min: 0, max: 100, ticks: { callback: v => `${v}%`, stepSize: 20, font: axisFont }, grid },
      },
    };
    if (this.timeline) this.timeline.destroy();
    this.timeline = new window.Chart(canvas, { type: 'line', data: { datasets }, options });
    canvas.dataset.points = String(datasets.reduce((a, d) => a + d.data.filter(p => p.y != null).length, 0));
    hooks.planTimeline = 'drawn';
  }

  // ------------------------------------------------------------------ cost by year
  setCostMode(mode) {
    this.costMode = mode === 'region' ? 'region' : 'technology';
    if (this.plan) this.renderCosts();
  }

  renderCosts() {
    const canvas = $('plan-costs-chart');
    if (!canvas || !window.Chart) return;
    const s = this.plan.summary || {};
    const ry = Array.isArray(s.regionYears) ? s.regionYears : [];
    const yearList = [...new Set([...(s.years || []).map(y => y.year), ...ry.map(r => r.year)])].filter(Number.isFinite).sort((a, b) => a - b);
    // Stack keys: technologies (map colours) or the regions with most capex (the rest together).
    let keys, keyOf, colorOf, labelOf;
    if (this.costMode === 'region') {
      const byRegion = new Map();
      for (const r of ry) byRegion.set(r.region, (byRegion.get(r.region) || 0) + (r.capexTenge || 0));
      const top = [...byRegion].sort((a, b) => b[1] - a[1]).map(([k]) => k);
      const shown = top.length > 9 ? top.slice(0, 8) : top;
      keys = top.length > 9 ? [...shown, '__other'] : shown;
      keyOf = r => (shown.includes(r.region) ? r.region : '__other');
      colorOf = (k, i) => REGION_COLORS[i % REGION_COLORS.length];
      labelOf = k => (k === '__other' ? `${top.length - 8} other regions` : this.regionName(k));
    } else {
      keys = [...new Set(ry.map(r => techClass(r.technology)))].sort((a, b) => (TECH_ORDER.get(a) ?? 99) - (TECH_ORDER.get(b) ?? 99));
      keyOf = r => techClass(r.technology);
      colorOf = k => techInfo(k).color;
      labelOf = k => techInfo(k).label;
    }
    const sums = new Map(keys.map(k => [k, new Map()]));
    for (const r of ry) {
      const m = sums.get(keyOf(r));
      if (m) m.set(r.year, (m.get(r.year) || 0) + (r.capexTenge || 0));
    }
    const totals = yearList.map(y => keys.reduce((a, k) => a + (sums.get(k).get(y) || 0), 0));
    const budgets = yearList.map(y => (s.years || []).find(v => v.year === y)?.budgetTenge || 0);
    // The budget line is drawn when it is in the bars' range; far above them it would flatten the bars (said in words).
    const maxCapex = Math.max(1, ...totals);
    const drawBudget = budgets.some(b => b > 0) && Math.max(...budgets) <= maxCapex * 2.5;
    const unit = moneyUnit(drawBudget ? Math.max(maxCapex, ...budgets) : maxCapex);
    const note = $('plan-costs-note');
    if (note) {
      const b = budgets.filter(x => x > 0);
      note.textContent = !b.length ? 'No budget limit per year.'
        : drawBudget ? 'Dashed: the capex budget of each year (the first year pro rata).'
          : `Budget per year ${fmtTenge(Math.max(...b))} (the first year pro rata ${fmtTenge(b[0])}): far above the capex, not drawn.`;
    }
    const datasets = keys.map((k, i) => ({
      type: 'bar',
      label: labelOf(k),
      data: yearList.map(y => +((sums.get(k).get(y) || 0) / unit.div).toFixed(3)),
      backgroundColor: colorOf(k, i),
      borderColor: '#ffffff',
      borderWidth: 0.5,
      stack: 'capex',
      order: 2,
    }));
    if (drawBudget) {
      datasets.push({
        type: 'line',
        label: 'Budget per year',
        data: budgets.map(b => (b > 0 ? +(b / unit.div).toFixed(3) : null)),
        borderColor: '#1f2933',
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        stepped: 'middle',
        spanGaps: false,
        order: 1,
        isBudget: true,
      });
    }
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, font: axisFont } },
        tooltip: {
          callbacks: {
            title: items => (items.length ? `${items[0].label}` : ''),
            label: item => (item.raw == null || (item.raw === 0 && !item.dataset.isBudget) ? null : `${item.dataset.label}: ${fmtTenge(item.raw * unit.div)}`),
            footer: items => (items.length ? `Capex: ${fmtTenge(totals[items[0].dataIndex])}` : ''),
          },
        },
      },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font: axisFont } },
        y: { stacked: true, beginAtZero: true, grid, ticks: { font: axisFont }, title: { display: true, text: `Capex, ${unit.label}`, font: axisFont } },
      },
    };
    if (this.costs) this.costs.destroy();
    this.costs = new window.Chart(canvas, { data: { labels: yearList.map(String), datasets }, options });
    canvas.dataset.bars = String(datasets.filter(d => d.type === 'bar').reduce((a, d) => a + d.data.filter(v => v > 0).length, 0));
    canvas.dataset.total = String(Math.round(totals.reduce((a, v) => a + v, 0)));
    hooks.planCosts = 'drawn';
  }

  // ------------------------------------------------------------------ tornado
  renderTornado() {
    const canvas = $('plan-tornado-chart');
    const empty = $('plan-tornado-empty');
    const bars = (Array.isArray(this.plan.sensitivity) ? this.plan.sensitivity : [])
      .filter(b => Number.isFinite(b.npvLowTenge) && Number.isFinite(b.npvHighTenge));
    if (this.tornado) { this.tornado.destroy(); this.tornado = null; }
    if (!bars.length) {
      empty.hidden = false;
      canvas.parentElement.hidden = true;
      canvas.dataset.bars = '0';
      hooks.planTornado = 'empty';
      return;
    }
    empty.hidden = true;
    canvas.parentElement.hidden = false;
    if (!window.Chart) return;
    const base = bars[0].npvBaseTenge ?? this.plan.summary?.totalNpvTenge ?? 0;
    const sorted = bars.slice().sort((a, b) => Math.abs(b.npvHighTenge - b.npvLowTenge) - Math.abs(a.npvHighTenge - a.npvLowTenge));
    const unit = moneyUnit(Math.max(...sorted.flatMap(b => [b.npvLowTenge, b.npvHighTenge, base])));
    const v = x => +(x / unit.div).toFixed(3);
    const pct = f => `${f < 1 ? '−' : '+'}${Math.round(Math.abs(f - 1) * 100)}%`;
    const lowPct = pct(sorted[0].low ?? 0.8), highPct = pct(sorted[0].high ?? 1.2);
    const datasets = [
      { label: `Input ${lowPct}`, data: sorted.map(b => [v(base), v(b.npvLowTenge)]), backgroundColor: '#1f8fd1', side: 'low', borderSkipped: false, barPercentage: 0.9, categoryPercentage: 0.7, grouped: false },
      { label: `Input ${highPct}`, data: sorted.map(b => [v(base), v(b.npvHighTenge)]), backgroundColor: '#e4572e', side: 'high', borderSkipped: false, barPercentage: 0.9, categoryPercentage: 0.7, grouped: false },
    ];
    const lo = Math.min(...sorted.flatMap(b => [b.npvLowTenge, b.npvHighTenge]), base);
    const hi = Math.max(...sorted.flatMap(b => [b.npvLowTenge, b.npvHighTenge]), base);
    const padding = Math.max((hi - lo) * 0.12, Math.abs(base) * 0.01);
    const baseLine = {
      id: 'planBaseLine',
      afterDatasetsDraw: chart => {
        const x = chart.scales.x.getPixelForValue(v(base));
        const { top, bottom } = chart.chartArea;
        const ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = '#1f2933';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(x, top - 4);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        ctx.fillStyle = '#1f2933';
        ctx.font = '600 11px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText(`base ${fmtTenge(base)}`, x, top - 7);
        ctx.restore();
      },
    };
    this.tornado = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: sorted.map(b => b.label || b.input), datasets },
      plugins: [baseLine],
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: 18, right: 12 } },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, font: axisFont } },
          tooltip: {
            callbacks: {
              label: item => {
                const b = sorted[item.dataIndex];
                const npv = item.dataset.side === 'low' ? b.npvLowTenge : b.npvHighTenge;
                const d = npv - base;
                return `${item.dataset.label}: NPV ${fmtTenge(npv)} (${d >= 0 ? '+' : '−'}${fmtTenge(Math.abs(d))})`;
              },
            },
          },
        },
        scales: {
          x: {
            min: v(lo - padding), max: v(hi + padding), grid,
            ticks: { font: axisFont }, title: { display: true, text: `Plan NPV, ${unit.label}`, font: axisFont },
          },
          y: { grid: { display: false }, ticks: { font: axisFont } },
        },
      },
    });
    canvas.dataset.bars = String(sorted.length);
    canvas.setAttribute('aria-label', `Tornado: plan NPV with each input 20% lower and higher. ${sorted.map(b => `${b.label}: ${fmtTenge(b.npvLowTenge)} to ${fmtTenge(b.npvHighTenge)}`).join('; ')}`);
    hooks.planTornado = 'drawn';
  }
}

/** Plain-words list of the tornado's inputs for screen readers and the page (esc'd HTML). */
export function tornadoNote(bars) {
  if (!Array.isArray(bars) || !bars.length) return '';
  const widest = bars.slice().sort((a, b) => Math.abs(b.npvHighTenge - b.npvLowTenge) - Math.abs(a.npvHighTenge - a.npvLowTenge))[0];
  return `The NPV moves most with <b>${esc(String(widest.label || widest.input).toLowerCase())}</b>: from ${esc(fmtTenge(Math.min(widest.npvLowTenge, widest.npvHighTenge)))} to ${esc(fmtTenge(Math.max(widest.npvLowTenge, widest.npvHighTenge)))}.`;
}

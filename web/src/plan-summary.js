// The words and tables of an open rollout plan: the headline figures (NPV, lower bound and gap, capex), the verdict on
// the dated targets with the binding constraint and the shortfalls in plain words, totals by technology, capex by region
// and year, and the assumptions. Pure HTML builders; the Rollout view places them.
import { esc, fmtInt, fmtPct, fmtDate, fmtDateTime } from './format.js';
import { techChip, techInfo, techClass, PLAN_CLASSES, fmtTenge, fmtAmount, fmtGapShare, modeLabel } from './plan-format.js';
import { locale } from './i18n.js';

const TECH_ORDER = new Map(PLAN_CLASSES.map((c, i) => [c.id, i]));
const secs = v => `${Number(v || 0).toLocaleString(locale(), { maximumFractionDigits: 1 })} s`;

/** The region a plan was asked for (from its inputs), or null for the whole country. */
export function planRegion(plan) {
  let inputs = plan?.inputs;
  if (typeof inputs === 'string') {
    try { inputs = JSON.parse(inputs); } catch { inputs = null; }
  }
  return inputs?.region || null;
}

function inputsOf(plan) {
  let inputs = plan?.inputs;
  if (typeof inputs === 'string') {
    try { inputs = JSON.parse(inputs); } catch { inputs = null; }
  }
  return inputs && typeof inputs === 'object' ? inputs : {};
}

/** Headline: name, area, mode, years, and the KPI tiles. */
export function headHtml(plan, regionName) {
  const s = plan.summary || {};
  const region = planRegion(plan);
  const gapPct = fmtGapShare(s.gap);
  return `
    <div class="plan-title-row">
      <h2 class="plan-title" id="plan-title">${esc(plan.name)}</h2>
      ${plan.synthetic ? '<span class="badge badge-synthetic" id="plan-open-synthetic" title="Computed from SYNTHETIC inputs (connectivity scenario, sites): not a plan for real networks">SYNTHETIC</span>' : ''}
      ${s.network === 'proxy' ? '<span class="badge fibre-badge-proxy" title="Fibre is routed on a proxy network (straight lines between settlements × a detour factor), not on roads">proxy network</span>' : ''}
    </div>
    <div class="plan-sub muted">${esc(region ? regionName(region) : 'Whole country')} · ${esc(modeLabel(s.mode))} · ${esc(s.firstYear)}–${esc(s.lastYear)} · as of ${esc(fmtDate(s.asOf))} · saved ${esc(fmtDateTime(plan.createdAt))} · computed in ${esc(secs(s.seconds))}</div>
    <div class="kpis plan-kpis">
      <div class="kpi kpi-plan"><div class="kpi-label">Net present cost</div><div class="kpi-value" id="plan-npv" data-value="${esc(s.totalNpvTenge)}">${esc(fmtTenge(s.totalNpvTenge))}</div>
        <div class="kpi-sub">capex and opex over the horizon, discounted</div></div>
      <div class="kpi"><div class="kpi-label">Proven lower bound</div><div class="kpi-value" id="plan-bound" data-value="${esc(s.lowerBoundTenge)}">${esc(fmtTenge(s.lowerBoundTenge))}</div>
        <div class="kpi-sub" id="plan-gap" data-value="${esc(s.gap)}">${Number(s.gap) > 0 ? `the plan is at most <b>${esc(gapPct)}</b> above optimal` : 'the plan is proven optimal'}</div></div>
      <div class="kpi"><div class="kpi-label">Capex</div><div class="kpi-value" id="plan-capex">${esc(fmtTenge(s.capexTenge))}</div>
        <div class="kpi-sub">opex ${esc(fmtTenge(s.opexTengePerYear))} a year when built</div></div>
      <div class="kpi"><div class="kpi-label">Settlements</div><div class="kpi-value" id="plan-settlements">${esc(fmtInt(s.settlements))}</div>
        <div class="kpi-sub">${esc(fmtInt(s.population))} people</div></div>
      <div class="kpi ${s.targetsMet ? 'kpi-ok' : 'kpi-bad'}"><div class="kpi-label">Dated targets</div><div class="kpi-value" id="plan-targets-met">${s.targetsMet ? 'Met' : 'Not met'}</div>
        <div class="kpi-sub">${esc(fmtInt((s.targets || []).filter(t => t.met).length))} of ${esc(fmtInt((s.targets || []).length))} targets</div></div>
    </div>`;
}

/** The verdict on the targets, the binding constraint and what would meet them. */
export function verdictHtml(plan, regionName) {
  const s = plan.summary || {};
  const targets = s.targets || [];
  const shortfalls = s.shortfalls || [];
  const items = targets.map(t => `
    <li class="plan-target ${t.met ? 'is-met' : 'is-open'}" data-target="${esc(t.id)}">
      <span class="badge ${t.met ? 'badge-ok' : 'badge-open'}">${t.met ? 'Met' : 'Not met'}</span>
      <span><b>${esc(t.label)}</b>: ${esc(fmtPct(t.reached))} reached by ${esc(fmtDate(t.by))} (goal ${esc(fmtPct(t.share))})${!t.met && t.binding ? `; held back by <b class="plan-binding">${esc(t.binding)}</b>` : ''}.</span>
    </li>`).join('');
  const where = sf => (sf.region ? ` in ${regionName(sf.region)}` : '');
  const more = sf => {
    const extra = Number(sf.needed) - Number(sf.available);
    return Number.isFinite(extra) && extra > 0 ? fmtAmount(extra, sf.unit) : null;
  };
  const sfItems = shortfalls.map(sf => {
    const m = more(sf);
    return `
    <li class="plan-shortfall" data-constraint="${esc(sf.constraint)}">
      <b>${esc(sf.year)}${esc(where(sf))}</b> — ${m ? `<b>${esc(m)} more</b> ${esc(constraintWords(sf.constraint))} (needs ${esc(fmtAmount(sf.needed, sf.unit))}, has ${esc(fmtAmount(sf.available, sf.unit))})` : esc(constraintWords(sf.constraint))}${sf.explanation ? `<div class="plan-shortfall-why">${esc(sf.explanation)}</div>` : ''}
    </li>`;
  }).join('');
  const head = s.targetsMet
    ? `<div class="plan-verdict-head"><span class="plan-verdict-mark" aria-hidden="true">✓</span><span>The plan meets every dated target.</span></div>`
    : `<div class="plan-verdict-head"><span class="plan-verdict-mark" aria-hidden="true">!</span><span>The plan does <b>not</b> meet ${targets.filter(t => !t.met).length === 1 ? 'one of the targets' : 'the targets'}.</span></div>`;
  return `
    <div class="plan-verdict ${s.targetsMet ? 'is-met' : 'is-open'}" id="plan-verdict" data-met="${s.targetsMet ? 'true' : 'false'}">
      ${head}
      ${items ? `<ul class="plan-targets">${items}</ul>` : '<div class="muted">The plan has no dated targets.</div>'}
      ${sfItems ? `<div class="plan-shortfalls-head">What would meet them</div><ul class="plan-shortfalls" id="plan-shortfalls">${sfItems}</ul>` : ''}
      ${!s.targetsMet && !sfItems ? '<div class="muted">No budget or capacity in reach would close the gap (see the binding constraint).</div>' : ''}
    </div>`;
}

function constraintWords(c) {
  const k = String(c || '').toLowerCase();
  if (k.includes('budget')) return 'capex budget';
  if (k.includes('fibre')) return 'fibre build capacity';
  if (k.includes('site')) return 'site build capacity';
  if (k.includes('permit')) return 'permit lead time: a mast cannot be ready by the date';
  return c || 'capacity';
}

/** Totals by technology: settlements, people, capex, NPV. */
export function techTableHtml(plan) {
  const s = plan.summary || {};
  const rows = (s.technologies || []).slice().sort((a, b) => (TECH_ORDER.get(techClass(a.technology)) ?? 99) - (TECH_ORDER.get(techClass(b.technology)) ?? 99));
  const sum = k => rows.reduce((a, r) => a + (Number(r[k]) || 0), 0);
  return `
    <table class="data-table plan-tech-table" id="plan-tech-table">
      <thead><tr><th>Technology</th><th class="num">Settlements</th><th class="num">People</th><th class="num">Capex</th><th class="num">NPV</th></tr></thead>
      <tbody>${rows.map(r => `
        <tr data-technology="${esc(r.technology)}"><td>${techChip(r.technology)}</td><td class="num">${esc(fmtInt(r.settlements))}</td><td class="num">${esc(fmtInt(r.population))}</td>
          <td class="num">${esc(fmtTenge(r.capexTenge))}</td><td class="num">${esc(fmtTenge(r.npvTenge))}</td></tr>`).join('') || '<tr><td colspan="5" class="muted">Nothing to build.</td></tr>'}</tbody>
      ${rows.length > 1 ? `<tfoot><tr><td>Total</td><td class="num">${esc(fmtInt(sum('settlements')))}</td><td class="num">${esc(fmtInt(sum('population')))}</td><td class="num">${esc(fmtTenge(sum('capexTenge')))}</td><td class="num">${esc(fmtTenge(sum('npvTenge')))}</td></tr></tfoot>` : ''}
    </table>`;
}

/** Capex by region (rows) and year (columns), largest first. */
export function regionTableHtml(plan, regionName) {
  const ry = plan.summary?.regionYears || [];
  const years = [...new Set(ry.map(r => r.year))].sort((a, b) => a - b);
  const byRegion = new Map();
  for (const r of ry) {
    if (!byRegion.has(r.region)) byRegion.set(r.region, { region: r.region, total: 0, settlements: 0, years: new Map() });
    const e = byRegion.get(r.region);
    e.total += r.capexTenge || 0;
    e.settlements += r.settlements || 0;
    e.years.set(r.year, (e.years.get(r.year) || 0) + (r.capexTenge || 0));
  }
  const rows = [...byRegion.values()].sort((a, b) => b.total - a.total);
  if (!rows.length) return '<div class="muted">No capex in this plan.</div>';
  const max = Math.max(...rows.flatMap(r => [...r.years.values()]), 1);
  const cell = v => (v ? `<td class="num plan-heat" style="--heat:${(0.08 + 0.5 * v / max).toFixed(3)}">${esc(fmtTenge(v))}</td>` : '<td class="num muted">—</td>');
  return `
    <table class="data-table plan-region-table" id="plan-region-table">
      <thead><tr><th>Region</th><th class="num">Settlements</th>${years.map(y => `<th class="num">${esc(y)}</th>`).join('')}<th class="num">Total capex</th></tr></thead>
      <tbody>${rows.map(r => `<tr data-region="${esc(r.region)}"><td>${esc(regionName(r.region))}</td><td class="num">${esc(fmtInt(r.settlements))}</td>${years.map(y => cell(r.years.get(y))).join('')}<td class="num"><b>${esc(fmtTenge(r.total))}</b></td></tr>`).join('')}</tbody>
    </table>`;
}

/** What the plan assumed: the inputs asked and the planner's assumptions. */
export function assumptionsHtml(plan) {
  const i = inputsOf(plan);
  const s = plan.summary || {};
  const asked = [];
  if ('budgetPerYearTenge' in i) asked.push(`budget ${i.budgetPerYearTenge == null ? 'no limit' : `${fmtTenge(i.budgetPerYearTenge)} a year`}`);
  if (i.fibreKmPerRegionYear != null) asked.push(`${fmtInt(i.fibreKmPerRegionYear)} km of fibre per region per year`);
  if (i.sitesPerRegionYear != null) asked.push(`${fmtInt(i.sitesPerRegionYear)} sites per region per year`);
  if (i.permitLeadMonths != null) asked.push(`${fmtInt(i.permitLeadMonths)} months' permit lead time`);
  if (i.sensitivity) asked.push('with sensitivity analysis');
  return `
    <details class="cov-assumptions plan-assumptions" id="plan-assumptions">
      <summary>Inputs and assumptions${s.network ? ` · fibre on the ${esc(s.network)} network` : ''}</summary>
      ${asked.length ? `<p><b>Asked:</b> ${esc(asked.join(' · '))}</p>` : ''}
      <ul>${(s.assumptions || []).map(a => `<li>${esc(a)}</li>`).join('')}</ul>
    </details>`;
}

export { techInfo };

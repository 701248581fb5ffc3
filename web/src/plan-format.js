// Rollout-plan vocabulary shared by the plan modules: what a settlement's line of a plan is drawn as (its class and
// colour), year colours of the new fibre, site kinds, and money/units in words.
import { esc, fmtInt, fmtPct } from './format.js';
import { fmtTenge, fmtKm } from './fibre-format.js';
import { locale } from './i18n.js';

export { fmtTenge, fmtKm };

/**
 * Classes of a settlement in a plan, in legend order. Technologies keep the map's colours (fibre purple, 5G blue, 4G
 * teal, fixed wireless green, satellite gold); "already served" is grey, so what the plan builds stands out.
 */
export const PLAN_CLASSES = [
  { id: 'fibre', label: 'Fibre', color: '#4a2bd1' },
  { id: '5G', label: '5G', color: '#1f8fd1' },
  { id: 'fixed-wireless', label: 'Fixed wireless', color: '#7cb342' },
  { id: 'leo', label: 'LEO satellite', color: '#e0b000' },
  { id: '4G', label: '4G', color: '#21a39a' },
  { id: 'served', label: 'Already served', color: '#9aa5b1', title: 'Meets the target today (registry or existing mobile coverage): nothing to build' },
  { id: 'unscheduled', label: 'Not scheduled', color: '#c4a484', title: 'A way to serve it exists, but the plan does not schedule it (not needed for the targets, or out of budget and capacity)' },
  { id: 'none', label: 'No option', color: '#d7263d', title: 'No fibre route and no radio or satellite option reaches the target' },
];
export const PLAN_CLASS_BY_ID = new Map(PLAN_CLASSES.map((c, i) => [c.id, { ...c, index: i }]));
const OTHER = { id: 'other', label: 'Other', color: '#64748b', index: PLAN_CLASSES.length };

/** The technology of a line as a class id (technology names as the planner writes them). */
export function techClass(technology) {
  const t = String(technology || '').toLowerCase();
  if (t === 'fibre') return 'fibre';
  if (t === '5g') return '5G';
  if (t === '4g') return '4G';
  if (t === 'fixed-wireless' || t === 'fwa') return 'fixed-wireless';
  if (t === 'leo' || t === 'satellite') return 'leo';
  if (t === 'none' || t === '') return 'none';
  return 'other';
}

/** The class of a settlement's plan line ({technology, option, year}). */
export function planClass(p) {
  if (!p) return 'none';
  if (p.option === 'served' || p.option === 'existing-mobile') return 'served';
  const c = techClass(p.technology);
  if (c === 'none') return 'none';
  if (p.year == null) return 'unscheduled';
  return c;
}

export function classInfo(id) {
  return PLAN_CLASS_BY_ID.get(id) || OTHER;
}

export function techInfo(technology) {
  const c = techClass(technology);
  if (c === 'none') return { id: 'none', label: 'None', color: '#d7263d' };
  return PLAN_CLASS_BY_ID.get(c) || { ...OTHER, label: technology || 'Other' };
}

export function techChip(technology) {
  const t = techInfo(technology);
  return `<span class="tech-chip"><span class="swatch" style="background:${t.color}"></span>${esc(t.label)}</span>`;
}

export function classChip(id) {
  const c = classInfo(id);
  return `<span class="tech-chip"><span class="swatch" style="background:${c.color}"></span>${esc(c.label)}</span>`;
}

/** Colours of the years in which fibre is laid (early dark, late light), cycling after eight years. */
const YEAR_COLORS = ['#3b1f9e', '#6a3fd6', '#a064e8', '#d77fd9', '#f19bb3', '#f7b98b', '#f5d77a', '#bfe08a'];
export function yearColor(year, firstYear) {
  const k = Math.max(0, (Number(year) || 0) - (Number(firstYear) || 0));
  return YEAR_COLORS[k % YEAR_COLORS.length];
}

export const SITE_KINDS = {
  'new-site': { label: 'New mast', color: '#1f2933' },
  'upgrade-5g': { label: '5G upgrade', color: '#1f8fd1' },
  'fixed-wireless': { label: 'Fixed-wireless radio', color: '#7cb342' },
};
export const siteKind = k => SITE_KINDS[k] || { label: k || 'Site', color: '#64748b' };

export const MODES = {
  'least-cost': { label: 'Least cost', title: 'Meet the dated targets at the lowest net present cost' },
  'most-people': { label: 'Most people', title: 'Serve as many people as the budget allows' },
};
export const modeLabel = m => MODES[m]?.label || m || '—';

/** The gap to the lower bound (a fraction) in words: "0.42%". */
export function fmtGapShare(gap) {
  if (gap == null || !Number.isFinite(Number(gap))) return '—';
  const pct = Number(gap) * 100;
  return `${pct < 0.01 && pct > 0 ? '< 0.01' : Number(pct.toFixed(pct < 1 ? 2 : 1))}%`;
}

/** Billions of tenge with one decimal, without the unit ("12.4"). */
export function bn(v) {
  return v == null || !Number.isFinite(Number(v)) ? '—' : (Number(v) / 1e9).toLocaleString(locale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** A quantity with its unit, as a shortfall or capacity speaks of it. */
export function fmtAmount(v, unit) {
  const u = String(unit || '').toLowerCase();
  if (u === 'tenge' || u === '₸' || u === 'kzt') return fmtTenge(v);
  if (u === 'km') return fmtKm(v);
  if (u === 'share' || u === '%') return fmtPct(v);
  if (u === 'sites' || u === 'site') return `${fmtInt(v)} site${Math.round(v) === 1 ? '' : 's'}`;
  if (u === 'months' || u === 'month') return `${fmtInt(v)} month${Math.round(v) === 1 ? '' : 's'}`;
  return `${fmtInt(v)}${u ? ' ' + unit : ''}`;
}

/** A settlement's year in a plan in words. */
export function yearWords(p) {
  if (!p) return '—';
  if (p.option === 'served') return 'Already served';
  if (p.option === 'existing-mobile') return 'Served by existing mobile coverage';
  if (techClass(p.technology) === 'none') return 'No option';
  if (p.year == null) return p.earliestYear != null ? `Not scheduled (earliest ${p.earliestYear})` : 'Not scheduled';
  return String(p.year);
}

// Fibre plan vocabulary shared by the fibre-*.js modules (and plan-format.js): how a route is built (cost classes and
// their line styles), the backbones, how a search finished, the form's defaults, and tenge, km and gap in words.
// Constants and pure functions only: no state lives here.
import { fmtInt } from './format.js';
import { locale } from './i18n.js';

/** How a route is built (the cost class of its edges), best first. The proxy network only has paved-road. */
export const COST_CLASSES = [
  { id: 'paved-road', label: 'Along a paved road', color: '#1b2a3a', dash: null },
  { id: 'minor-road', label: 'Along a minor road', color: '#3d5a80', dash: null },
  { id: 'track', label: 'Along a track', color: '#3d5a80', dash: '7 5' },
  { id: 'rail', label: 'Along a railway', color: '#6b4f2a', dash: '2 5' },
  { id: 'connector', label: 'Off-network connector', color: '#8a2c5e', dash: '1 4' },
];
const COST_BY_ID = new Map(COST_CLASSES.map(c => [c.id, c]));
export const OTHER_CLASS = { id: 'other', label: 'Other', color: '#52606d', dash: null };

/** The cost class of an id (OTHER_CLASS for one not listed). */
export const costClass = id => COST_BY_ID.get(id) || OTHER_CLASS;

/** The label of a listed cost class, else the id itself. */
export const costLabel = id => COST_BY_ID.get(id)?.label || id;

export const PATH_COLOR = '#e0168a';
export const BACKBONES = { towns: 'cities & towns', fibre: 'settlements on fibre now' };
export const FINISH = {
  optimal: { label: 'proven optimal', proven: true },
  exact: { label: 'solved exactly (proven optimal)', proven: true },
  reduced: { label: 'solved by reductions (proven optimal)', proven: true },
  trivial: { label: 'nothing to search', proven: true },
  time: { label: 'budget reached', proven: false, title: 'The search used its whole time budget; the gap says how far from optimal the plan can be at most' },
  stall: { label: 'no more improvement', proven: false, title: 'The search stopped after many restarts without improvement; the gap says how far from optimal the plan can be at most' },
  starts: { label: 'restart limit', proven: false, title: 'The search used its maximum number of restarts; the gap says how far from optimal the plan can be at most' },
};
/** The form's defaults: an empty field asks for these. */
export const DEFAULTS = { minPopulation: 200, seconds: 10, backbone: 'towns' };

/** Tenge with a unit: 22.6 bn ₸, 391 mn ₸, 13.3 mn ₸, 950,000 ₸. */
export function fmtTenge(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  const n = Number(v), a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)} bn ₸`;
  if (a >= 1e8) return `${Math.round(n / 1e6)} mn ₸`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)} mn ₸`;
  return `${fmtInt(n)} ₸`;
}

/** Kilometres with one decimal and thousands separators: "4,528.7 km". */
export function fmtKm(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  return `${Number(v).toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`;
}

/** The gap between the plan and its proven lower bound, in percent: "0%", "0.091%". */
export function fmtGap(pct) {
  if (pct == null || !Number.isFinite(Number(pct))) return '—';
  return `${Number(Number(pct).toFixed(3))}%`;
}

/** Seconds with at most two decimals: "4.37 s". */
export const fmtSeconds = v => `${Number(v).toLocaleString(locale(), { maximumFractionDigits: 2 })} s`;

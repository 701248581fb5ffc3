// Honest figures of the Progress tab: on what base a population share rests, unknown population shown as not known,
// and which timeline lines lie on top of each other (so the legend can say so).
import { esc, fmtInt, fmtDate, METRICS } from './format.js';

/** "of the 3,199 of 6,906 rural settlements with known population" (or "in all ..."), from the API's figures. */
export function populationBase(f, scopeWord) {
  if (!f || f.settlements == null) return '';
  if (!f.populationKnown) return `(population known for none of the ${fmtInt(f.settlements)} ${scopeWord}settlements)`;
  if (f.populationKnown < f.settlements) return `of the ${fmtInt(f.populationKnown)} ${scopeWord}settlements with known population (of ${fmtInt(f.settlements)})`;
  return `in all ${fmtInt(f.settlements)} ${scopeWord}settlements`;
}

/** A population cell: "–, not known" when no settlement's population is known, a * when only some are. */
export function popCell(f, scopeWord) {
  if (f.population == null || !f.populationKnown) {
    return `<td class="num pop-unknown muted" title="No ${esc(scopeWord)}settlement here has a known population">–, not known</td>`;
  }
  const partial = f.populationKnown < f.settlements;
  return `<td class="num"${partial ? ` title="${esc(`Known for ${fmtInt(f.populationKnown)} of ${fmtInt(f.settlements)} ${scopeWord}settlements`)}"` : ''}>${esc(fmtInt(f.population))}${partial ? '*' : ''}</td>`;
}

/** Close enough to be drawn on top of each other: within 0.05 percentage points. */
const SAME = 0.0005;

/**
 * Which timeline lines lie on another, in words for the legend: {mbps100: 'same as Fibre throughout'} or
 * {mbps100: 'same as Fibre since 2024-03-31'}; lines that never coincide at the last date are not named.
 * The rollout plan's timeline passes its own pairs and says "since 2027" by the year.
 */
export function coincidences(tl, { pairs = [['mbps100', 'fibre'], ['broadband', 'fibre'], ['mbps100', 'broadband']], when = p => fmtDate(p.date) } = {}) {
  const out = {};
  for (const [a, b] of pairs) {
    if (out[a]) continue;
    const pts = tl.filter(p => p[a] != null && p[b] != null);
    if (!pts.length) continue;
    const eq = p => Math.abs(p[a] - p[b]) < SAME;
    if (!eq(pts[pts.length - 1])) continue;
    let i = pts.length - 1;
    while (i > 0 && eq(pts[i - 1])) i--;
    out[a] = i === 0 ? `same as ${METRICS[b].label} throughout` : `same as ${METRICS[b].label} since ${when(pts[i])}`;
  }
  return out;
}

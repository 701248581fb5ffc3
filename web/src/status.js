// Port of the server's StatusDerivation: for each operator and technology the latest record on or before the date
// is active; a "none" record ends everything earlier from its operator (or, without an operator, from everyone).

const RANK = ['none', '3G', 'satellite', 'fixed-wireless', '4G', '5G', 'fibre'];
const rank = t => RANK.indexOf(t);

export function meets100(r) {
  return r.downMbps != null ? r.downMbps >= 100 : r.technology === 'fibre';
}

/** Status on a date (ISO yyyy-mm-dd). */
export function statusAt(history, asOf) {
  const latest = new Map();
  const endedAt = new Map();
  let globalEnd = null, last = null, seen = false;
  for (const r of history || []) {
    const d = String(r.asOf).slice(0, 10);
    if (d > asOf) continue;
    seen = true;
    if (last == null || d > last) last = d;
    if (r.technology === 'none') {
      if (r.operatorId == null) { if (globalEnd == null || d > globalEnd) globalEnd = d; }
      else if (!endedAt.has(r.operatorId) || d > endedAt.get(r.operatorId)) endedAt.set(r.operatorId, d);
      continue;
    }
    const key = `${r.operatorId ?? ''}|${r.technology}`;
    const prev = latest.get(key);
    if (!prev || d >= String(prev.asOf).slice(0, 10)) latest.set(key, r);
  }
  if (!seen) return { technology: 'unknown', maxDownMbps: null, meets100Mbps: false, asOf: null, active: [] };
  const active = [...latest.values()].filter(r => {
    const d = String(r.asOf).slice(0, 10);
    if (globalEnd != null && !(d > globalEnd)) return false;
    if (r.operatorId != null && endedAt.has(r.operatorId) && !(d > endedAt.get(r.operatorId))) return false;
    return true;
  }).sort((a, b) => rank(b.technology) - rank(a.technology) || String(a.operatorId ?? '').localeCompare(String(b.operatorId ?? '')));
  const downs = active.map(r => r.downMbps).filter(v => v != null);
  return {
    technology: active.length ? active[0].technology : 'none',
    maxDownMbps: downs.length ? Math.max(...downs) : null,
    meets100Mbps: active.some(meets100),
    asOf: last,
    active,
  };
}

/**
 * Step series of the best advertised download speed: one point per distinct record date
 * ({date, mbps, technology}); mbps is 0 when nothing is active and null when the active records give no speed.
 */
export function speedSteps(history) {
  const dates = [...new Set((history || []).map(r => String(r.asOf).slice(0, 10)))].sort();
  return dates.map(date => {
    const s = statusAt(history, date);
    const mbps = s.maxDownMbps != null ? s.maxDownMbps : (s.active.length === 0 ? 0 : null);
    return { date, mbps, technology: s.technology };
  });
}

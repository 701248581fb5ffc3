// Shared vocabulary: technologies, kinds, colours and number formatting.

/** Technologies in display order (best first). Colours are fixed; fibre is the most prominent. */
export const TECHS = [
  { id: 'fibre', label: 'Fibre', color: '#4a2bd1', broadband: true },
  { id: '5G', label: '5G', color: '#1f8fd1', broadband: true },
  { id: '4G', label: '4G', color: '#21a39a', broadband: true },
  { id: 'fixed-wireless', label: 'Fixed wireless', color: '#7cb342', broadband: true },
  { id: 'satellite', label: 'Satellite', color: '#e0b000', broadband: true },
  { id: '3G', label: '3G', color: '#f08a24', broadband: false },
  { id: 'none', label: 'No service', color: '#d7263d', broadband: false },
  { id: 'unknown', label: 'Unknown', color: '#a3aab3', broadband: false },
];

export const TECH_BY_ID = new Map(TECHS.map((t, i) => [t.id, { ...t, index: i }]));

/** Drawing order on the map: unknown first (bottom), fibre last (on top). */
export const TECH_DRAW_RANK = new Map(TECHS.map((t, i) => [t.id, TECHS.length - 1 - i]));

export function techIndex(id) {
  const t = TECH_BY_ID.get(id);
  return t ? t.index : TECHS.length - 1; // anything unexpected counts as unknown
}

export function techLabel(id) {
  return TECH_BY_ID.get(id)?.label ?? (id || 'Unknown');
}

export function techColor(id) {
  return TECH_BY_ID.get(id)?.color ?? TECHS[TECHS.length - 1].color;
}

export const KINDS = [
  { id: 'city', label: 'City' },
  { id: 'town', label: 'Town' },
  { id: 'village', label: 'Village' },
  { id: 'hamlet', label: 'Hamlet' },
];

export function kindLabel(id) {
  return KINDS.find(k => k.id === id)?.label ?? (id || '—');
}

/** Metric colours used in the dashboard (fibre shares the map colour). */
export const METRICS = {
  fibre: { label: 'Fibre', color: '#4a2bd1' },
  broadband: { label: 'Broadband', color: '#21a39a' },
  mbps100: { label: '≥ 100 Mbps', color: '#e4572e' },
};

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const numFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 1234567 → "1,234,567"; null → "—". */
export function fmtInt(n) {
  return n == null || !Number.isFinite(Number(n)) ? '—' : intFmt.format(Math.round(Number(n)));
}

export function fmtNum(n) {
  return n == null || !Number.isFinite(Number(n)) ? '—' : numFmt.format(Number(n));
}

/** 0.4217 → "42.2%"; null → "—". */
export function fmtPct(share) {
  if (share == null || !Number.isFinite(Number(share))) return '—';
  return (Number(share) * 100).toFixed(1) + '%';
}

/** Mbit/s → "100 Mbps" / "1 Gbps". */
export function fmtMbps(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  const n = Number(v);
  if (n >= 1000 && n % 100 === 0) return numFmt.format(n / 1000) + ' Gbps';
  return numFmt.format(n) + ' Mbps';
}

export function fmtDate(iso) {
  if (!iso) return '—';
  return String(iso).slice(0, 10);
}

export function fmtDateTime(iso) {
  if (!iso) return '—';
  const s = String(iso);
  return s.length > 10 ? s.slice(0, 10) + ' ' + s.slice(11, 16) : s;
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(s) {
  return s == null ? '' : String(s).replace(/[&<>"']/g, c => ESC[c]);
}

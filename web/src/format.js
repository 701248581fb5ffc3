// Shared vocabulary: technologies, kinds, colours and number formatting (in the interface's locale, see i18n.js).
import { locale, language } from './i18n.js';

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

/** Intl formatters of the interface's locale (kk-KZ, ru-RU, en-GB), made once per locale and options. */
const formatters = new Map();
export function numberFormat(options = {}) {
  const key = locale() + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.NumberFormat(locale(), options));
  return f;
}
const intFmt = () => numberFormat({ maximumFractionDigits: 0 });
const numFmt = () => numberFormat({ maximumFractionDigits: 1 });

/** A number in the interface's locale with at most `digits` decimals ("1,234.5", "1 234,5"); null → "—". */
export function fmtDec(n, digits = 1, minDigits = 0) {
  return n == null || !Number.isFinite(Number(n)) ? '—'
    : numberFormat({ minimumFractionDigits: minDigits, maximumFractionDigits: digits }).format(Number(n));
}

/** 1234567 → "1,234,567" (ru: "1 234 567" with narrow no-break spaces); null → "—". */
export function fmtInt(n) {
  return n == null || !Number.isFinite(Number(n)) ? '—' : intFmt().format(Math.round(Number(n)));
}

export function fmtNum(n) {
  return n == null || !Number.isFinite(Number(n)) ? '—' : numFmt().format(Number(n));
}

/** 0.4217 → "42.2%" (ru, kk: "42,2 %"); null → "—". */
export function fmtPct(share) {
  if (share == null || !Number.isFinite(Number(share))) return '—';
  if (language() === 'en') return (Number(share) * 100).toFixed(1) + '%';
  return numberFormat({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(share));
}

/** Mbit/s → "100 Mbps" / "1 Gbps" (the units are translated by the catalogue's patterns). */
export function fmtMbps(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  const n = Number(v);
  if (n >= 1000 && n % 100 === 0) return numFmt().format(n / 1000) + ' Gbps';
  return numFmt().format(n) + ' Mbps';
}

/** An ISO date as "2026-11-21" in English, or as the locale writes it ("21.11.2026"); UTC, never shifted. */
export function fmtDate(iso) {
  if (!iso) return '—';
  const s = String(iso);
  if (language() === 'en') return s.slice(0, 10);
  const d = new Date(s.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(d.getTime()) ? s.slice(0, 10) : dateFormat({ dateStyle: 'short' }).format(d);
}

/** An ISO instant as "2026-11-21 12:00" (UTC) in English, or as the locale writes it ("21.11.2026, 12:00"). */
export function fmtDateTime(iso) {
  if (!iso) return '—';
  const s = String(iso);
  if (language() === 'en' || s.length <= 10) return s.length > 10 ? s.slice(0, 10) + ' ' + s.slice(11, 16) : fmtDate(s);
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : s + 'Z');
  return Number.isNaN(d.getTime()) ? s.slice(0, 10) + ' ' + s.slice(11, 16) : dateFormat({ dateStyle: 'short', timeStyle: 'short' }).format(d);
}

/** An Intl.DateTimeFormat of the interface's locale, in UTC (the times Dala shows are UTC). */
export function dateFormat(options) {
  const key = 'd' + locale() + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...options }));
  return f;
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(s) {
  return s == null ? '' : String(s).replace(/[&<>"']/g, c => ESC[c]);
}

// ------------------------------------------------------------------ radio coverage vocabulary

/** Predicted service classes of a settlement (best first), with their map colours. */
export const SERVICE_CLASSES = [
  { id: 'mbps100', label: '≥ 100 Mbit/s at the busy hour', short: '≥ 100 Mbit/s busy hour', color: '#1a9641' },
  { id: 'covered', label: 'Covered, below 100 Mbit/s at the busy hour', short: 'covered', color: '#8cc63f' },
  { id: 'weak', label: 'Weak signal', short: 'weak signal', color: '#f59e0b' },
  { id: 'none', label: 'No service', short: 'no service', color: '#d7263d' },
  { id: 'unknown', label: 'Not in the coverage run', short: 'not predicted', color: '#a3aab3' },
];
export const SERVICE_BY_ID = new Map(SERVICE_CLASSES.map((c, i) => [c.id, { ...c, index: i }]));

/** The service class of a coverage prediction row (null row: not predicted). */
export function serviceClass(row) {
  if (!row) return 'unknown';
  if (row.meets100Mbps) return 'mbps100';
  if (row.covered) return 'covered';
  if (row.rsrpDbm != null) return 'weak';
  return 'none';
}

const MODELS = { itm: 'ITM (Longley–Rice)', hata: 'Okumura–Hata', cost231: 'COST-231 Hata', freespace: 'Free space' };
export function modelLabel(id) {
  return MODELS[id] || id || '—';
}

/** A number with one decimal ("-97.8"), "—" for null. */
export function fmtFixed1(n) {
  return fmtDec(n, 1, 1);
}

/** The RSRP threshold of "covered" from a run's assumptions text, or null. */
export function coveredThreshold(assumptions) {
  const m = /covered at RSRP >= (-?\d+(?:\.\d+)?) dBm/.exec(String(assumptions || ''));
  return m ? Number(m[1]) : null;
}

/** Linear colour ramp over stops [{value, colour:"#rrggbb"}] (ascending); values outside take the end colours. */
export function rampColour(stops, value) {
  if (!stops || !stops.length) return '#888888';
  if (value <= stops[0].value) return stops[0].colour;
  const last = stops[stops.length - 1];
  if (value >= last.value) return last.colour;
  let i = 1;
  while (stops[i].value < value) i++;
  const a = stops[i - 1], b = stops[i];
  const t = (value - a.value) / (b.value - a.value);
  const ca = hexRgb(a.colour), cb = hexRgb(b.colour);
  return '#' + ca.map((c, k) => Math.round(c + (cb[k] - c) * t).toString(16).padStart(2, '0')).join('');
}

function hexRgb(hex) {
  const m = /^#?([0-9a-f]{6})$/i.exec(String(hex || ''));
  const v = m ? parseInt(m[1], 16) : 0x888888;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

// Speed-test figures as the page shows them: speeds, times, validity help and the measurement sources.

export const INVALID_HELP = 'Validity rules (after M-Lab\'s unified views): a test counts only if it completed, moved at least 8,192 bytes, '
  + 'lasted 9–60 s, and came from a public address. Tests from this machine over loopback (127.0.0.1) or a private network '
  + '(10.x, 172.16–31.x, 192.168.x, link-local) are flagged invalid: they measure the local network, not a subscriber\'s internet access. '
  + 'Invalid tests are kept, with their reasons, but left out of the quality statistics.';

export const SOURCE_LABEL = { 'ndt7-server': 'ndt7 server', 'ndt7-client': 'ndt7 browser', import: 'import', inspector: 'inspector' };

/** A speed to 3 significant figures: 1853.4 → "1850", 123.456 → "123", 12.34 → "12.3", 0.5234 → "0.523"; no digit grouping. */
export function sig3(mbps) {
  const n = Number(mbps);
  if (!Number.isFinite(n)) return '—';
  if (n === 0) return '0';
  return n >= 1000 ? String(Number(n.toPrecision(3))) : n.toPrecision(3);
}

/** 123.456 → "123 Mbit/s" (3 significant figures); no digit grouping, so the figure stays machine-readable. */
export function fmtSpeed(mbps) {
  if (mbps == null || !Number.isFinite(Number(mbps))) return '—';
  return `${sig3(mbps)} Mbit/s`;
}

/**
 * 123.4 → "123 ms", 3.21 → "3.2 ms", below 1 ms → "< 1 ms": TCP's RTT is kept in whole µs, and a figure like
 * "0.006 ms" (loopback) claims a precision no network path between two machines has.
 */
export function fmtMs(ms) {
  if (ms == null || !Number.isFinite(Number(ms))) return '—';
  const n = Number(ms);
  return n < 1 ? '< 1 ms' : `${n.toFixed(n < 10 ? 1 : 0)} ms`;
}

/** A share in %, e.g. 0.0312 → "0.03 %", 2.5 → "2.5 %", 0 → "0 %". */
export function fmtPct(pct) {
  if (pct == null || !Number.isFinite(Number(pct))) return '—';
  const n = Number(pct);
  return `${n === 0 ? '0' : n < 0.01 ? '< 0.01' : n < 1 ? n.toFixed(2) : n < 10 ? n.toFixed(1) : n.toFixed(0)} %`;
}

/** Rounds to d decimals; null for what is not a finite number. */
export const round = (v, d = 3) => (v == null || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

/** "127.0.0.1:51234" → "127.0.0.1", "[::1]:51234" → "::1"; null when it is not an address. */
export function hostOf(hostPort) {
  const t = String(hostPort || '').trim();
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(t);
  if (v6) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(t);
  if (v4) return v4[1];
  return /^[0-9a-fA-F:]+$/.test(t) && t.includes(':') ? t : null;
}

// Speed-test figures as the page shows them: speeds, times, validity help and the measurement sources.

export const INVALID_HELP = 'Validity rules (after M-Lab\'s unified views): a test counts only if it completed, moved at least 8,192 bytes, '
  + 'lasted 9–60 s, and came from a public address. Tests from this machine over loopback (127.0.0.1) or a private network '
  + '(10.x, 172.16–31.x, 192.168.x, link-local) are flagged invalid: they measure the local network, not a subscriber\'s internet access. '
  + 'Invalid tests are kept, with their reasons, but left out of the quality statistics.';

export const SOURCE_LABEL = { 'ndt7-server': 'ndt7 server', 'ndt7-client': 'ndt7 browser', import: 'import', inspector: 'inspector' };

/** 123.456 → "123.5 Mbit/s" (two decimals below 1 Mbit/s); no digit grouping, so the figure stays machine-readable. */
export function fmtSpeed(mbps) {
  if (mbps == null || !Number.isFinite(Number(mbps))) return '—';
  const n = Number(mbps);
  return `${n.toFixed(n < 1 ? 2 : 1)} Mbit/s`;
}

/** 12.3 → "12 ms", 3.21 → "3.2 ms", 0.43 → "0.43 ms", 0.016 → "0.016 ms" (loopback). */
export function fmtMs(ms) {
  if (ms == null || !Number.isFinite(Number(ms))) return '—';
  const n = Number(ms);
  return `${n.toFixed(n < 0.1 ? 3 : n < 1 ? 2 : n < 10 ? 1 : 0)} ms`;
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

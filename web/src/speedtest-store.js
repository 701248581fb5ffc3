// Storing a finished run: the browser's figures (source ndt7-client) go to the ndt7 session that produced them, and the
// server's own records of both directions (source ndt7-server), written when each test ended, are looked up.
import { api } from './api.js';
import { showError } from './notify.js';
import { round } from './speedtest-format.js';

/** How long to wait for the server's records to appear after the test. */
const SERVER_RECORD_WAIT_MS = 20000;

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** The ids of the server's records already there, so the new ones can be told apart even without a UUID. */
export const serverIdsBefore = () => api.measurements({ source: 'ndt7-server', limit: 20 })
  .then(r => new Set((r || []).map(m => m.id))).catch(() => new Set());

/** The browser's record of a run whose download completed (empty fields left out); tcp: tcpFigures(run). */
export function clientRecord(run, rc, tcp) {
  const down = run.download, up = run.upload;
  const upOk = up.done && up.client && Number.isFinite(Number(up.client.MeanClientMbps));
  const t = run.tag;
  const record = {
    id: down.uuid ? `ndt7-${down.uuid}-client` : undefined,
    downMbps: round(Number(down.client.MeanClientMbps)),
    upMbps: upOk ? round(Number(up.client.MeanClientMbps)) : undefined,
    latencyMs: round(tcp.latencyMs),
    jitterMs: round(tcp.jitterMs),
    lossPct: round(tcp.lossPct, 4),
    bytes: Math.round(Number(down.client.NumBytes)),
    durationS: round(Number(down.client.ElapsedTime)),
    settlementId: t.settlementId,
    lon: t.lon,
    lat: t.lat,
    operator: t.operator,
    access: t.access,
    complete: !!(down.done && upOk && rc === 0),
  };
  for (const k of Object.keys(record)) if (record[k] == null || record[k] === '') delete record[k];
  return record;
}

/**
 * 1. The browser's figures, accepted by the server only through the ndt7 session that produced them: the download's
 *    uuid, from this network (POST /api/measurements/ndt7/{uuid}). The server fixes the id, the time and the client
 *    network; the page gives its figures and tags. Returns the intake's answer for the line, or null.
 */
export async function postClient(uuid, record) {
  if (!uuid) return null;
  const { id, ...figures } = record;
  // The server records the test when its connection closes, a moment after the page has its last message.
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const res = await api.postNdt7ClientResult(uuid, figures);
      return res?.results?.[0] || { id, status: res?.stored ? 'stored' : res?.duplicates ? 'duplicate' : 'quarantined', reasons: [] };
    } catch (e) {
      if (e?.status !== 404 || attempt === 7) { showError(e, 'Storing the browser result'); return null; }
      await sleep(500);
    }
  }
  return null;
}

/** 2. The server's own records of the run (download first), waiting a little for them to be written. */
export async function findServerRecords(run, before) {
  const down = run.download, up = run.upload;
  const upOk = up.done && up.client && Number.isFinite(Number(up.client.MeanClientMbps));
  const wanted = [down.uuid ? `ndt7-${down.uuid}-download` : null, upOk && up.uuid ? `ndt7-${up.uuid}-upload` : null];
  const expect = upOk ? 2 : 1;
  let server = [];
  const until = performance.now() + SERVER_RECORD_WAIT_MS;
  while (performance.now() < until) {
    try {
      const rows = await api.measurements({ source: 'ndt7-server', limit: 20 });
      const fresh = (rows || []).filter(m => !before.has(m.id));
      server = wanted.some(Boolean)
        ? fresh.filter(m => wanted.includes(m.id))
        : fresh.slice(0, expect);
      if (server.length >= expect) break;
    } catch (e) {
      if (e?.status === 404) break; // this server keeps no measurements
    }
    await sleep(600);
  }
  server.sort((a, b) => (a.downMbps != null ? 0 : 1) - (b.downMbps != null ? 0 : 1));
  return { server, expect };
}

// Driving M-Lab's official ndt7 client (global `ndt7`, /lib/ndt7/ndt7.js) against THIS server: one run is a download
// then an upload; each measurement message updates the run's figures and the live view (gauge, results, chart).
import { fmtSpeed, fmtMs, hostOf } from './speedtest-format.js';

const CLIENT_NAME = 'dala-web';
const CLIENT_VERSION = '1.0';
const WORKERS = { download: '/lib/ndt7/ndt7-download-worker.js', upload: '/lib/ndt7/ndt7-upload-worker.js' };
/** The nominal length of each direction: the spec's 10 s (the official client always uploads for 10 s). */
export const NOMINAL_S = 10;

const freshPhase = () => ({ client: null, server: null, uuid: null, minRttUs: null, tcp: null, last: null, done: false, started: false });

/** A new run with its tags (sent as ndt7 metadata). */
export const newRun = tag => ({ startedAt: new Date(), tag, download: freshPhase(), upload: freshPhase(), errors: [] });

/** Whether the official client loaded. */
export const ndt7Available = () => typeof window.ndt7?.test === 'function';

/**
 * Runs the test; ui: { gauge, chart, panel } (panel: phase, progress, setResult). Returns the client's exit code
 * (0 when both directions completed, -1 when it threw).
 */
export async function driveNdt7(run, ui) {
  const metadata = { client_name: CLIENT_NAME, client_version: CLIENT_VERSION };
  for (const [k, v] of Object.entries(run.tag)) metadata[k] = String(v);
  try {
    return await window.ndt7.test({
      server: location.host,
      protocol: location.protocol === 'https:' ? 'wss' : 'ws',
      userAcceptedDataPolicy: true,
      metadata,
      downloadworkerfile: WORKERS.download,
      uploadworkerfile: WORKERS.upload,
    }, {
      error: e => run.errors.push(String(e?.message || e || 'error')),
      downloadStart: () => onStart(run, ui, 'download'),
      downloadMeasurement: m => onMeasurement(run, ui, 'download', m),
      downloadComplete: r => onComplete(run, ui, 'download', r),
      uploadStart: () => onStart(run, ui, 'upload'),
      uploadMeasurement: m => onMeasurement(run, ui, 'upload', m),
      uploadComplete: r => onComplete(run, ui, 'upload', r),
    });
  } catch (e) {
    run.errors.push(String(e?.message || e));
    return -1;
  }
}

function onStart(run, ui, kind) {
  run[kind].started = true;
  ui.panel.phase(kind === 'download' ? 'Measuring download…' : 'Measuring upload…', kind);
  ui.gauge.set(0, kind, kind);
  ui.panel.progress(kind === 'download' ? 0 : 0.45);
}

function onMeasurement(run, ui, kind, m) {
  const ph = run[kind];
  if (!ph || !m) return;
  if (m.Source === 'client') {
    const d = m.Data || {};
    const t = Number(d.ElapsedTime), bytes = Number(d.NumBytes), mean = Number(d.MeanClientMbps);
    if (!Number.isFinite(t)) return;
    let inst = null;
    if (ph.last && t > ph.last.t) inst = Math.max(0, (bytes - ph.last.bytes) * 8 / 1e6 / (t - ph.last.t));
    ph.last = { t, bytes };
    ph.client = d;
    ui.chart.point(kind, t, inst, mean);
    if (Number.isFinite(mean)) {
      ui.gauge.set(mean, kind, kind);
      ui.panel.setResult(kind, fmtSpeed(mean), null, true);
    }
    const within = Math.min(1, t / NOMINAL_S);
    ui.panel.progress(kind === 'download' ? within * 0.45 : 0.45 + within * 0.45);
  } else {
    const s = m.Data || {};
    ph.server = s;
    if (s.ConnectionInfo?.UUID && !ph.uuid) ph.uuid = s.ConnectionInfo.UUID;
    if (s.ConnectionInfo?.Client && !ph.client_addr) ph.client_addr = hostOf(s.ConnectionInfo.Client);
    if (s.TCPInfo) ph.tcp = s.TCPInfo;
    const rtt = Number(s.TCPInfo?.MinRTT);
    if (Number.isFinite(rtt) && rtt > 0) {
      ph.minRttUs = ph.minRttUs == null ? rtt : Math.min(ph.minRttUs, rtt);
      if (kind === 'download') ui.panel.setResult('latency', fmtMs(ph.minRttUs / 1000), null, true);
    }
  }
}

function onComplete(run, ui, kind, r) {
  const ph = run[kind];
  if (!ph) return;
  ph.done = true;
  if (r?.LastClientMeasurement) ph.client = r.LastClientMeasurement;
  const mean = Number(ph.client?.MeanClientMbps);
  if (Number.isFinite(mean)) ui.panel.setResult(kind, fmtSpeed(mean), `${(Number(ph.client.NumBytes) / 1e6).toFixed(1)} MB in ${Number(ph.client.ElapsedTime).toFixed(1)} s · browser`);
  ui.panel.progress(kind === 'download' ? 0.45 : 0.9);
}

const num = v => (v == null || !Number.isFinite(Number(v)) ? null : Number(v));

/**
 * What the server's TCP_INFO says of the run, in ms and %: latency is the minimum RTT (MinRTT, µs), jitter TCP's RTT
 * variation (RTTVar, µs) and loss the share of the bytes the server sent again (BytesRetrans / BytesSent, M-Lab's
 * loss rate), both of the download (on the upload the server sends almost nothing). Null when not reported.
 */
export function tcpFigures(run) {
  const down = run.download, up = run.upload;
  const rttUs = down.minRttUs ?? up.minRttUs;
  const t = down.tcp || {};
  const rttVar = num(t.RTTVar), sent = num(t.BytesSent), again = num(t.BytesRetrans);
  return {
    latencyMs: rttUs != null ? rttUs / 1000 : null,
    latencyFrom: down.minRttUs != null ? 'download' : up.minRttUs != null ? 'upload' : null,
    jitterMs: rttVar != null ? rttVar / 1000 : null,
    lossPct: sent != null && sent > 0 && again != null ? 100 * again / sent : null,
  };
}

// Runs the official ndt7 JavaScript client (@m-lab/ndt7 from web/node_modules) against an ndt7 server and prints
// one JSON line with the client's and the server's final download and upload figures.
//
//   node --experimental-websocket tests/ndt7-node/run.mjs 127.0.0.1:PORT [client_name]
//
// The client is written for browsers: it starts Web Workers by file name and uses the global WebSocket inside them.
// Node 20 has neither by default, so this file supplies a small Worker shim (node:worker_threads running the
// package's worker file after a preamble that defines self, postMessage and onmessage) and runs the workers with
// --experimental-websocket, which gives them Node's built-in (undici) WebSocket. Exit code 0 when both subtests
// completed, 1 otherwise, 2 on bad usage.
import { Worker as ThreadWorker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '../../web/node_modules/@m-lab/ndt7/src');
const require = createRequire(import.meta.url);
const ndt7 = require(path.join(pkg, 'ndt7.js'));

const [server, clientName = 'dala-ndt7-node'] = process.argv.slice(2);
if (!server || !/^[^/]+:\d+$/.test(server)) {
  console.error('usage: node --experimental-websocket run.mjs host:port [client_name]');
  process.exit(2);
}

// What a worker runs before the package's worker file: the browser globals it expects.
const preamble = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = globalThis;
globalThis.postMessage = (data) => parentPort.postMessage(data);
parentPort.on('message', (data) => { if (typeof self.onmessage === 'function') self.onmessage({ data }); });
if (typeof WebSocket === 'undefined') throw new Error('no global WebSocket: run node with --experimental-websocket');
require(workerData.file);
`;

// Enough of the browser Worker API for ndt7.js: new Worker(file), onmessage, postMessage, terminate.
globalThis.Worker = class BrowserWorker {
  constructor(file) {
    this.onmessage = null;
    this.thread = new ThreadWorker(preamble, {
      eval: true,
      workerData: { file },
      execArgv: [...new Set([...process.execArgv, '--experimental-websocket'])],
    });
    this.thread.on('message', (data) => this.onmessage?.({ data }));
    this.thread.on('error', (e) => this.onmessage?.({ data: { MsgType: 'error', Error: String(e?.message ?? e) } }));
  }

  postMessage(data) { this.thread.postMessage(data); }

  terminate() { this.thread.terminate(); }
};

const figures = { download: {}, upload: {} };
const errors = [];

function serverFigures(test, data) {
  const f = figures[test];
  if (data.ConnectionInfo) f.uuid = data.ConnectionInfo.UUID;
  f.serverMeasurements = (f.serverMeasurements ?? 0) + 1;
}

function complete(test, { LastClientMeasurement: c, LastServerMeasurement: s }) {
  const f = figures[test];
  f.completed = true;
  f.client = c ? { MeanClientMbps: c.MeanClientMbps, NumBytes: c.NumBytes, ElapsedTime: c.ElapsedTime } : null;
  const app = s?.AppInfo;
  f.server = app ? {
    NumBytes: app.NumBytes,
    ElapsedTime: app.ElapsedTime, // µs
    Mbps: app.ElapsedTime > 0 ? (app.NumBytes * 8) / app.ElapsedTime : 0, // bytes * 8 / µs = Mbit/s
    MinRTT: s.TCPInfo?.MinRTT ?? null,
    RTT: s.TCPInfo?.RTT ?? null,
  } : null;
}

const code = await ndt7.test(
  {
    server,
    protocol: 'ws',
    userAcceptedDataPolicy: true,
    metadata: { client_name: clientName },
    downloadworkerfile: path.join(pkg, 'ndt7-download-worker.js'),
    uploadworkerfile: path.join(pkg, 'ndt7-upload-worker.js'),
  },
  {
    error: (e) => errors.push(String(e)),
    downloadMeasurement: (m) => { if (m.Source === 'server') serverFigures('download', m.Data); },
    uploadMeasurement: (m) => { if (m.Source === 'server') serverFigures('upload', m.Data); },
    downloadComplete: (r) => complete('download', r),
    uploadComplete: (r) => complete('upload', r),
  },
);

const ok = code === 0 && errors.length === 0 && figures.download.completed === true && figures.upload.completed === true;
console.log(JSON.stringify({ ok, code, server, ...figures, errors }));
process.exit(ok ? 0 : 1);

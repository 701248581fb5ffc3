// Speed test view: M-Lab's official ndt7 client (global `ndt7`, /lib/ndt7/ndt7.js) against THIS server, tagged with a
// settlement (search or pick on the map), operator and access technology. The server stores its own measurement of
// each direction (source ndt7-server); the page sends the browser's figures for the test's uuid (source ndt7-client,
// accepted only for a test this server ran for the same network) and shows both once stored. A short history of the
// latest measurements follows, with validity flags and reasons. A finished test has an id (its download's uuid), a link
// to its own page (#speedtest?result=ID) and a line in "My past tests" (this browser only). The parts: speedtest-tags
// (settlement search and map, location, operator guessed from the address, access), speedtest-run (the ndt7 client),
// speedtest-gauge, speedtest-chart, speedtest-result (the cards and what was stored), speedtest-store (posting and
// finding the records), speedtest-permalink (the link and the result page), speedtest-past, speedtest-history.
import { showError } from './notify.js';
import { Gauge } from './speedtest-gauge.js';
import { LiveChart } from './speedtest-chart.js';
import { TagPanel } from './speedtest-tags.js';
import { LatestTests } from './speedtest-history.js';
import { ResultPanel } from './speedtest-result.js';
import { NOMINAL_S, newRun, driveNdt7, ndt7Available, tcpFigures } from './speedtest-run.js';
import { serverIdsBefore, clientRecord, postClient, findServerRecords } from './speedtest-store.js';
import { PastTests } from './speedtest-past.js';
import { ResultPage, showLink } from './speedtest-permalink.js';
import { fmtSpeed, fmtMs, fmtPct } from './speedtest-format.js';

export { fmtSpeed, fmtMs, INVALID_HELP } from './speedtest-format.js';

const $ = id => document.getElementById(id);

export class SpeedTest {
  constructor() {
    this.running = false;
    this.run = null;
    this.gauge = new Gauge($('speedtest-gauge'));
    this.chart = new LiveChart($('speedtest-chart'), NOMINAL_S);
    this.panel = new ResultPanel();
    this.tags = new TagPanel(() => this.history.render());
    this.history = new LatestTests(id => this.tags.operatorName(id));
    this.past = new PastTests();
    this.resultPage = new ResultPage(id => this.tags.operatorName(id));
    document.body.dataset.speedtest = 'idle';

    $('speedtest-server').textContent = `Server: ${location.host} (this Dala server)`;
    $('speedtest-start').addEventListener('click', () => this.start());
  }

  /** Called whenever the view is shown (first time: the map, the operator list, the history); follows #speedtest?result=ID. */
  init() {
    this.resultPage.follow();
    if (this.inited) {
      this.tags.map.invalidateSize();
      return;
    }
    this.inited = true;
    this.tags.init();
    this.history.init();
  }

  async start() {
    if (this.running) return;
    if (!ndt7Available()) {
      showError({ title: 'Speed test unavailable', detail: 'The ndt7 client (/lib/ndt7/ndt7.js) did not load; reload the page.' });
      return;
    }
    this.running = true;
    const btn = $('speedtest-start');
    btn.disabled = true;
    btn.textContent = 'Testing…';
    document.body.dataset.speedtest = 'running';
    document.body.classList.add('st-running');
    this.panel.reset();
    this.chart.reset();
    this.gauge.set(null, null, 'connecting');
    this.panel.phase('Connecting to the server…', 'download');
    this.panel.progress(0);

    const run = this.run = newRun(this.tags.tagValues());
    run.place = this.tags.placeSummary();
    const before = await serverIdsBefore();
    const rc = await driveNdt7(run, { gauge: this.gauge, chart: this.chart, panel: this.panel });
    this.chart.flush();
    await this._finish(run, rc, before);
    this.running = false;
    btn.disabled = false;
    btn.textContent = 'Test again';
    $('speedtest-took').textContent = `The last test took ${((Date.now() - run.startedAt.getTime()) / 1000).toFixed(0)} s.`;
    document.body.classList.remove('st-running');
  }

  async _finish(run, rc, before) {
    const down = run.download, up = run.upload;
    const downOk = down.done && down.client && Number.isFinite(Number(down.client.MeanClientMbps));
    const upOk = up.done && up.client && Number.isFinite(Number(up.client.MeanClientMbps));
    for (const k of ['download', 'upload']) {
      const ph = run[k];
      this.panel.setResult(k, ph.client ? fmtSpeed(Number(ph.client.MeanClientMbps)) : '—', null, false);
    }
    const tcp = tcpFigures(run);
    this.panel.setResult('latency', fmtMs(tcp.latencyMs), tcp.latencyMs != null ? `server TCP_INFO · ${tcp.latencyFrom} connection` : 'not reported by the server', false);
    this.panel.setResult('jitter', tcp.jitterMs == null ? 'not measured' : fmtMs(tcp.jitterMs), tcp.jitterMs == null ? 'the server reported no TCP_INFO' : 'server TCP_INFO RTTVar · download', false);
    this.panel.setResult('loss', tcp.lossPct == null ? 'not measured' : fmtPct(tcp.lossPct), tcp.lossPct == null ? 'the server reported no TCP_INFO' : 'bytes sent again / bytes sent · download', false);
    if (downOk) this.gauge.done(Number(down.client.MeanClientMbps), upOk ? Number(up.client.MeanClientMbps) : null);
    else this.gauge.set(null, 'download', 'no result');

    if (!downOk) {
      document.body.dataset.speedtest = 'error';
      this.panel.phase('The test did not run', 'error');
      this.panel.progress(0);
      const detail = run.errors.length ? run.errors.join('; ') : 'No measurement came back from the server.';
      showError({ title: 'Speed test failed', detail: `${detail}. The server may be busy (it runs a limited number of tests at once) — try again in a few seconds.` });
      this.panel.renderStored(run, null, null, 'The test did not complete; nothing was stored by this page.');
      return;
    }
    if (!upOk) showError({ title: 'Upload test incomplete', detail: run.errors.join('; ') || 'The upload did not report a result.' });

    this.panel.phase('Storing the result…', 'store');
    this.panel.progress(0.92);
    const record = clientRecord(run, rc, tcp);
    const client = await postClient(down.uuid, record);
    const { server, expect } = await findServerRecords(run, before);

    const clientOk = client && (client.status === 'stored' || client.status === 'duplicate');
    const serverOk = server.length >= expect;
    this.panel.renderStored(run, client, server, null, record);
    this.history.highlight = new Set([...server.map(m => m.id), client?.id].filter(Boolean));
    this.panel.serverFigures(run, server);
    this.panel.progress(1);
    if (down.uuid && (clientOk || server.length)) this._keep(run, record, down.uuid);
    if (clientOk && serverOk) {
      this.panel.phase('Done — stored', 'done');
      document.body.dataset.speedtest = 'stored';
    } else {
      this.panel.phase(clientOk ? 'Done — the server record was not found' : 'Done — not stored', 'done');
      document.body.dataset.speedtest = 'unstored';
    }
    this.history.load();
  }

  /** A stored test: its link (with a copy button) and its line in "My past tests". */
  _keep(run, record, id) {
    document.body.dataset.speedtestResult = id;
    showLink(id);
    this.past.add({
      id, time: run.startedAt.toISOString(), down: record.downMbps ?? null, up: record.upMbps ?? null, latency: record.latencyMs ?? null,
      jitter: record.jitterMs ?? null, loss: record.lossPct ?? null, place: run.place,
    });
  }
}

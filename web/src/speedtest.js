// Speed test view: M-Lab's official ndt7 client (global `ndt7`, /lib/ndt7/ndt7.js) against THIS server, tagged with a
// settlement (search or pick on the map), operator and access technology. The server stores its own measurement of
// each direction (source ndt7-server); the page sends the browser's figures for the test's uuid (source ndt7-client,
// accepted only for a test this server ran for the same network) and shows both once stored. A short history of the
// latest measurements follows, with validity flags and reasons. The parts: speedtest-tags (settlement search and map,
// operator, access), speedtest-run (the ndt7 client), speedtest-gauge, speedtest-chart, speedtest-result (the cards
// and what was stored), speedtest-store (posting and finding the records), speedtest-history (latest tests).
import { showError } from './notify.js';
import { Gauge } from './speedtest-gauge.js';
import { LiveChart } from './speedtest-chart.js';
import { TagPanel } from './speedtest-tags.js';
import { LatestTests } from './speedtest-history.js';
import { ResultPanel } from './speedtest-result.js';
import { NOMINAL_S, newRun, driveNdt7, ndt7Available } from './speedtest-run.js';
import { serverIdsBefore, clientRecord, postClient, findServerRecords } from './speedtest-store.js';
import { fmtSpeed, fmtMs } from './speedtest-format.js';

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
    document.body.dataset.speedtest = 'idle';

    $('speedtest-server').textContent = `Server: ${location.host} (this Dala server)`;
    $('speedtest-start').addEventListener('click', () => this.start());
  }

  /** Called when the view is first shown: the map, the operator list, the history. */
  init() {
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
    const before = await serverIdsBefore();
    const rc = await driveNdt7(run, { gauge: this.gauge, chart: this.chart, panel: this.panel });
    this.chart.flush();
    await this._finish(run, rc, before);
    this.running = false;
    btn.disabled = false;
    btn.textContent = 'Run again';
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
    const rttUs = down.minRttUs ?? up.minRttUs;
    const latencyMs = rttUs != null ? rttUs / 1000 : null;
    this.panel.setResult('latency', fmtMs(latencyMs), latencyMs != null ? `server TCP_INFO · ${down.minRttUs != null ? 'download' : 'upload'} connection` : 'not reported by the server', false);
    this.gauge.set(downOk ? Number(down.client.MeanClientMbps) : null, 'download', downOk ? 'download' : 'no result');

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
    const record = clientRecord(run, rc, latencyMs);
    const client = await postClient(down.uuid, record);
    const { server, expect } = await findServerRecords(run, before);

    const clientOk = client && (client.status === 'stored' || client.status === 'duplicate');
    const serverOk = server.length >= expect;
    this.panel.renderStored(run, client, server, null, record);
    this.history.highlight = new Set([...server.map(m => m.id), client?.id].filter(Boolean));
    this.panel.serverFigures(run, server);
    this.panel.progress(1);
    if (clientOk && serverOk) {
      this.panel.phase('Done — stored', 'done');
      document.body.dataset.speedtest = 'stored';
    } else {
      this.panel.phase(clientOk ? 'Done — the server record was not found' : 'Done — not stored', 'done');
      document.body.dataset.speedtest = 'unstored';
    }
    this.history.load();
  }
}

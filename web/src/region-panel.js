// Region drill-down: a click on a region (map polygon, Progress table row, choropleth) opens its figures from the
// existing APIs: /api/progress (all and rural settlements, people and on how many known populations they rest),
// /api/quality/aggregates?by=region (measured median) and the latest coverage run (/api/coverage/settlements),
// with links that open the map filtered to the region (URL state) and its settlement table as CSV.
import { api, buildUrl } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtPct, fmtDate, fmtDateTime, fmtMbps, TECHS } from './format.js';
import { serialise, EMPTY } from './urlstate.js';
import { RURAL } from './filters.js';

const once = new Map();
/** One request per kind per page life (errors are not kept, so a later open asks again). */
function cached(key, load) {
  if (!once.has(key)) once.set(key, load().catch(e => { once.delete(key); throw e; }));
  return once.get(key);
}

const NOT_BROADBAND = TECHS.filter(t => !t.broadband).map(t => t.id);

/** Hrefs of the map filtered to a region: all its settlements, and its rural settlements without broadband. */
export function regionLinks(code) {
  return {
    map: serialise({ ...EMPTY, region: code }),
    ruralWithout: serialise({ ...EMPTY, region: code, kinds: RURAL, techs: NOT_BROADBAND }),
    csv: buildUrl('/api/settlements', { region: code, format: 'csv' }),
  };
}

export class RegionPanel {
  /** @param {{onOpen?: (code: string|null) => void}} opts: onOpen hears the region opened (null when closed). */
  constructor({ onOpen } = {}) {
    this.onOpen = onOpen;
    this.code = null;
    this.seq = 0;
    const el = this.el = document.createElement('aside');
    el.id = 'region-panel';
    el.className = 'region-panel';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-labelledby', 'region-panel-title');
    el.hidden = true;
    el.innerHTML = `<button type="button" class="card-close region-panel-close" aria-label="Close" title="Close (Esc)">×</button>
      <div class="region-panel-body"></div>`;
    document.body.appendChild(el);
    el.querySelector('.region-panel-close').addEventListener('click', () => this.close());
    el.addEventListener('click', e => { if (e.target.closest('a[data-close]')) this.close(false); });
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && this.code) this.close(); });
  }

  get isOpen() { return this.code != null; }

  close(report = true) {
    if (this.code == null) return;
    this.code = null;
    this.seq++;
    this.el.hidden = true;
    delete this.el.dataset.code;
    this.el.dataset.state = 'closed';
    if (report) this.onOpen?.(null);
  }

  /** Opens a region's figures; resolves when they are drawn. */
  async open(code, { report = true } = {}) {
    if (!code) { this.close(report); return; }
    const seq = ++this.seq;
    this.code = code;
    this.el.hidden = false;
    this.el.dataset.code = code;
    this.el.dataset.state = 'loading';
    const body = this.el.querySelector('.region-panel-body');
    body.innerHTML = `<h2 id="region-panel-title">${esc(code)}</h2><div class="muted">Loading…</div>`;
    if (report) this.onOpen?.(code);
    try {
      const [all, rural] = await Promise.all([
        cached('progress:all', () => api.progress({ scope: 'all' })),
        cached('progress:rural', () => api.progress({ scope: 'rural' })),
      ]);
      if (seq !== this.seq) return;
      const a = (all.regions || []).find(r => r.code === code);
      if (!a) {
        body.innerHTML = `<h2 id="region-panel-title">${esc(code)}</h2><p class="muted">No region with this code in the registry.</p>`;
        this.el.dataset.state = 'unknown';
        return;
      }
      const r = (rural.regions || []).find(x => x.code === code) || null;
      body.innerHTML = this._figures(a, r, all);
      this.el.dataset.state = 'figures';
      const [quality, coverage] = await Promise.all([this._quality(code), this._coverage(code)]);
      if (seq !== this.seq) return;
      body.querySelector('.rp-quality').innerHTML = quality;
      body.querySelector('.rp-coverage').innerHTML = coverage;
      this.el.dataset.state = 'ready';
    } catch (e) {
      if (seq !== this.seq) return;
      this.el.dataset.state = 'error';
      body.querySelector('.muted')?.replaceChildren('Figures could not be loaded.');
      showError(e, 'Region');
    }
  }

  _figures(a, r, all) {
    const links = regionLinks(a.code);
    const col = f => f ? f : null;
    const cells = (f, get) => `<td class="num">${f ? get(f) : '–'}</td>`;
    const share = m => f => `<b>${esc(fmtPct(f[m]?.share))}</b> <span class="muted">${esc(fmtInt(f[m]?.settlements))}</span>`;
    const people = f => f.populationKnown > 0
      ? `${esc(fmtInt(f.population))}<div class="rp-base">known for ${esc(fmtInt(f.populationKnown))} of ${esc(fmtInt(f.settlements))}</div>`
      : '<span class="muted">unknown</span>';
    const popShare = m => f => f.populationKnown > 0 ? esc(fmtPct(f[m]?.populationShare)) : '<span class="muted">–</span>';
    const rows = [
      ['Settlements', f => esc(fmtInt(f.settlements)), 'rp-settlements'],
      ['People', people, 'rp-people'],
      ['On fibre', share('fibre'), 'rp-fibre'],
      ['On broadband', share('broadband'), 'rp-broadband'],
      ['At ≥ 100 Mbps', share('mbps100'), 'rp-mbps100'],
      ['People on broadband', popShare('broadband'), 'rp-pop-broadband'],
      ['Status unknown', f => esc(fmtInt(f.unknown)), 'rp-unknown'],
    ];
    return `
      <h2 id="region-panel-title">${esc(a.name || a.code)} <span class="muted rp-code">${esc(a.code)}</span></h2>
      ${all.synthetic ? '<span class="badge badge-synthetic badge-xs">synthetic connectivity</span>' : ''}
      <div class="muted rp-asof">as of ${esc(fmtDate(all.asOf))}; shares count settlements (people where their population is known)</div>
      <table class="data-table rp-table">
        <thead><tr><th></th><th class="num">All</th><th class="num">Rural</th></tr></thead>
        <tbody>${rows.map(([label, get, cls]) => `<tr class="${cls}"><th scope="row">${esc(label)}</th>${cells(col(a), get)}${cells(col(r), get)}</tr>`).join('')}</tbody>
      </table>
      <h3>Measured</h3><div class="rp-quality muted">Loading…</div>
      <h3>Predicted coverage</h3><div class="rp-coverage muted">Loading…</div>
      <div class="rp-links">
        <a class="button button-small rp-link-map" href="${esc(links.map)}" data-close="1">Show its ${esc(fmtInt(a.settlements))} settlements on the map</a>
        <a class="button button-small rp-link-gap" href="${esc(links.ruralWithout)}" data-close="1">Rural without broadband</a>
        <a class="button button-small rp-link-csv" href="${esc(links.csv)}" download="dala-settlements-${esc(a.code)}.csv">Table (CSV)</a>
      </div>`;
  }

  async _quality(code) {
    let rows;
    try {
      rows = await cached('quality:region', () => api.qualityAggregates({ by: 'region' }));
    } catch (e) {
      return e.status === 404 ? 'No measurement store.' : 'Measurements could not be loaded.';
    }
    const g = (Array.isArray(rows) ? rows : []).find(x => x.region === code);
    if (!g || !g.downMbps) return 'No valid tests in this region.';
    return `<span class="rp-median"><b>${esc(fmtMbps(g.downMbps.median))}</b> median download</span>
      <span class="muted">· ${esc(fmtInt(g.tests))} valid tests${g.shareAtLeast100Mbps != null ? ` · ${esc(fmtPct(g.shareAtLeast100Mbps))} ≥ 100 Mbit/s` : ''}</span>`;
  }

  async _coverage(code) {
    let run, rows;
    try {
      [run, rows] = await Promise.all([cached('coverage', () => api.coverage()), cached('coverage:settlements', () => api.coverageSettlements())]);
    } catch (e) {
      return e.status === 404 ? 'No coverage run yet.' : 'Coverage could not be loaded.';
    }
    const mine = (Array.isArray(rows) ? rows : []).filter(x => x.region === code);
    if (!mine.length) return `Run ${esc(run.id)} predicts no settlement of this region.`;
    const covered = mine.filter(x => x.covered).length, fast = mine.filter(x => x.meets100Mbps).length;
    return `<span class="rp-covered"><b>${esc(fmtInt(covered))}</b> of ${esc(fmtInt(mine.length))} settlements covered</span>
      <span class="muted">· ${esc(fmtInt(fast))} at ≥ 100 Mbit/s at the busy hour · run ${esc(run.id)} (${esc(run.model)}, ${esc(fmtDateTime(run.createdAt))})${run.synthetic ? ' · synthetic' : ''}</span>`;
  }
}


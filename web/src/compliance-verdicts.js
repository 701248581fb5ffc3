// Slot #compliance-verdicts of the Compliance view (see compliance.js): the verdicts on the licence obligations.
// Pick an obligation and a period; a region map coloured by verdict for one operator (violation red, inconclusive grey,
// compliant green), a forest plot of the intervals (one bar per region x operator from ci_low to ci_high, a dot at the
// estimate, a line at the requirement), a table with n, k, estimate, interval, verdict, further tests and the evidence
// pack; and a new version of the obligation (JSON, POST /api/quality/obligations).
//
// Hooks for the browser tests (document.body.dataset):
//   verdicts = loading | ready | error      verdictRows = rows in the table      verdictIntervals = drawn
// window.dala.compliance.verdicts is this module (load()).
import { api, buildUrl, getJson, sendJson } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt } from './format.js';
import { KZ_BOUNDS } from './map.js';
import { withBasemap } from './basemap.js';

const hooks = document.body.dataset;
const COLOURS = { violation: '#c62828', inconclusive: '#9e9e9e', compliant: '#2e7d32' };
const day = d => d.toISOString().slice(0, 10);

export class Verdicts {
  /** @param {HTMLElement} el the slot; @param {import('./compliance.js').Compliance} view */
  constructor(el, view) { this.el = el; this.view = view; this.rows = []; this.obligations = []; this.shapes = null; }

  init() {
    if (!this.el || this._built) return;
    this._built = true;
    const to = new Date();
    const from = new Date(to.getTime() - 89 * 86400000);
    this.el.innerHTML = `
      <h2>Verdicts on the licence obligations</h2>
      <p class="cv-note">Only valid tests count; SYNTHETIC tests never count toward a verdict. <em>Violation</em> only when the whole
        interval is on the wrong side of the requirement, <em>compliant</em> when it is wholly on the right side.</p>
      <form class="cv-form" id="verdicts-form">
        <label>Obligation <select id="verdicts-obligation"></select></label>
        <label>From <input type="date" id="verdicts-from" value="${day(from)}"></label>
        <label>To <input type="date" id="verdicts-to" value="${day(to)}"></label>
        <label>Sources <select id="verdicts-sources"><option value="all">all</option><option value="crowd">crowd</option>
          <option value="inspector">inspector</option></select></label>
        <label class="cv-check"><input type="checkbox" id="verdicts-one"> one test per network per day</label>
        <button type="submit" id="verdicts-run">Judge</button>
      </form>
      <p class="cv-rule" id="verdicts-rule"></p>
      <div class="cv-grid">
        <div><label>Map for operator <select id="verdicts-operator"></select></label><div id="verdicts-map" class="cv-map"></div>
          <p class="cv-legend"><span style="background:${COLOURS.violation}"></span>violation <span style="background:${COLOURS.inconclusive}"></span>inconclusive
            <span style="background:${COLOURS.compliant}"></span>compliant</p></div>
        <div><h3>Intervals</h3><div id="verdicts-forest" class="cv-forest"></div></div>
      </div>
      <div class="cv-table-wrap"><table class="cv-table" id="verdicts-table"><thead><tr><th>Operator</th><th>Region</th><th>n</th><th>k</th>
        <th>Estimate</th><th>Interval</th><th>Verdict</th><th>Further tests</th><th>Evidence</th></tr></thead><tbody></tbody></table></div>
      <details class="cv-edit"><summary>New version of this obligation</summary>
        <textarea id="verdicts-json" rows="10" spellcheck="false"></textarea>
        <button type="button" id="verdicts-save">Save new version</button> <span id="verdicts-save-status" role="status"></span>
      </details>`;
    const $ = id => this.el.querySelector('#' + id);
    $('verdicts-form').addEventListener('submit', e => { e.preventDefault(); this.load(); });
    $('verdicts-obligation').addEventListener('change', () => { this._showRule(); this.load(); });
    $('verdicts-operator').addEventListener('change', () => this._colourMap());
    $('verdicts-save').addEventListener('click', () => this._save());
    $('verdicts-table').addEventListener('click', e => {
      const b = e.target.closest('button.cv-open-case');
      if (b) this._openCase(this.rows[Number(b.dataset.row)]);
    });
    this._start();
  }

  async _start() {
    hooks.verdicts = 'loading';
    try {
      const [obligations, shapes] = await Promise.all([getJson('/api/quality/obligations'), api.regionShapes().catch(() => null)]);
      this.obligations = obligations;
      this.shapes = shapes;
      const sel = this.el.querySelector('#verdicts-obligation');
      sel.innerHTML = obligations.map(o => `<option value="${esc(o.id)}">${esc(o.id)} (v${o.version})</option>`).join('');
      this._showRule();
      await this.load();
    } catch (e) {
      hooks.verdicts = 'error';
      showError(e);
    }
  }

  _obligation() { return this.obligations.find(o => o.id === this.el.querySelector('#verdicts-obligation').value); }

  _showRule() {
    const o = this._obligation();
    this.el.querySelector('#verdicts-rule').textContent = o ? `${o.rule_text}. ${o.note || ''}` : '';
    const copy = o ? { ...o } : {};
    delete copy.rule_text; delete copy.version;
    this.el.querySelector('#verdicts-json').value = JSON.stringify(copy, null, 2);
  }

  params() {
    const v = id => this.el.querySelector('#' + id).value;
    return { obligation: v('verdicts-obligation'), from: v('verdicts-from'), to: v('verdicts-to'), sources: v('verdicts-sources'),
      one_per_network_day: this.el.querySelector('#verdicts-one').checked ? 'true' : null };
  }

  async load() {
    hooks.verdicts = 'loading';
    try {
      this.rows = await getJson('/api/quality/verdicts', this.params());
      const ops = [...new Set(this.rows.map(r => r.operator))].sort();
      const opSel = this.el.querySelector('#verdicts-operator');
      const keep = opSel.value;
      opSel.innerHTML = ops.map(o => `<option value="${esc(o)}">${esc(o || 'every operator')}</option>`).join('');
      if (ops.includes(keep)) opSel.value = keep;
      this._table();
      this._forest();
      this._map();
      hooks.verdictRows = String(this.rows.length);
      hooks.verdicts = 'ready';
    } catch (e) {
      hooks.verdicts = 'error';
      showError(e);
    }
  }

  _fmt(x, share) { return x == null ? '—' : share ? `${(x * 100).toFixed(1)}%` : x.toFixed(2); }

  _table() {
    const p = this.params();
    const body = this.el.querySelector('#verdicts-table tbody');
    body.innerHTML = this.rows.map((r, i) => {
      const share = r.rule === 'share_at_least';
      const href = buildUrl('/api/quality/verdicts/evidence', { obligation: r.obligation, operator: r.operator, region: r.region, settlement: r.settlement,
        from: p.from, to: p.to, sources: p.sources === 'all' ? null : p.sources, one_per_network_day: p.one_per_network_day });
      const further = r.verdict !== 'inconclusive' ? '' : r.further_tests != null ? `≈ ${fmtInt(r.further_tests)}` : esc(r.further_reason || '—');
      return `<tr class="cv-${r.verdict}"><td>${esc(r.operator || 'every operator')}</td><td>${esc(r.region || '(none)')}</td><td>${fmtInt(r.n)}</td>
        <td>${fmtInt(r.k)}</td><td>${this._fmt(r.estimate, share)}</td><td>[${this._fmt(r.ci_low, share)}, ${this._fmt(r.ci_high, share)}]</td>
        <td><span class="cv-badge" style="background:${COLOURS[r.verdict]}">${r.verdict}</span></td><td>${further}</td>
        <td><a href="${esc(href)}" target="_blank" rel="noopener">HTML</a> · <a href="${esc(href + '&format=csv')}">CSV</a>${
          r.verdict === 'violation' ? ` · <button type="button" class="cv-open-case" data-row="${i}">Open case</button>` : ''}</td></tr>`;
    }).join('') || '<tr><td colspan="9">No counted tests for this obligation in the period.</td></tr>';
  }

  /** Opens a case on a violation row (POST /api/quality/cases) and shows it in the case list below. */
  async _openCase(r) {
    const p = this.params();
    // The case is opened under the signed-in user (the server takes the actor from the session, not the body).
    if (!window.confirm(`Open a case against ${r.operator} for ${r.obligation}?`)) return;
    try {
      const c = await sendJson('POST', '/api/quality/cases', {
        obligation: r.obligation, version: r.obligation_version, operator: r.operator, region: r.region || '', settlement: r.settlement || undefined,
        from: p.from, to: p.to, n: r.n, k: r.k, estimate: r.estimate, ciLow: r.ci_low, ciHigh: r.ci_high,
      });
      await this.view.cases.load();
      if (c && c.id != null) await this.view.cases.open(c.id);
      this.view.cases.el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (e) {
      showError(e);
    }
  }

  /** A forest plot in SVG: one row per unit, the interval as a bar, the estimate as a dot, the requirement as a vertical line. */
  _forest() {
    const el = this.el.querySelector('#verdicts-forest');
    const rows = this.rows;
    if (!rows.length) { el.innerHTML = '<p>No intervals.</p>'; delete hooks.verdictIntervals; return; }
    const share = rows[0].rule === 'share_at_least';
    const req = rows[0].required;
    let lo = 0, hi = 1;
    if (!share) {
      const vals = rows.flatMap(r => [r.ci_low, r.ci_high, r.estimate]).filter(x => x != null).concat([req]);
      lo = Math.min(...vals); hi = Math.max(...vals); if (hi <= lo) hi = lo + 1;
    }
    const W = 360, left = 120, rowH = 18, H = rows.length * rowH + 42;
    const x = v => left + (W - left - 10) * (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo);
    const bars = rows.map((r, i) => {
      const y = 22 + i * rowH + rowH / 2;
      const a = x(r.ci_low ?? lo), b = x(r.ci_high ?? hi);
      const label = `${r.operator || 'all'} · ${r.region || '—'}`;
      return `<g class="cv-interval" data-verdict="${r.verdict}"><text x="${left - 6}" y="${y + 4}" text-anchor="end">${esc(label.slice(0, 22))}</text>
        <line x1="${a}" x2="${b}" y1="${y}" y2="${y}" stroke="${COLOURS[r.verdict]}" stroke-width="5" stroke-linecap="butt"/>
        ${r.estimate == null ? '' : `<circle cx="${x(r.estimate)}" cy="${y}" r="3.5" fill="#111"/>`}
        <title>${esc(label)}: [${this._fmt(r.ci_low, share)}, ${this._fmt(r.ci_high, share)}], ${r.verdict}</title></g>`;
    }).join('');
    el.innerHTML = `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Intervals against the requirement">
      ${bars}<line x1="${x(req)}" x2="${x(req)}" y1="16" y2="${H - 18}" stroke="#000" stroke-dasharray="4 3"/>
      <text x="${Math.min(x(req), W - 70)}" y="11" text-anchor="middle">required ${this._fmt(req, share)}</text>
      <text x="${left}" y="${H - 4}">${this._fmt(lo, share)}</text><text x="${W - 10}" y="${H - 4}" text-anchor="end">${this._fmt(hi, share)}</text></svg>`;
    hooks.verdictIntervals = 'drawn';
  }

  _map() {
    const el = this.el.querySelector('#verdicts-map');
    if (!window.L || !el || !this.shapes) return;
    if (!this.map) {
      this.map = withBasemap(L.map(el, { zoomSnap: 0.25, attributionControl: false, fadeAnimation: false }));
      this.map.fitBounds(KZ_BOUNDS, { padding: [4, 4], animate: false });
      this.layer = L.geoJSON(this.shapes, {
        style: f => this._style(f),
        onEachFeature: (f, layer) => layer.bindTooltip(() => this._tip(f), { sticky: true }),
      }).addTo(this.map);
    }
    this._colourMap();
  }

  _row(code) {
    const op = this.el.querySelector('#verdicts-operator').value;
    return this.rows.find(r => r.region === code && r.operator === op);
  }

  _style(f) {
    const r = this._row(f.properties?.code);
    return { color: '#fff', weight: 1, fillColor: r ? COLOURS[r.verdict] : '#eceff1', fillOpacity: r ? 0.75 : 0.4 };
  }

  _tip(f) {
    const r = this._row(f.properties?.code);
    const name = esc(f.properties?.name || f.properties?.code);
    return r ? `${name}: ${r.verdict}, n = ${fmtInt(r.n)}` : `${name}: no tests`;
  }

  _colourMap() { if (this.layer) this.layer.setStyle(f => this._style(f)); }

  async _save() {
    const status = this.el.querySelector('#verdicts-save-status');
    let body;
    try { body = JSON.parse(this.el.querySelector('#verdicts-json').value); } catch (e) { status.textContent = `Not valid JSON: ${e.message}`; return; }
    try {
      const saved = await sendJson('POST', '/api/quality/obligations', body);
      status.textContent = `Saved ${saved.id} version ${saved.version}.`;
      this.obligations = await getJson('/api/quality/obligations');
      const sel = this.el.querySelector('#verdicts-obligation');
      sel.innerHTML = this.obligations.map(o => `<option value="${esc(o.id)}">${esc(o.id)} (v${o.version})</option>`).join('');
      sel.value = saved.id;
      this._showRule();
      await this.load();
    } catch (e) {
      const errors = e.errors ? Object.entries(e.errors).map(([k, v]) => `${k}: ${[].concat(v).join('; ')}`).join(' · ') : e.message;
      status.textContent = errors;
    }
  }
}

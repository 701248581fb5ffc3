// Fibre plan layer: asks /api/fibre/plan to connect settlements to the backbone at least cost, draws the routes
// (their own SVG pane above the points), stamps the map while the plan is on the proxy network, summarises the
// totals and, for an open settlement card, highlights that settlement's path to the backbone.
// Hooks for the browser tests: document.body.dataset.fibre = running | ready | error, dataset.fibreRoutes (routes
// drawn), dataset.fibrePath (the settlement whose path is highlighted), path.fibre-route (one per route).
import { api, getJson } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtNum, kindLabel } from './format.js';
import { locale } from './i18n.js';

const L = window.L;
const $ = id => document.getElementById(id);
const hooks = document.body.dataset;

/** How a route is built (the cost class of its edges), best first. The proxy network only has paved-road. */
export const COST_CLASSES = [
  { id: 'paved-road', label: 'Along a paved road', color: '#1b2a3a', dash: null },
  { id: 'minor-road', label: 'Along a minor road', color: '#3d5a80', dash: null },
  { id: 'track', label: 'Along a track', color: '#3d5a80', dash: '7 5' },
  { id: 'rail', label: 'Along a railway', color: '#6b4f2a', dash: '2 5' },
  { id: 'connector', label: 'Off-network connector', color: '#8a2c5e', dash: '1 4' },
];
const COST_BY_ID = new Map(COST_CLASSES.map(c => [c.id, c]));
const OTHER_CLASS = { id: 'other', label: 'Other', color: '#52606d', dash: null };

const PATH_COLOR = '#e0168a';
const BACKBONES = { towns: 'cities & towns', fibre: 'settlements on fibre now' };
const FINISH = {
  optimal: { label: 'proven optimal', proven: true },
  exact: { label: 'solved exactly (proven optimal)', proven: true },
  reduced: { label: 'solved by reductions (proven optimal)', proven: true },
  trivial: { label: 'nothing to search', proven: true },
  time: { label: 'budget reached', proven: false, title: 'The search used its whole time budget; the gap says how far from optimal the plan can be at most' },
  stall: { label: 'no more improvement', proven: false, title: 'The search stopped after many restarts without improvement; the gap says how far from optimal the plan can be at most' },
  starts: { label: 'restart limit', proven: false, title: 'The search used its maximum number of restarts; the gap says how far from optimal the plan can be at most' },
};
const DEFAULTS = { minPopulation: 200, seconds: 10, backbone: 'towns' };
const FIELDS = { region: 'fibre-region', minPopulation: 'fibre-min-population', backbone: 'fibre-backbone', seconds: 'fibre-seconds' };

/** Tenge with a unit: 22.6 bn ₸, 391 mn ₸, 13.3 mn ₸, 950,000 ₸. */
export function fmtTenge(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  const n = Number(v), a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)} bn ₸`;
  if (a >= 1e8) return `${Math.round(n / 1e6)} mn ₸`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)} mn ₸`;
  return `${fmtInt(n)} ₸`;
}

/** Kilometres with one decimal and thousands separators: "4,528.7 km". */
export function fmtKm(v) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  return `${Number(v).toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`;
}

/** The gap between the plan and its proven lower bound, in percent: "0%", "0.091%". */
export function fmtGap(pct) {
  if (pct == null || !Number.isFinite(Number(pct))) return '—';
  return `${Number(Number(pct).toFixed(3))}%`;
}

const secs = v => `${Number(v).toLocaleString(locale(), { maximumFractionDigits: 2 })} s`;

export class FibrePlan {
  /**
   * @param {{map: L.Map, panel: HTMLElement, settlement: (id: string) => any, onOpenSettlement: (id: string) => void,
   *          cardOpen: () => boolean, regionBounds: (code: string) => L.LatLngBounds|null}} opts
   *   settlement: the loaded map point of an id ({id, name, kind, pop, region, tech}) or null.
   */
  constructor({ map, panel, settlement, onOpenSettlement, cardOpen, regionBounds }) {
    this.map = map;
    this.panel = panel;
    this.settlement = settlement;
    this.onOpenSettlement = onOpenSettlement;
    this.cardOpen = cardOpen || (() => false);
    this.regionBounds = regionBounds || (() => null);
    this.plan = null;            // the last plan JSON (/api/fibre/plan)
    this.params = null;          // the parameters it was asked with
    this.routes = [];            // {props, cls, proj, bbox}
    this.regions = new Map();
    this._paths = null;          // Promise<Map<settlementId, feature>> for the current plan
    this._seq = 0;
    this._timer = 0;
    this._filterRegion = '';
    this._pathFor = null;        // the settlement whose path (or status) is shown

    for (const [name, z] of [['dalaFibre', 455], ['dalaFibrePath', 457]]) {
      const pane = map.createPane(name);
      pane.style.zIndex = z;
      pane.style.pointerEvents = 'none';
    }
    this.renderer = L.svg({ pane: 'dalaFibre', padding: 0.5 });
    // Thinner lines at the national zoom, where thousands of routes meet (CSS, by the pane's data-zoom).
    const zoomClass = () => {
      const z = map.getZoom();
      map.getPane('dalaFibre').dataset.zoom = z < 5.5 ? 'low' : z < 7.5 ? 'mid' : 'high';
    };
    map.on('zoomend', zoomClass);
    zoomClass();
    this.pathRenderer = L.svg({ pane: 'dalaFibrePath', padding: 0.5 });
    this.layer = L.layerGroup();
    this.pathLayer = L.layerGroup();
    this.stamp = this._createStamp();
    this._build();
    this.pointerOverlay = this._overlay();
  }

  get isOn() { return $('layer-fibre').checked; }

  // ------------------------------------------------------------------ panel
  _build() {
    const list = this.panel.querySelector('.layer-list');
    const row = document.createElement('div');
    row.className = 'layer layer-fibre';
    row.id = 'layer-fibre-row';
    row.dataset.layer = 'fibre';
    row.innerHTML = `
      <label class="layer-row" for="layer-fibre" title="Least-cost fibre from the backbone to the settlements (Steiner tree on the proxy network)">
        <input type="checkbox" id="layer-fibre">
        <span class="layer-icon layer-icon-fibre" aria-hidden="true"></span>
        <span class="layer-name">Fibre plan <span class="layer-sub">· proxy</span></span>
        <span class="layer-syn" id="layer-fibre-syn" hidden title="The backbone (settlements on fibre) is a SYNTHETIC scenario">SYN</span>
        <span class="layer-meta" id="layer-fibre-meta"></span>
      </label>
      <div class="layer-note" id="layer-fibre-note">Connect villages to the backbone at least cost</div>
      <div class="layer-extra fibre-extra" id="layer-fibre-extra" hidden>
        <form id="fibre-form" class="fibre-form" novalidate>
          <label for="fibre-region">Region</label>
          <select id="fibre-region" title="Plan for one region (its villages, its backbone) or the whole country. Follows the region filter.">
            <option value="">Whole country</option>
          </select>
          <label for="fibre-backbone">Backbone</label>
          <select id="fibre-backbone" title="Where fibre is taken to be available already">
            <option value="towns">Cities &amp; towns</option>
            <option value="fibre">Settlements on fibre now</option>
            <option value="towns-and-fibre">Both</option>
          </select>
          <label for="fibre-min-population" title="Villages and hamlets with at least this many people are connected">Min. pop.</label>
          <div class="fibre-pair">
            <input id="fibre-min-population" type="number" min="0" step="1" inputmode="numeric" value="${DEFAULTS.minPopulation}" placeholder="${DEFAULTS.minPopulation}"
                   title="Villages and hamlets with at least this many people are connected">
            <label for="fibre-seconds" class="fibre-inline" title="Time budget of the search; it stops early when the plan is proven optimal">Budget</label>
            <span class="fibre-unit"><input id="fibre-seconds" type="number" min="1" max="60" step="1" inputmode="numeric" value="${DEFAULTS.seconds}" placeholder="${DEFAULTS.seconds}"
                   title="Time budget of the search in seconds (1–60); it stops early when the plan is proven optimal"><span>s</span></span>
          </div>
          <div class="fibre-go">
            <button type="submit" id="fibre-plan" class="button fibre-plan-button">Plan</button>
            <span id="fibre-stale" class="fibre-stale" hidden>Settings changed — press Plan</span>
          </div>
        </form>
        <div id="fibre-progress" class="fibre-progress" role="progressbar" aria-label="Fibre plan search" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" hidden>
          <div class="fibre-progress-track"><span id="fibre-progress-bar" class="fibre-progress-bar"></span></div>
          <div id="fibre-progress-label" class="fibre-progress-label"></div>
        </div>
        <div id="fibre-failed" class="fibre-failed" role="alert" hidden></div>
        <section id="fibre-summary" class="fibre-summary" aria-label="Fibre plan summary" data-state="none" hidden></section>
      </div>`;
    list.appendChild(row);

    $('layer-fibre').addEventListener('change', e => this._toggle(e.target.checked));
    $('fibre-form').addEventListener('submit', e => { e.preventDefault(); this.run(); });
    for (const id of Object.values(FIELDS)) {
      $(id).addEventListener('input', () => { $(id).classList.remove('invalid'); this._markStale(); });
      $(id).addEventListener('change', () => this._markStale());
    }
  }

  _renderRow() {
    const on = this.isOn;
    const row = $('layer-fibre-row');
    row.classList.toggle('is-on', on);
    row.classList.toggle('is-busy', hooks.fibre === 'running');
    $('layer-fibre-extra').hidden = !on;
    const p = this.plan;
    $('layer-fibre-meta').textContent = p ? `${fmtInt(p.km)} km` : '';
    $('layer-fibre-meta').title = p ? `${fmtKm(p.km)}, ${fmtTenge(p.costTenge)}` : '';
    $('layer-fibre-syn').hidden = !(p && p.synthetic);
    const note = $('layer-fibre-note');
    note.textContent = hooks.fibre === 'running' ? 'Planning…' : p ? '' : 'Connect villages to the backbone at least cost';
    note.hidden = !note.textContent || (on && !p && hooks.fibre !== 'running');
  }

  /** Fills the region choice from /api/regions (keeps the current choice). */
  setRegions(list) {
    this.regions = new Map((Array.isArray(list) ? list : []).map(r => [r.code, r]));
    const sel = $('fibre-region');
    const current = sel.value || this._filterRegion;
    const sorted = [...this.regions.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    sel.innerHTML = '<option value="">Whole country</option>' + sorted.map(r => `<option value="${esc(r.code)}">${esc(r.name)}</option>`).join('');
    if (current && this.regions.has(current)) sel.value = current;
  }

  /** The map's region filter changed: the plan's region follows it (it can still be changed here). */
  followRegion(code) {
    code = code || '';
    if (code === this._filterRegion) return;
    this._filterRegion = code;
    const sel = $('fibre-region');
    if (!code || [...sel.options].some(o => o.value === code)) sel.value = code;
    this._markStale();
  }

  _formParams() {
    const num = id => {
      const v = $(id).value.trim();
      return v === '' ? null : v;   // the server validates (and says what is wrong)
    };
    return {
      region: $('fibre-region').value || null,
      minPopulation: num('fibre-min-population') ?? DEFAULTS.minPopulation,
      backbone: $('fibre-backbone').value || DEFAULTS.backbone,
      seconds: num('fibre-seconds') ?? DEFAULTS.seconds,
    };
  }

  _markStale() {
    const stale = !!this.params && hooks.fibre === 'ready' &&
      JSON.stringify(this._formParams()) !== JSON.stringify(this.params);
    $('fibre-stale').hidden = !stale;
  }

  // ------------------------------------------------------------------ planning
  /** Asks for a plan with the form's parameters, draws it and fills the summary. */
  async run() {
    if (hooks.fibre === 'running') return;
    const params = this._formParams();
    const seq = ++this._seq;
    for (const id of Object.values(FIELDS)) $(id).classList.remove('invalid');
    const button = $('fibre-plan');
    button.disabled = true;
    button.textContent = 'Planning…';
    hooks.fibre = 'running';
    $('fibre-stale').hidden = true;
    $('fibre-failed').hidden = true;
    this._renderRow();
    const budget = Number(params.seconds);
    this._startProgress(Number.isFinite(budget) && budget > 0 ? Math.min(60, budget) : DEFAULTS.seconds);
    try {
      // The plan is a job on the server, made once per parameters and registry revision: the totals are asked (and
      // waited for, the job's phase shown) first, then its routes, made by the same job.
      const plan = await api.fibrePlan(params, { onProgress: p => this._jobPhase(p) });
      if (seq !== this._seq) return;
      const fc = await api.fibrePlanGeoJson({ ...params, paths: 'false' });
      if (seq !== this._seq) return;
      this.plan = plan;
      this.params = params;
      this._paths = null;
      this._draw(fc);
      this._renderSummary();
      this._updateStamp();
      this._fit();
      hooks.fibre = 'ready';
      hooks.fibreRoutes = String(this.routes.length);
      if (this._pathFor) this.showSettlement(this._pathFor);
    } catch (e) {
      if (seq !== this._seq) return;
      hooks.fibre = 'error';
      for (const [k, id] of Object.entries(FIELDS)) if (e?.errors && e.errors[k]) $(id).classList.add('invalid');
      showError(e, 'Fibre plan');
      this._renderError(e);
    } finally {
      if (seq === this._seq) {
        this._stopProgress();
        button.disabled = false;
        button.textContent = 'Plan';
        this._renderRow();
        this._markStale();
      }
    }
  }

  _startProgress(budget) {
    this._queued = false;
    const t0 = performance.now();
    const box = $('fibre-progress'), bar = $('fibre-progress-bar'), label = $('fibre-progress-label');
    box.hidden = false;
    const tick = () => {
      const s = (performance.now() - t0) / 1000;
      const f = Math.min(1, s / budget);
      bar.style.width = `${(f * 100).toFixed(1)}%`;
      box.setAttribute('aria-valuenow', String(Math.round(f * 100)));
      label.innerHTML = this._queued ? 'Waiting for a free planner on the server…' : s < budget
        ? `Searching… <b>${Math.floor(s)}</b> of ${fmtInt(budget)} s <span class="muted">· stops early when proven optimal</span>`
        : 'Budget used: finishing the plan…';
    };
    tick();
    clearInterval(this._timer);
    this._timer = setInterval(tick, 200);
  }

  /** What the server's job is doing (queued behind others, or solving). */
  _jobPhase(pending) {
    hooks.fibreJob = pending?.jobId ? String(pending.jobId) : '';
    this._queued = pending?.status === 'queued';
  }

  _stopProgress() {
    clearInterval(this._timer);
    this._timer = 0;
    $('fibre-progress').hidden = true;
  }

  // ------------------------------------------------------------------ drawing
  _draw(fc) {
    this.layer.clearLayers();
    this.routes = [];
    const crs = L.CRS.EPSG3857;
    const casings = [], lines = [];
    for (const f of Array.isArray(fc?.features) ? fc.features : []) {
      const p = f?.properties || {};
      if (p.kind !== 'route' || f.geometry?.type !== 'LineString') continue;
      const latlngs = (f.geometry.coordinates || []).filter(c => Array.isArray(c) && Number.isFinite(+c[0]) && Number.isFinite(+c[1]))
        .map(c => [+c[1], +c[0]]);
      if (latlngs.length < 2) continue;
      const cls = COST_BY_ID.get(p.costClass) || OTHER_CLASS;
      const base = { renderer: this.renderer, interactive: false, lineCap: 'round', lineJoin: 'round' };
      casings.push(L.polyline(latlngs, { ...base, color: '#ffffff', weight: 5.5, opacity: 0.85, className: 'fibre-route-casing' }));
      lines.push(L.polyline(latlngs, { ...base, color: cls.color, weight: 2.5, opacity: 0.95, dashArray: cls.dash, className: `fibre-route fibre-${cls.id}` }));
      let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
      const proj = new Float64Array(latlngs.length * 2);
      latlngs.forEach((ll, k) => {
        const q = crs.latLngToPoint(L.latLng(ll[0], ll[1]), 0);
        proj[k * 2] = q.x; proj[k * 2 + 1] = q.y;
        if (q.x < w) w = q.x; if (q.x > e) e = q.x; if (q.y < s) s = q.y; if (q.y > n) n = q.y;
      });
      this.routes.push({ props: p, cls, latlngs, proj, bbox: [w, s, e, n] });
    }
    for (const l of [...casings, ...lines]) this.layer.addLayer(l);
    if (this.isOn && !this.map.hasLayer(this.layer)) this.layer.addTo(this.map);
  }

  /** Fits the view to the plan (or its region), clear of the layers panel and the card. */
  _fit() {
    if (!this.isOn) return;
    let b = null;
    for (const r of this.routes) b = b ? b.extend(r.latlngs) : L.latLngBounds(r.latlngs);
    const region = this.plan?.assumptions?.region;
    const rb = region ? this.regionBounds(region) : null;
    if (rb && rb.isValid()) b = b ? L.latLngBounds(rb.getSouthWest(), rb.getNorthEast()).extend(b) : rb;
    if (!b || !b.isValid()) return;
    // Keep the view when the plan is already well in sight (a national plan in the national view); else fit it.
    const pad = this._padding();
    const size = this.map.getSize();
    const nw = this.map.latLngToContainerPoint(b.getNorthWest()), se = this.map.latLngToContainerPoint(b.getSouthEast());
    const inView = nw.x >= 0 && nw.y >= 0 && se.x <= size.x && se.y <= size.y;
    const area = (se.x - nw.x) * (se.y - nw.y);
    const viewArea = Math.max(1, (size.x - pad.paddingTopLeft[0] - pad.paddingBottomRight[0]) * (size.y - pad.paddingTopLeft[1] - pad.paddingBottomRight[1]));
    if (inView && area > 0.3 * viewArea) return;
    this.map.fitBounds(b, { ...pad, animate: false });
  }

  _padding() {
    const mapBox = this.map.getContainer().getBoundingClientRect();
    const panel = this.panel.getBoundingClientRect();
    const left = panel.width ? Math.max(16, panel.right - mapBox.left + 12) : 16;
    const card = $('settlement-card');
    const right = this.cardOpen() && card ? Math.max(16, mapBox.right - card.getBoundingClientRect().left + 12) : 16;
    const bottom = this.stamp._map ? 56 : 16;
    return { paddingTopLeft: [left, 16], paddingBottomRight: [right, bottom] };
  }

  _toggle(on) {
    if (on) {
      this.layer.addTo(this.map);
      this.pathLayer.addTo(this.map);
      if (this._pathFor) this.showSettlement(this._pathFor);
    } else {
      this.layer.remove();
      this._hidePath();
      this.map.closePopup();
    }
    this._updateStamp();
    this._renderRow();
  }

  _createStamp() {
    const control = L.control({ position: 'bottomleft' });
    control.onAdd = () => {
      const el = L.DomUtil.create('div', 'fibre-stamp');
      el.id = 'fibre-proxy-stamp';
      el.title = 'The fibre plan is drawn on a proxy network: straight lines between neighbouring settlements, lengthened by the detour factor. There is no road data behind it.';
      return el;
    };
    return control;
  }

  _updateStamp() {
    const p = this.plan;
    const show = this.isOn && p && (p.network === 'proxy' || p.synthetic);
    if (show) {
      if (!this.stamp._map) this.stamp.addTo(this.map);
      const el = this.stamp.getContainer();
      const detour = p.assumptions?.detour ?? 1.2;
      el.innerHTML = (p.network === 'proxy'
        ? `<span class="fibre-stamp-main">PROXY NETWORK</span> <span class="fibre-stamp-sub">— straight lines × ${esc(fmtNum(detour))} between settlements, no road data</span>` : '') +
        (p.synthetic ? `<span class="fibre-stamp-syn" id="fibre-synthetic" title="The backbone is taken from a SYNTHETIC connectivity scenario">synthetic backbone</span>` : '');
    } else if (this.stamp._map) {
      this.stamp.remove();
    }
    document.body.classList.toggle('fibre-stamped', !!show);
  }

  // ------------------------------------------------------------------ summary
  _regionName(code) {
    return code ? this.regions.get(code)?.name || code : 'Whole country';
  }

  _renderSummary() {
    const p = this.plan, a = p.assumptions || {};
    const el = $('fibre-summary');
    el.hidden = false;
    el.dataset.state = 'ready';
    const finish = FINISH[p.finish] || { label: p.finish || '—', proven: false };
    const unreachable = Array.isArray(p.unreachable) ? p.unreachable : [];
    const names = unreachable.slice(0, 12).map(id => esc(this.settlement(id)?.name || id)).join(', ');
    const more = unreachable.length > 12 ? ` and ${fmtInt(unreachable.length - 12)} more` : '';
    const perKm = Object.entries(a.tengePerKm || {});
    const used = new Set(this.routes.map(r => r.cls.id));
    const rate = perKm.map(([k, v]) => `<li${used.has(k) ? ' class="is-used"' : ''}>${esc(COST_BY_ID.get(k)?.label || k)}: <b>${esc(fmtTenge(v))}</b>/km${used.has(k) ? ' <span class="fibre-used">used</span>' : ''}</li>`).join('');
    const legend = COST_CLASSES.filter(c => used.has(c.id)).concat(used.has('other') ? [OTHER_CLASS] : [])
      .map(c => `<span class="key-item"><svg class="fibre-key" width="22" height="8" aria-hidden="true"><line x1="1" y1="4" x2="21" y2="4" stroke="#fff" stroke-width="5" stroke-linecap="round"/><line x1="1" y1="4" x2="21" y2="4" stroke="${c.color}" stroke-width="2.25" stroke-linecap="round"${c.dash ? ` stroke-dasharray="${c.dash}"` : ''}/></svg>${esc(c.label.replace(/^Along an? /, 'along ').replace(/^Off-network/, 'off-network'))}</span>`).join('');
    const gapTitle = finish.proven ? 'Proven optimal: the cost equals the lower bound' : 'The plan costs at most this much more than the best possible plan (proven lower bound)';
    el.innerHTML = `
      <div class="cov-head">
        <span class="cov-title">Plan · <span>${esc(this._regionName(a.region))}</span></span>
        ${p.network === 'proxy' ? '<span class="badge fibre-badge-proxy" title="Straight lines between settlements, no road data">proxy</span>' : ''}
        ${p.synthetic ? '<span class="badge badge-synthetic badge-xs" title="The backbone is taken from a SYNTHETIC connectivity scenario">synthetic</span>' : ''}
      </div>
      <div class="cov-kpis">
        <div class="cov-kpi" title="Route kilometres to build (${esc(fmtInt(p.routes))} routes)"><span class="cov-v" id="fibre-km" data-value="${esc(p.km)}">${esc(fmtKm(p.km).replace(/ km$/, ''))}</span><span class="cov-l">route km</span></div>
        <div class="cov-kpi" title="${esc(fmtInt(p.costTenge))} tenge"><span class="cov-v" id="fibre-cost" data-value="${esc(p.costTenge)}">${esc(fmtTenge(p.costTenge))}</span><span class="cov-l">cost</span></div>
        <div class="cov-kpi" title="${esc(gapTitle)}"><span class="cov-v" id="fibre-gap" data-value="${esc(p.gapPercent)}">${esc(fmtGap(p.gapPercent))}</span><span class="cov-l">gap to bound</span></div>
      </div>
      <table class="fibre-facts">
        <tr><th>Settlements to connect</th><td id="fibre-to-connect">${esc(fmtInt(p.settlementsToConnect))}</td></tr>
        <tr><th>Connected</th><td id="fibre-connected" data-value="${esc(p.connected)}">${esc(fmtInt(p.connected))}</td></tr>
        <tr><th>Unreachable</th><td id="fibre-unreachable" data-value="${unreachable.length}"${unreachable.length ? ' class="has-names"' : ''}>${unreachable.length ? `<b class="no">${esc(fmtInt(unreachable.length))}</b>: ${names}${more}` : '0'}</td></tr>
        <tr title="Backbone: ${esc(BACKBONES[a.backbone] || a.backbone || '')}"><th>Backbone settlements</th><td id="fibre-backbone-count">${esc(fmtInt(p.backboneSettlements))}</td></tr>
        <tr><th>Routes</th><td id="fibre-routes">${esc(fmtInt(p.routes))}</td></tr>
        <tr><th>Proven lower bound</th><td id="fibre-lower-bound" title="${esc(fmtInt(p.lowerBoundTenge))} tenge: no plan can cost less">${esc(fmtTenge(p.lowerBoundTenge))}</td></tr>
        <tr><th>Search time</th><td id="fibre-seconds-used">${esc(secs(p.seconds))} <span class="muted">of ${esc(secs(a.seconds ?? this.params?.seconds))}</span></td></tr>
        <tr><th>Finish</th><td id="fibre-finish" data-value="${esc(p.finish)}" class="${finish.proven ? 'yes' : ''}" title="${esc(finish.title || finish.label)}">${esc(finish.label)}</td></tr>
      </table>
      ${legend ? `<div class="key-row key-row-small fibre-legend">${legend}</div>` : ''}
      <div class="cov-links">
        <a id="fibre-geojson" class="button button-small" href="${esc(p.geoJsonUrl)}" download title="Routes and each settlement's path to the backbone (GeoJSON lines)">GeoJSON</a>
        <a id="fibre-csv" class="button button-small" href="${esc(p.pathsCsvUrl)}" download title="One line per settlement: backbone, km, tenge">CSV</a>
      </div>
      <details class="cov-assumptions fibre-assumptions"><summary>Assumptions</summary>
        <ul class="fibre-rates">${rate}</ul>
        <p id="fibre-assumptions">Detour × ${esc(fmtNum(a.detour))} on straight lines · ${esc((a.kinds || []).map(kindLabel).join(', ').toLowerCase())} with ≥ ${esc(fmtInt(a.minPopulation))} people ·
          backbone: ${esc(BACKBONES[a.backbone] || a.backbone || '—')} · seed ${esc(a.seed)}<br>${esc(p.networkDescription || '')}</p>
      </details>`;
  }

  /** Why the last Plan failed, above the summary of the previous plan (which stays). */
  _renderError(e) {
    const el = $('fibre-failed');
    el.hidden = false;
    const items = e?.errors && typeof e.errors === 'object'
      ? Object.entries(e.errors).map(([k, v]) => `<li><b>${esc(k)}</b>: ${esc([].concat(v).join('; '))}</li>`).join('') : '';
    el.innerHTML = `
      <div class="fibre-error" id="fibre-error"><b>No plan.</b> ${esc(e?.title || e?.message || 'The plan failed')}${e?.detail ? `: ${esc(e.detail)}` : ''}${items ? `<ul>${items}</ul>` : ''}</div>
      ${this.plan ? '<div class="fibre-failed-note">The map and the summary below still show the previous plan.</div>' : ''}`;
  }

  // ------------------------------------------------------------------ pointer: hover label and popup of routes
  _overlay() {
    return {
      above: false,   // points first: their card matters more than the route under them
      tipClass: 'tip-fibre',
      active: () => this.isOn && this.map.hasLayer(this.layer) && this.routes.length > 0,
      hitTest: cp => this._routeAt(cp),
      describe: i => {
        if (this.popup && this.popup.isOpen() && this.popup._route === i) return '';   // its popup says it all
        const p = this.routes[i].props;
        return `<b>${esc(p.fromName || p.from)} — ${esc(p.toName || p.to)}</b> <span class="tip-kind">planned fibre</span><br>` +
          `${esc(fmtKm(p.km))} · ${esc(fmtTenge(p.costTenge))} · ${esc((COST_BY_ID.get(p.costClass) || OTHER_CLASS).label.toLowerCase())}`;
      },
      click: (i, e) => this.openRoute(i, e?.latlng),
    };
  }

  _routeAt(cp) {
    const map = this.map;
    const s = map.getZoomScale(map.getZoom(), 0);
    const origin = map.getPixelOrigin();
    const lp = map.containerPointToLayerPoint(cp);
    const wx = (lp.x + origin.x) / s, wy = (lp.y + origin.y) / s;
    const tol = 5 / s, tol2 = tol * tol;
    let best = null, bestD = tol2;
    this.routes.forEach((r, i) => {
      const b = r.bbox;
      if (wx < b[0] - tol || wx > b[2] + tol || wy < b[1] - tol || wy > b[3] + tol) return;
      const xy = r.proj;
      for (let k = 0; k + 3 < xy.length; k += 2) {
        const d = segDist2(wx, wy, xy[k], xy[k + 1], xy[k + 2], xy[k + 3]);
        if (d <= bestD) { bestD = d; best = i; }
      }
    });
    return best;
  }

  /** Opens the popup of a route (index into this.routes). */
  openRoute(i, latlng) {
    const r = this.routes[i];
    if (!r) return;
    const p = r.props;
    const at = latlng || L.latLngBounds(r.latlngs).getCenter();
    const perKm = this.plan?.assumptions?.tengePerKm?.[p.costClass];
    const place = (id, name) => `<button type="button" class="link-button fibre-open" data-id="${esc(id)}" title="Open the settlement card">${esc(name || id)}</button>`;
    const popup = L.popup({ maxWidth: 340, minWidth: 240, className: 'fibre-popup', autoPanPaddingTopLeft: [this._padding().paddingTopLeft[0], 20] })
      .setLatLng(at)
      .setContent(`
        <div class="fibre-pop" data-from="${esc(p.from)}" data-to="${esc(p.to)}">
          <div class="fibre-pop-head"><span class="fibre-pop-title">Planned fibre route</span>
            ${this.plan?.network === 'proxy' ? '<span class="badge fibre-badge-proxy">proxy</span>' : ''}</div>
          <div class="fibre-pop-ends">${place(p.from, p.fromName)} <span class="muted">—</span> ${place(p.to, p.toName)}</div>
          <dl class="site-facts fibre-pop-facts">
            <div><dt>Length</dt><dd class="fibre-pop-km">${esc(fmtKm(p.km))}</dd></div>
            <div><dt>Cost</dt><dd class="fibre-pop-cost" title="${esc(fmtInt(p.costTenge))} tenge">${esc(fmtTenge(p.costTenge))}</dd></div>
            <div class="fibre-pop-built"><dt>Built</dt><dd>${esc((COST_BY_ID.get(p.costClass) || OTHER_CLASS).label.toLowerCase())}${perKm ? ` at ${esc(fmtTenge(perKm))}/km` : ''}${this.plan?.network === 'proxy' ? ` <span class="muted">(× ${esc(fmtNum(this.plan.assumptions?.detour))} straight line)</span>` : ''}</dd></div>
          </dl>
        </div>`)
      .openOn(this.map);
    popup._route = i;
    this.popup = popup;
    popup.getElement()?.querySelectorAll('.fibre-open').forEach(b => b.addEventListener('click', () => {
      this.map.closePopup(popup);
      this.onOpenSettlement(b.dataset.id);
    }));
    return popup;
  }

  // ------------------------------------------------------------------ one settlement's path to the backbone
  /** Paths of the current plan by settlement id, fetched once per plan when first needed. */
  paths() {
    if (!this._paths && this.plan) {
      const plan = this.plan;
      this._paths = getJson(plan.geoJsonUrl).then(fc => {
        const byId = new Map();
        for (const f of Array.isArray(fc?.features) ? fc.features : []) {
          if (f?.properties?.kind === 'path') byId.set(String(f.properties.settlement), f);
        }
        return byId;
      });
      this._paths.catch(() => { if (this.plan === plan) this._paths = null; });
    }
    return this._paths;
  }

  /** Where a settlement stands in the current plan: path | backbone | unreachable | excluded (with why) | outside. */
  _standing(s) {
    const p = this.plan, a = p?.assumptions || {};
    if (!p || !s) return { kind: 'none' };
    if (a.region && s.region !== a.region) return { kind: 'outside' };
    if ((p.unreachable || []).includes(s.id)) return { kind: 'unreachable' };
    const backbone = a.backbone === 'fibre' ? s.tech === 'fibre' : s.kind === 'city' || s.kind === 'town';
    if (backbone) return { kind: 'backbone' };
    if (!(a.kinds || []).includes(s.kind)) return { kind: 'excluded', why: `${kindLabel(s.kind).toLowerCase()}s are not in this plan` };
    if ((a.minPopulation || 0) > 0 && !(s.pop >= a.minPopulation)) {
      return { kind: 'excluded', why: s.pop == null ? 'population unknown' : `population ${fmtInt(s.pop)} is below ${fmtInt(a.minPopulation)}` };
    }
    return { kind: 'path' };
  }

  /**
   * The settlement card opened (id): shows its standing in the current plan in the card and, when it is connected,
   * highlights its path to the backbone. Paths are fetched only for a settlement that has one.
   */
  async showSettlement(id) {
    this._pathFor = id;
    this._hidePath();
    if (!this.plan || !this.isOn) return;
    const s = this.settlement(id);
    const standing = this._standing(s);
    if (standing.kind === 'none' || standing.kind === 'outside') return;
    const section = this._cardSection();
    if (!section) return;
    const plan = this.plan;
    const head = `<h3>Fibre plan ${plan.network === 'proxy' ? '<span class="badge fibre-badge-proxy" title="Straight lines between settlements, no road data">proxy</span>' : ''}${plan.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</h3>`;
    const box = (cls, html) => `${head}<div class="fibre-card-status ${cls}">${html}</div>`;
    if (standing.kind === 'backbone') {
      section.dataset.state = 'backbone';
      section.innerHTML = box('is-backbone', `<b>On the backbone</b> <span class="muted">(${esc(BACKBONES[plan.assumptions?.backbone] || '')})</span>: routes of the plan start here.`);
      return;
    }
    if (standing.kind === 'unreachable') {
      section.dataset.state = 'unreachable';
      section.innerHTML = box('is-unreachable', '<b class="no">Unreachable</b> on the network of this plan: no path to the backbone.');
      return;
    }
    if (standing.kind === 'excluded') {
      section.dataset.state = 'excluded';
      section.innerHTML = box('is-excluded', `<span class="muted">Not in this plan: ${esc(standing.why)}.</span>`);
      return;
    }
    section.dataset.state = 'loading';
    section.innerHTML = box('', '<span class="muted">Loading its path to the backbone…</span>');
    let f;
    try {
      f = (await this.paths()).get(String(id));
    } catch (e) {
      if (this._pathFor !== id || this.plan !== plan) return;
      showError(e, 'Fibre plan paths');
      section.dataset.state = 'error';
      section.innerHTML = box('is-unreachable', 'The paths of the plan could not be loaded.');
      return;
    }
    if (this._pathFor !== id || this.plan !== plan || !section.isConnected) return;
    if (!f) {
      section.dataset.state = 'excluded';
      section.innerHTML = box('is-excluded', '<span class="muted">Not connected in this plan.</span>');
      return;
    }
    const p = f.properties;
    section.dataset.state = 'ready';
    section.innerHTML = box('is-path', `
      <div class="fibre-card-main"><span class="fibre-card-line" aria-hidden="true"></span>
        <span class="fibre-card-to">To the backbone at <button type="button" class="link-button fibre-open" id="fibre-path-backbone" data-id="${esc(p.backbone)}" title="Open the backbone settlement's card">${esc(p.backboneName || p.backbone)}</button></span>
        <button type="button" class="link-button fibre-zoom" id="fibre-path-zoom" title="Zoom the map to this path">Zoom to path</button></div>
      <dl class="radio-grid fibre-card-grid">
        <div><dt>Path length</dt><dd id="fibre-path-km" data-value="${esc(p.km)}">${esc(fmtKm(p.km))}</dd></div>
        <div><dt>Cost along it</dt><dd id="fibre-path-cost" data-value="${esc(p.costTenge)}" title="${esc(fmtInt(p.costTenge))} tenge">${esc(fmtTenge(p.costTenge))}</dd></div>
        <div><dt>Passes through</dt><dd>${esc(fmtInt(p.via))} settlement${p.via === 1 ? '' : 's'}</dd></div>
      </dl>
      ${s?.tech === 'fibre' && plan.assumptions?.backbone === 'towns' ? `<p class="fibre-card-note">Already on fibre today: with cities &amp; towns as the backbone the plan still counts it. Plan with <i>settlements on fibre now</i> as the backbone to build only what is missing.</p>` : ''}
      <p class="radio-run">The whole way from the backbone along the plan's routes; routes are shared with other settlements, so these figures do not add up to the plan's cost.</p>`);
    section.querySelector('#fibre-path-backbone').addEventListener('click', e => this.onOpenSettlement(e.currentTarget.dataset.id));
    const latlngs = (f.geometry?.coordinates || []).map(c => [+c[1], +c[0]]);
    section.querySelector('#fibre-path-zoom').addEventListener('click', () => {
      if (latlngs.length) this.map.fitBounds(L.latLngBounds(latlngs), { ...this._padding(), animate: false });
    });
    this._drawPath(latlngs, p);
    hooks.fibrePath = String(id);
  }

  _drawPath(latlngs, p) {
    if (latlngs.length < 2) return;
    const base = { renderer: this.pathRenderer, interactive: false, lineCap: 'round', lineJoin: 'round' };
    this.pathLayer.addLayer(L.polyline(latlngs, { ...base, color: '#ffffff', weight: 9, opacity: 0.95, className: 'fibre-path-casing' }));
    this.pathLayer.addLayer(L.polyline(latlngs, { ...base, color: PATH_COLOR, weight: 4.5, opacity: 1, className: 'fibre-path' }));
    const end = latlngs[latlngs.length - 1];
    // Bring the path into view when it is hidden (under the card or the layers panel, or off screen).
    const b = L.latLngBounds(latlngs);
    const pad = this._padding();
    const size = this.map.getSize();
    const nw = this.map.latLngToContainerPoint(b.getNorthWest()), se = this.map.latLngToContainerPoint(b.getSouthEast());
    const fits = nw.x >= pad.paddingTopLeft[0] && nw.y >= pad.paddingTopLeft[1] &&
      se.x <= size.x - pad.paddingBottomRight[0] && se.y <= size.y - pad.paddingBottomRight[1];
    if (!fits) this.map.fitBounds(b, { ...pad, animate: false, maxZoom: Math.max(this.map.getZoom(), 8) });
    // The backbone's label on the side away from the card and the panel.
    const x = this.map.latLngToContainerPoint(end).x;
    const mid = (pad.paddingTopLeft[0] + size.x - pad.paddingBottomRight[0]) / 2;
    const right = x < mid;
    const mark = L.circleMarker(end, { ...base, radius: 6.5, color: '#ffffff', weight: 2.5, fillColor: PATH_COLOR, fillOpacity: 1, className: 'fibre-path-backbone' });
    mark.bindTooltip(`<b>${esc(p.backboneName || p.backbone)}</b> <span class="tip-kind">backbone</span><br>${esc(fmtKm(p.km))} · ${esc(fmtTenge(p.costTenge))}`,
      { permanent: true, direction: right ? 'right' : 'left', offset: [right ? 9 : -9, 0], className: 'fibre-path-tip', pane: 'tooltipPane' });
    this.pathLayer.addLayer(mark);
    if (!this.map.hasLayer(this.pathLayer)) this.pathLayer.addTo(this.map);
  }

  /** The card's "Fibre plan" section (after the predicted radio service, else after the status). */
  _cardSection() {
    const body = document.getElementById('card-body');
    if (!body || !body.querySelector('.card-status')) return null;
    let el = document.getElementById('card-fibre');
    if (el) return el;
    el = document.createElement('section');
    el.id = 'card-fibre';
    el.className = 'card-section card-fibre';
    el.setAttribute('aria-label', 'Fibre plan');
    const after = document.getElementById('card-radio') || body.querySelector('.card-status');
    after.insertAdjacentElement('afterend', el);
    return el;
  }

  /** The card closed: the highlighted path goes. */
  clearPath() {
    this._pathFor = null;
    this._hidePath();
  }

  _hidePath() {
    this.pathLayer.clearLayers();
    delete hooks.fibrePath;
    document.getElementById('card-fibre')?.remove();
  }
}

function segDist2(px, py, ax, ay, bx, by) {
  let dx = bx - ax, dy = by - ay, x = ax, y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = bx; y = by; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = px - x; dy = py - y;
  return dx * dx + dy * dy;
}

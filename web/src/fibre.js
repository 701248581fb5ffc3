// Fibre plan layer: asks /api/fibre/plan to connect settlements to the backbone at least cost, draws the routes,
// stamps the map while the plan is on the proxy network, summarises the totals and, for an open settlement card,
// highlights that settlement's path to the backbone. This module wires the parts together; each lives in its own:
//   fibre-format.js  vocabulary and formats          fibre-api.js     the plan, its routes and paths from the server
//   fibre-state.js   the one state object they share  fibre-layer.js   routes, stamp, path and fitting on the map
//   fibre-panel.js   the layers panel's row and form  fibre-summary.js the plan's summary
//   fibre-popup.js   hover label and route popup      fibre-card.js    the card's section and the path
// A shared link carries the layer (layers=fibre), the parameters of the plan shown (fibre=…) and the route whose popup
// is open (route=from,to; urlstate.js): app.js writes them from onPlan and onRoute and gives them back to restore,
// which plans again when they differ from the plan shown and then opens the route's popup.
// Hooks for the browser tests: document.body.dataset.fibre = running | ready | error, dataset.fibreRoutes (routes
// drawn), dataset.fibreJob (the server's job while it runs), dataset.fibrePath (see fibre-card.js).
import { showError } from './notify.js';
import { DEFAULTS } from './fibre-format.js';
import { fetchPlan, fetchRoutes } from './fibre-api.js';
import { FibreState } from './fibre-state.js';
import { FibreLayer } from './fibre-layer.js';
import { FibrePanel } from './fibre-panel.js';
import { renderSummary } from './fibre-summary.js';
import { routePointer } from './fibre-popup.js';
import { FibreCard } from './fibre-card.js';

const hooks = document.body.dataset;

export class FibrePlan {
  /**
   * @param {{map: L.Map, panel: HTMLElement, settlement: (id: string) => any, onOpenSettlement: (id: string) => void,
   *          cardOpen: () => boolean, regionBounds: (code: string) => L.LatLngBounds|null,
   *          onPlan?: (params: {region, minPopulation, backbone, seconds}) => void,
   *          onRoute?: (ends: string[]|null) => void}} opts
   *   settlement: the loaded map point of an id ({id, name, kind, pop, region, tech}) or null.
   *   onPlan: a plan was made and is shown, with these parameters; onRoute: a route's popup opened ([from, to]) or
   *   closed (null). Both for the URL.
   */
  constructor({ map, panel, settlement, onOpenSettlement, cardOpen, regionBounds, onPlan, onRoute }) {
    this.settlement = settlement;
    this.regionBounds = regionBounds || (() => null);
    this.onPlan = onPlan || (() => {});
    const state = this.state = new FibreState();
    this.layer = new FibreLayer({ map, state, panel, cardOpen });
    this.panel = new FibrePanel({ panel, state, onToggle: on => this._toggle(on), onPlan: () => this.run() });
    this.card = new FibreCard({ state, layer: this.layer, settlement, onOpenSettlement });
    const pointer = routePointer({ state, layer: this.layer, isOn: () => this.isOn, onOpenSettlement, onRoute: onRoute || (() => {}) });
    this.pointerOverlay = pointer.overlay;
    this.openRoute = pointer.open;
  }

  /** The last plan JSON (/api/fibre/plan), null before the first. */
  get plan() { return this.state.plan; }

  get isOn() { return this.panel.isOn; }

  /** Fills the region choice from /api/regions (keeps the current choice). */
  setRegions(list) {
    this.state.regions = new Map((Array.isArray(list) ? list : []).map(r => [r.code, r]));
    this.panel.renderRegions();
    if (this.state.waiting) this.restore(this.state.waiting, this.state.wantedRoute);
  }

  /** The map's region filter changed: the plan's region follows it (it can still be changed in the form). */
  followRegion(code) {
    this.panel.followRegion(code);
  }

  /**
   * The URL's plan parameters ({region, backbone, minPopulation, seconds}, or null for none): the form takes them and,
   * with the layer on, plans when they are not those of the plan shown (the server keeps made plans, so a plan seen
   * before comes back at once). A region or backbone that is not one of the choices plans nothing. The route's popup
   * ([from, to]) opens once that plan is drawn; without a route, an open popup closes.
   */
  restore(params, route = null) {
    const state = this.state;
    state.waiting = null;
    state.wantedRoute = route;
    if (params && !this.panel.setParams(params)) {
      if (!state.regions.size) state.waiting = params;   // the region list is not in yet: again when it is
      return;
    }
    if (params && this.isOn && !state.running && (!state.params || this.panel.changed)) this.run();
    if (!state.running) this._openWantedRoute();
  }

  /** Opens the popup of the route the URL asked for when the plan shown has it (closes an open one for none). */
  _openWantedRoute() {
    const state = this.state, ends = state.wantedRoute;
    state.wantedRoute = null;
    const open = state.popup?.isOpen() ? state.popup : null;
    if (!ends) {
      if (open) this.layer.map.closePopup(open);
      return;
    }
    const i = this.isOn ? state.routes.findIndex(r => String(r.props.from) === ends[0] && String(r.props.to) === ends[1]) : -1;
    if (i >= 0 && open?._route !== i) this.openRoute(i);
  }

  /** Asks for a plan with the form's parameters, draws it and fills the summary. */
  async run() {
    const state = this.state;
    if (state.running) return;
    const params = this.panel.params();
    const seq = ++state.seq;
    this._status('running');
    const budget = Number(params.seconds);
    this.panel.start(Number.isFinite(budget) && budget > 0 ? Math.min(60, budget) : DEFAULTS.seconds);
    try {
      const plan = await fetchPlan(params, p => this._jobPhase(p));
      if (seq !== state.seq) return;
      const fc = await fetchRoutes(params);
      if (seq !== state.seq) return;
      state.setPlan(plan, params);
      this.layer.draw(fc, this.isOn);
      renderSummary(document.getElementById('fibre-summary'), state, this.settlement);
      this.layer.updateStamp(this.isOn);
      this._fit();
      this._status('ready');
      hooks.fibreRoutes = String(state.routes.length);
      if (state.pathFor) this.showSettlement(state.pathFor);
      this.onPlan(params);
      this._openWantedRoute();
    } catch (e) {
      if (seq !== state.seq) return;
      state.wantedRoute = null;
      this._status('error');
      showError(e, 'Fibre plan');
      this.panel.renderError(e);
    } finally {
      if (seq === state.seq) this.panel.finish();
    }
  }

  _status(s) {
    this.state.status = s;
    hooks.fibre = s;
  }

  /** What the server's job is doing (queued behind others, or solving). */
  _jobPhase(pending) {
    hooks.fibreJob = pending?.jobId ? String(pending.jobId) : '';
    this.state.queued = pending?.status === 'queued';
  }

  /** Fits the view to the plan (or its region) when the layer is on. */
  _fit() {
    if (!this.isOn) return;
    const region = this.state.plan?.assumptions?.region;
    this.layer.fit(region ? this.regionBounds(region) : null);
  }

  _toggle(on) {
    if (on) {
      this.layer.show();
      if (this.state.pathFor) this.showSettlement(this.state.pathFor);
    } else {
      this.layer.hide();
      this.card.clear();
    }
    this.layer.updateStamp(this.isOn);
    this.panel.renderRow();
  }

  /**
   * The settlement card opened (id): shows its standing in the current plan in the card and, when it is connected,
   * highlights its path to the backbone.
   */
  async showSettlement(id) {
    this.state.pathFor = id;
    this.card.clear();
    if (!this.state.plan || !this.isOn) return;
    await this.card.show(id);
  }

  /** The card closed: the highlighted path goes. */
  clearPath() {
    this.state.pathFor = null;
    this.card.clear();
  }
}

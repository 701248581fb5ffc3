// The Rollout plan view: the new-plan form with its job (plan-form.js), the saved plans (plan-list.js), the open plan's
// summary, verdict and charts (plan-summary.js, plan-charts.js), the comparison (plan-compare.js), and the plan layer on
// the national map (plan-layer.js) with the settlement card's plan section.
//
// Hooks for the browser tests (document.body.dataset):
//   plan            = idle | running | loading | ready | error | cancelled   (running: a job is followed; loading: a plan
//                     is being fetched; ready: a plan is open)
//   planJob         = the id of the last job started               planProgress = its progress, 0..1
//   planId          = the open plan's id                            planList = saved plans listed
//   planTimeline    = drawn          planCosts = drawn              planTornado = drawn | empty (run without sensitivity)
//   planCompare     = loading | drawn | error                       planCompareDiffs = settlements on the difference map
//   planLayer, planPoints, planFibre, planSites, planYear, planCard: see plan-layer.js
// window.dala.rollout is this view (open(id), compare(a, b), plan, charts, layer).
import { api, planCsvUrl, planGeoJsonUrl } from './api.js';
import { showError } from './notify.js';
import { PlanForm } from './plan-form.js';
import { PlanList } from './plan-list.js';
import { PlanLayer } from './plan-layer.js';
import { PlanCharts, tornadoNote } from './plan-charts.js';
import { PlanCompare } from './plan-compare.js';
import { headHtml, verdictHtml, techTableHtml, regionTableHtml, assumptionsHtml } from './plan-summary.js';

const $ = id => document.getElementById(id);
const hooks = document.body.dataset;

export class Rollout {
  /**
   * @param {{map: L.Map, panel: HTMLElement, openSettlement: (id: string) => void, showMap: () => void}} opts
   *   panel: the map's layers panel (the plan layer adds its row).
   */
  constructor({ map, panel, openSettlement, showMap }) {
    this.showMap = showMap;
    this.regions = new Map();
    this.plan = null;
    this._seq = 0;
    this._listed = null;
    const regionName = code => this.regions.get(code)?.name || code || '—';
    this.regionName = regionName;
    this.layer = new PlanLayer({
      map, panel,
      onOpenSettlement: id => openSettlement(id),
      onWant: () => this._openNewest(),
    });
    this.charts = new PlanCharts();
    this.form = new PlanForm({ el: $('plan-new'), regionName, onDone: id => this._jobDone(id) });
    this.list = new PlanList({
      el: $('plan-list'),
      onOpen: id => this.open(id),
      onCompare: id => {
        if (!this.plan) return;
        $('plan-compare').scrollIntoView({ block: 'start', behavior: 'auto' });
        this.runCompare(this.plan.id, id);
      },
      onDeleted: id => { if (this.plan && String(this.plan.id) === String(id)) this.close(); },
      onChange: plans => this.compare.setPlans(plans, this.plan?.id),
    });
    this.compare = new PlanCompare({ regionName, onOpenSettlement: id => openSettlement(id) });
    $('plan-list-refresh').addEventListener('click', () => this.list.refresh());
    $('plan-show-map').addEventListener('click', () => this.showOnMap());
    for (const id of ['plan-cost-mode-technology', 'plan-cost-mode-region']) {
      $(id).addEventListener('change', e => { if (e.target.checked) this.charts.setCostMode(e.target.value); });
    }
    this.inited = false;
  }

  /** Regions ({code, name, settlementCount}) for the form and the names in tables. */
  setRegions(list) {
    this.regions = new Map((Array.isArray(list) ? list : []).map(r => [r.code, r]));
    this.form.setRegions(list);
  }

  /** Called each time the view is shown: the list is loaded the first time. */
  init() {
    if (!this.inited) {
      this.inited = true;
      this._listed = this.list.refresh();
    }
    return this._listed;
  }

  async _jobDone(planId) {
    await this.list.refresh();
    if (planId != null) await this.open(planId);
  }

  async _openNewest() {
    const plans = this.list.plans.length ? this.list.plans : await this.list.refresh();
    if (plans.length) await this.open(plans[0].id, { show: true });
    else showError({ title: 'No saved plans', detail: 'Start a plan in the Rollout plan tab first.' }, 'Rollout plan');
  }

  /** Opens a saved plan: summary, verdict, charts, tables; the map layer follows it. */
  async open(id, { show = true } = {}) {
    const seq = ++this._seq;
    if (hooks.plan !== 'running') hooks.plan = 'loading';
    let plan, geo;
    try {
      // The GeoJSON feeds the map layer.
      [plan, geo] = await Promise.all([api.plan(id), api.planGeoJson(id).catch(e => { showError(e, 'Rollout plan map'); return null; })]);
    } catch (e) {
      if (seq !== this._seq) return null;
      if (hooks.plan === 'loading') hooks.plan = 'error';
      showError(e, 'Rollout plan');
      return null;
    }
    if (seq !== this._seq) return null;
    this.plan = plan;
    hooks.planId = String(plan.id);
    this.list.setOpen(plan.id);
    this.compare.setPlans(this.list.plans, plan.id);
    this._render();
    if (hooks.plan !== 'running') hooks.plan = 'ready';
    await this.layer.setPlan(plan, { show, geo });
    return plan;
  }

  close() {
    this._seq++;
    this.plan = null;
    delete hooks.planId;
    this.charts.destroy();
    $('plan-open').hidden = true;
    $('plan-empty').hidden = false;
    this.list.setOpen(null);
    this.layer.setPlan(null);
    if (hooks.plan === 'ready') hooks.plan = 'idle';
  }

  _render() {
    const p = this.plan;
    $('plan-empty').hidden = true;
    $('plan-open').hidden = false;
    $('plan-head').innerHTML = headHtml(p, this.regionName);
    $('plan-csv').href = planCsvUrl(p.id);
    $('plan-csv').setAttribute('download', `dala-plan-${p.id}.csv`);
    $('plan-geojson').href = planGeoJsonUrl(p.id);
    $('plan-geojson').setAttribute('download', `dala-plan-${p.id}.geojson`);
    for (const el of document.querySelectorAll('#plan-open .plan-syn')) el.hidden = !p.synthetic;
    $('plan-verdict-box').innerHTML = verdictHtml(p, this.regionName);
    $('plan-tech-box').innerHTML = techTableHtml(p);
    $('plan-region-box').innerHTML = regionTableHtml(p, this.regionName);
    $('plan-assumptions-box').innerHTML = `<section class="panel">${assumptionsHtml(p)}</section>`;
    $('plan-tornado-note').innerHTML = tornadoNote(p.sensitivity);
    this.charts.render(p, this.regionName);
  }

  /** Switches to the map with the plan layer on and in view. */
  async showOnMap() {
    if (!this.plan) return;
    this.showMap();
    if (!this.layer.isOn) {
      $('layer-plan').checked = true;
      $('layer-plan').dispatchEvent(new Event('change'));
    }
    this.layer.fit(true);
  }

  /** Compares two saved plans (ids) in the comparison panel. */
  runCompare(a, b) {
    return this.compare.run(a, b);
  }
}

// The fibre layer's state, in one object that the fibre-*.js modules share (none of them keeps state of its own).
// What a shared link needs is not here but in the URL (urlstate.js): the layer on or off (`layers=fibre`) and the
// parameters of the plan shown (`fibre=backbone,min,seconds[,region]`) and the route whose popup is open
// (`route=from,to`); app.js writes them when a plan is made or a popup opens or closes (FibrePlan's onPlan, onRoute)
// and gives them back on a restore (FibrePlan.restore). What is here is what the page fetched
// and what it is doing: the plan and its routes, the open popup, the settlement whose path is shown.
import { fetchPaths } from './fibre-api.js';
import { fmtInt, kindLabel } from './format.js';

export class FibreState {
  constructor() {
    this.status = 'none';       // none | running | ready | error (also document.body.dataset.fibre once set)
    this.plan = null;           // the last plan JSON (/api/fibre/plan)
    this.params = null;         // the parameters it was asked with (as the form gave them)
    this.routes = [];           // the drawn routes: {props, cls, latlngs, proj, bbox}
    this.regions = new Map();   // code → region of /api/regions (the region choice, the summary's title)
    this.followedRegion = '';   // the map's region filter the plan's region last followed
    this.pathFor = null;        // the settlement whose path (or standing) is shown
    this.popup = null;          // the open route popup (its route index in popup._route)
    this.seq = 0;               // the latest Plan asked; an older answer is dropped
    this.queued = false;        // the server's job waits for a free planner
    this.waiting = null;        // the URL's plan parameters, waiting for the region list to be chosen from
    this.wantedRoute = null;    // the URL's route ([from, to]), its popup opened once the plan asked for is drawn
    this._paths = null;         // Promise<Map<settlementId, feature>> for the current plan
  }

  get running() { return this.status === 'running'; }

  /** A new plan (and the parameters it was asked with): its paths are fetched again when needed. */
  setPlan(plan, params) {
    this.plan = plan;
    this.params = params;
    this._paths = null;
  }

  /** Paths of the current plan by settlement id, fetched once per plan when first needed (again after a failure). */
  paths() {
    if (!this._paths && this.plan) {
      const plan = this.plan;
      this._paths = fetchPaths(plan);
      this._paths.catch(() => { if (this.plan === plan) this._paths = null; });
    }
    return this._paths;
  }

  regionName(code) {
    return code ? this.regions.get(code)?.name || code : 'Whole country';
  }
}

/**
 * Where a settlement ({id, kind, pop, region, tech}) stands in a plan: path | backbone | unreachable | excluded (with
 * why) | outside, or none without a plan or a settlement.
 */
export function standing(plan, s) {
  const a = plan?.assumptions || {};
  if (!plan || !s) return { kind: 'none' };
  if (a.region && s.region !== a.region) return { kind: 'outside' };
  if ((plan.unreachable || []).includes(s.id)) return { kind: 'unreachable' };
  const backbone = a.backbone === 'fibre' ? s.tech === 'fibre' : s.kind === 'city' || s.kind === 'town';
  if (backbone) return { kind: 'backbone' };
  if (!(a.kinds || []).includes(s.kind)) return { kind: 'excluded', why: `${kindLabel(s.kind).toLowerCase()}s are not in this plan` };
  if ((a.minPopulation || 0) > 0 && !(s.pop >= a.minPopulation)) {
    return { kind: 'excluded', why: s.pop == null ? 'population unknown' : `population ${fmtInt(s.pop)} is below ${fmtInt(a.minPopulation)}` };
  }
  return { kind: 'path' };
}

// Fibre plan data from the server. A plan is a job there, made once per parameters and registry revision: its totals
// are asked (and waited for, the job's phase heard) first, then its routes, made by the same job; every settlement's
// path to the backbone comes with the plan's GeoJSON, fetched only when a card needs one.
import { api, getJson } from './api.js';

/** The plan's totals (/api/fibre/plan); onProgress hears the server's job while it is queued or solving. */
export const fetchPlan = (params, onProgress) => api.fibrePlan(params, { onProgress });

/** The plan's routes without the per-settlement paths (/api/fibre/plan.geojson?paths=false). */
export const fetchRoutes = params => api.fibrePlanGeoJson({ ...params, paths: 'false' });

/** Every settlement's path to the backbone in a plan, by settlement id (features of kind "path"). */
export async function fetchPaths(plan) {
  const fc = await getJson(plan.geoJsonUrl);
  const byId = new Map();
  for (const f of Array.isArray(fc?.features) ? fc.features : []) {
    if (f?.properties?.kind === 'path') byId.set(String(f.properties.settlement), f);
  }
  return byId;
}

// What the radio layers ask the server for: the sites (GET /api/sites), the latest coverage run (GET /api/coverage),
// its per-settlement predictions and its roads (asked for once, on demand, and kept in the RadioState), and the
// settlement card's prediction. Reading only: nothing here touches the map or the panel.
import { api } from './api.js';
import { showError } from './notify.js';

/** The sites of a GeoJSON answer as a list ({...properties, id, lon, lat, sectors}); features without a point are left out. */
export function parseSites(fc) {
  const list = [];
  for (const f of Array.isArray(fc?.features) ? fc.features : []) {
    const c = f?.geometry?.coordinates;
    if (!Array.isArray(c) || !Number.isFinite(+c[0]) || !Number.isFinite(+c[1])) continue;
    const p = f.properties || {};
    list.push({ ...p, id: String(p.id ?? f.id), lon: +c[0], lat: +c[1], sectors: Array.isArray(p.sectors) ? p.sectors : [] });
  }
  return { list, synthetic: !!fc?.synthetic || list.some(s => s.synthetic) };
}

/** The site list (throws when the request fails). */
export const fetchSites = async () => parseSites(await api.sites());

/**
 * The latest coverage run, or null. A run needs sites: without any (and no sites ever imported, by the dataset's
 * sources) there is nothing to ask for. A failure other than 404 is reported.
 */
export async function fetchLatestRun(dataset, siteCount) {
  const ds = await Promise.resolve(dataset).catch(() => null);
  const sitesEverImported = !!(ds && Array.isArray(ds.sources) && ds.sources.some(s => s.kind === 'sites'));
  if (siteCount <= 0 && !sitesEverImported) return null;
  try {
    return await api.coverage();
  } catch (e) {
    if (e.status !== 404) showError(e, 'Coverage');
    return null;
  }
}

/** Per-settlement predictions of the latest run (loaded once, on demand): a promise of state.rowsById. */
export function predictionRows(state) {
  if (!state.rowsRequest) {
    const request = api.coverageSettlements().then(list => {
      state.rowsById = new Map((Array.isArray(list) ? list : []).map(r => [String(r.settlementId), r]));
      return state.rowsById;
    });
    request.catch(() => { if (state.rowsRequest === request) state.rowsRequest = null; });
    state.rowsRequest = request;
  }
  return state.rowsRequest;
}

/** The latest run's roads as GeoJSON (loaded once, on demand). */
export function coverageRoads(state) {
  if (!state.roadsRequest) {
    const request = api.coverageRoads();
    request.catch(() => { if (state.roadsRequest === request) state.roadsRequest = null; });
    state.roadsRequest = request;
  }
  return state.roadsRequest;
}

/** For the settlement card: {run, row, site} of the latest run, or null when there is no run. */
export async function predictionFor(state, id) {
  const run = await state.runReady;
  if (!run) return null;
  const rows = await predictionRows(state);
  const row = rows.get(String(id)) || null;
  return { run, row, site: row && row.siteId ? state.siteById.get(row.siteId) || null : null };
}

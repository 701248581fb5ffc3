// Thin client for the Dala API. Errors become ApiError (from application/problem+json when available).

export class ApiError extends Error {
  constructor({ status = 0, title = 'Request failed', detail = '', errors = null, url = '' } = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.url = url;
  }
}

/** Encodes a value for a query string, keeping commas readable (lists are comma-separated). */
function encodeValue(v) {
  return encodeURIComponent(v).replace(/%2C/gi, ',');
}

/**
 * Builds "/path?a=1&b=x,y" from an object; null/undefined/"" values are left out, arrays are joined with commas.
 */
export function buildUrl(path, params = {}) {
  const parts = [];
  for (const [k, raw] of Object.entries(params || {})) {
    if (raw == null) continue;
    const v = Array.isArray(raw) ? raw.join(',') : String(raw);
    if (v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeValue(v)}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

let csrf = null;

/** The signed-in session's anti-forgery token (auth.js), sent with every write; null when signed out. */
export function setCsrf(token) {
  csrf = token || null;
}

function writeHeaders(headers) {
  if (csrf) headers['X-Dala-Csrf'] = csrf;
  return headers;
}

async function problemFrom(res, url, write = false) {
  // A write refused for want of credentials: the problem says so, and the sign-in form opens.
  if (write && res.status === 401 && typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('dala:signin-needed'));
  let title = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
  let detail = '';
  let errors = null;
  const type = res.headers.get('content-type') || '';
  try {
    if (type.includes('json')) {
      const body = await res.json();
      if (body && typeof body === 'object') {
        title = body.title || title;
        detail = body.detail || '';
        errors = body.errors || null;
      }
    } else {
      const text = (await res.text()).trim();
      if (text && text.length < 300 && !text.startsWith('<')) detail = text;
    }
  } catch { /* keep the status line */ }
  return new ApiError({ status: res.status, title, detail, errors, url });
}

/** Each read announces its start and end (loading.js shows a loading sign while any runs longer than 300 ms). */
function announce(delta) {
  window.dispatchEvent(new CustomEvent('dala:request', { detail: delta }));
}

/** GET a JSON resource. Throws ApiError on HTTP or network errors; AbortError is passed through. */
export async function getJson(path, params, options = {}) {
  announce(1);
  try {
    return await readJson(path, params, options);
  } finally {
    announce(-1);
  }
}

async function readJson(path, params, { signal } = {}) {
  const url = buildUrl(path, params);
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' }, signal });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Server unreachable', detail: `Could not load ${path}. Check the connection and reload.`, url });
  }
  if (!res.ok) throw await problemFrom(res, url);
  try {
    return await res.json();
  } catch {
    throw new ApiError({ status: res.status, title: 'Invalid response', detail: `${path} did not return valid JSON.`, url });
  }
}

/**
 * GET a JSON resource that the server makes as a background job: while it answers 202 (the job's status, phase and
 * progress), onProgress hears it and the same URL is asked again after Retry-After; then it is read like getJson.
 */
export async function getJsonWhenMade(path, params, { signal, onProgress } = {}) {
  const url = buildUrl(path, params);
  for (;;) {
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' }, signal });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new ApiError({ status: 0, title: 'Server unreachable', detail: `Could not load ${path}. Check the connection and reload.`, url });
    }
    if (!res.ok) throw await problemFrom(res, url);
    if (res.status !== 202) {
      try {
        return await res.json();
      } catch {
        throw new ApiError({ status: res.status, title: 'Invalid response', detail: `${path} did not return valid JSON.`, url });
      }
    }
    const pending = await res.json().catch(() => ({}));
    if (onProgress) onProgress(pending);
    const wait = Math.min(5, Math.max(0.5, Number(res.headers.get('Retry-After')) || 1));
    await new Promise((resolve, reject) => {
      const t = setTimeout(resolve, wait * 1000);
      signal?.addEventListener('abort', () => { clearTimeout(t); reject(new DOMException('Aborted', 'AbortError')); }, { once: true });
    });
  }
}

/** POST records as NDJSON (one JSON object per line). Throws ApiError like getJson. */
export async function postNdjson(path, records, { signal } = {}) {
  const body = records.map(r => JSON.stringify(r)).join('\n') + '\n';
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers: writeHeaders({ 'Content-Type': 'application/x-ndjson', Accept: 'application/json' }), body, signal });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Server unreachable', detail: `Could not send to ${path}. Check the connection and retry.`, url: path });
  }
  if (!res.ok) throw await problemFrom(res, path, true);
  try {
    return await res.json();
  } catch {
    throw new ApiError({ status: res.status, title: 'Invalid response', detail: `${path} did not return valid JSON.`, url: path });
  }
}

/**
 * Sends a JSON body (POST) or nothing (DELETE) and returns the JSON answer (null when the answer has no body).
 * Throws ApiError like getJson (400/422 problem+json keep their `errors` by field).
 */
export async function sendJson(method, path, body, { signal } = {}) {
  const init = { method, headers: writeHeaders({ Accept: 'application/json' }), signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Server unreachable', detail: `Could not reach ${path}. Check the connection and retry.`, url: path });
  }
  if (!res.ok) throw await problemFrom(res, path, method !== 'GET');
  const text = await res.text();
  if (!text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError({ status: res.status, title: 'Invalid response', detail: `${path} did not return valid JSON.`, url: path });
  }
}

const enc = encodeURIComponent;

export const api = {
  dataset: opts => getJson('/api/dataset', null, opts),
  outline: opts => getJson('/api/outline', null, opts),
  regions: opts => getJson('/api/regions', null, opts),
  regionShapes: opts => getJson('/api/regions', { format: 'geojson' }, opts),
  settlementsGeoJson: (params, opts) => getJson('/api/settlements', { ...params, format: 'geojson' }, opts),
  settlement: (id, opts) => getJson(`/api/settlements/${encodeURIComponent(id)}`, null, opts),
  progress: (params, opts) => getJson('/api/progress', params, opts),
  operators: opts => getJson('/api/operators', null, opts),
  sites: opts => getJson('/api/sites', null, opts),
  coverage: opts => getJson('/api/coverage', null, opts),
  coverageSettlements: opts => getJson('/api/coverage/settlements', null, opts),
  coverageRoads: opts => getJson('/api/coverage/roads', null, opts),
  // Settlement lookup for tagging measurements.
  searchSettlements: (q, opts) => getJson('/api/settlements', { q, pageSize: 50 }, opts),
  nearestSettlements: (lon, lat, count = 1, opts) => getJson('/api/settlements/nearest', { lon, lat, count }, opts),
  // Measurements and internet quality.
  measurements: (params, opts) => getJson('/api/measurements', params, opts),
  postMeasurements: (records, opts) => postNdjson('/api/measurements', records, opts),
  // The speed-test page's own figures, for a test this server ran (its uuid).
  postNdt7ClientResult: (uuid, figures, opts) => sendJson('POST', `/api/measurements/ndt7/${enc(uuid)}`, figures, opts),
  quarantine: (params, opts) => getJson('/api/measurements/quarantine', params, opts),
  // The speed test: who the server sees (network, operator guessed from the address) and one result by id.
  speedtestWhoami: opts => getJson('/api/speedtest/whoami', null, opts),
  speedtestResult: (id, opts) => getJson(`/api/speedtest/results/${enc(id)}`, null, opts),
  qualitySummary: opts => getJson('/api/quality/summary', null, opts),
  qualityAggregates: (params, opts) => getJson('/api/quality/aggregates', params, opts),
  qualityHistogram: (params, opts) => getJson('/api/quality/histogram', params, opts),
  qualityTiles: (params, opts) => getJson('/api/quality/tiles', params, opts),
  // Fibre plans (the request waits while the solver runs, up to `seconds`).
  fibrePlan: (params, opts) => getJsonWhenMade('/api/fibre/plan', params, opts),
  fibrePlanGeoJson: (params, opts) => getJsonWhenMade('/api/fibre/plan.geojson', params, opts),
  // Rollout plans: a POST starts a job (202 {jobId, href}); the job's result names the saved plan.
  startPlan: (body, opts) => sendJson('POST', '/api/plans', body, opts),
  startCoverage: (body, opts) => sendJson('POST', '/api/coverage/runs', body, opts),
  job: (id, opts) => getJson(`/api/jobs/${enc(id)}`, null, opts),
  cancelJob: (id, opts) => sendJson('DELETE', `/api/jobs/${enc(id)}`, undefined, opts),
  plans: opts => getJson('/api/plans', null, opts),
  plan: (id, opts) => getJson(`/api/plans/${enc(id)}`, null, opts),
  planGeoJson: (id, opts) => getJson(`/api/plans/${enc(id)}.geojson`, null, opts),
  planSettlement: (id, settlementId, opts) => getJson(`/api/plans/${enc(id)}/settlements/${enc(settlementId)}`, null, opts),
  comparePlans: (a, b, opts) => getJson('/api/plans/compare', { a, b }, opts),
  deletePlan: (id, opts) => sendJson('DELETE', `/api/plans/${enc(id)}`, undefined, opts),
  planCosts: opts => getJson('/api/plans/costs', null, opts),
};

/** Download links of a saved plan. */
export const planCsvUrl = id => `/api/plans/${enc(id)}.csv`;
export const planGeoJsonUrl = id => `/api/plans/${enc(id)}.geojson`;

export const COVERAGE_CSV_URL = '/api/coverage/settlements?format=csv';

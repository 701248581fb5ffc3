// The app's state in the URL, so that every view can be shared, bookmarked and walked with Back/Forward:
//   #map?region=KZ-11&s=osm-123&q=akkol&kind=village,hamlet&tech=fibre&min=100&max=5000&layers=sites&site=S-1&v=51.1,71.4,9
//   &fibre=towns,200,10,KZ-59   (the fibre plan shown: backbone, minimum population, seconds, region when not national)
//   &route=osm-1,osm-2          (the fibre route whose popup is open: its two ends)
// The part before "?" is the tab; old links ("#progress", "#quality") are a tab and nothing else and keep working.
// parseHash and serialise are pure (and checked by the E2E tests); UrlState writes the browser's history:
// pushState for a tab, a region, a settlement or a region panel; replaceState for everything else (map moves, typing).

const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const TOKEN = /^[a-z0-9-]{1,40}$/;

/** The state with nothing chosen: the map tab, all settlements, the default view. */
export const EMPTY = Object.freeze({
  tab: 'map', region: '', s: null, q: '', kinds: null, techs: null, minPop: null, maxPop: null,
  layers: [], site: null, view: null, panel: null, target: null, result: null, fibre: null, route: null,
});

/** Which keys change makes a new history entry (the rest replace the current one). */
const PUSH_KEYS = ['tab', 'region', 's', 'panel'];

function list(v) {
  if (v == null) return null;
  const out = [];
  for (const t of v.split(',')) {
    const x = t.trim().toLowerCase();
    if (TOKEN.test(x) && !out.includes(x)) out.push(x);
  }
  return out;
}

function count(v) {
  if (v == null || !/^\d{1,10}$/.test(v.trim())) return null;
  return Number(v.trim());
}

function mapView(v) {
  const parts = (v || '').split(',').map(x => Number(x.trim()));
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [lat, lon, zoom] = parts;
  if (Math.abs(lat) > 85 || Math.abs(lon) > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lon, zoom };
}

/** The fibre plan's parameters "backbone,min,seconds[,region]" ({backbone, minPopulation, seconds, region}), else null. */
function fibrePlan(v) {
  if (v == null) return null;
  const [backbone, min, seconds, region = '', ...rest] = v.split(',').map(x => x.trim());
  const minPopulation = count(min), secs = count(seconds);
  if (rest.length || !TOKEN.test(backbone || '') || minPopulation == null || secs == null || (region && !CODE.test(region))) return null;
  return { backbone, minPopulation, seconds: secs, region: region || null };
}

/** A fibre route's two ends "from,to" (settlement ids, no control characters), else null. */
function routeEnds(v) {
  const ends = v == null ? [] : v.split(',').map(x => x.trim());
  return ends.length === 2 && ends.every(x => x && x.length <= 100 && !/[\u0000-\u001f]/.test(x)) ? ends : null;
}

/** Reads "#tab?key=value&…" into a state; anything unknown or malformed is left at its default. */
export function parseHash(hash, views = ['map']) {
  const raw = String(hash || '').replace(/^#/, '');
  const qi = raw.indexOf('?');
  let tab = qi < 0 ? raw : raw.slice(0, qi);
  try { tab = decodeURIComponent(tab); } catch { tab = ''; }
  let p;
  try { p = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1)); } catch { p = new URLSearchParams(); }
  const text = (k, max = 200) => {
    const v = p.get(k);
    return v == null ? null : v.trim().slice(0, max) || null;
  };
  const code = k => { const v = text(k); return v && CODE.test(v) ? v : null; };
  const id = k => { const v = text(k, 100); return v && !/[\u0000-\u001f]/.test(v) ? v : null; };
  return {
    ...EMPTY,
    tab: views.includes(tab) ? tab : 'map',
    region: code('region') || '',
    s: id('s'),
    q: (text('q') || '').replace(/[\u0000-\u001f]/g, ' '),
    kinds: list(p.get('kind')),
    techs: list(p.get('tech')),
    minPop: count(p.get('min')),
    maxPop: count(p.get('max')),
    layers: list(p.get('layers')) || [],
    site: id('site'),
    view: mapView(p.get('v')),
    panel: code('panel'),
    target: code('target'),
    result: code('result'),
    fibre: fibrePlan(p.get('fibre')),
    route: routeEnds(p.get('route')),
  };
}

const enc = v => encodeURIComponent(v).replace(/%2C/gi, ',');
const round = (x, d) => String(+x.toFixed(d));

/** The hash of a state ("" for the bare map); keys always in the same order, defaults left out. */
export function serialise(st) {
  const parts = [];
  const add = (k, v) => { if (v != null && v !== '') parts.push(`${k}=${enc(v)}`); };
  add('region', st.region);
  add('s', st.s);
  add('q', st.q);
  if (Array.isArray(st.kinds)) add('kind', st.kinds.join(',') || 'none');
  if (Array.isArray(st.techs)) add('tech', st.techs.join(',') || 'none');
  add('min', st.minPop);
  add('max', st.maxPop);
  if (st.layers?.length) add('layers', st.layers.join(','));
  add('site', st.site);
  if (st.view) add('v', `${round(st.view.lat, 4)},${round(st.view.lon, 4)},${round(st.view.zoom, 2)}`);
  add('panel', st.panel);
  add('target', st.target);
  add('result', st.result);
  if (st.fibre) add('fibre', [st.fibre.backbone, st.fibre.minPopulation, st.fibre.seconds, st.fibre.region].filter(x => x != null && x !== '').join(','));
  if (st.route) add('route', st.route.join(','));
  const tab = st.tab || 'map';
  if (!parts.length) return tab === 'map' ? '' : '#' + tab;
  return `#${tab}?${parts.join('&')}`;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export class UrlState {
  /** @param {{views: string[], onRestore: (state, previous) => void}} opts */
  constructor({ views, onRestore }) {
    this.views = views;
    this.onRestore = onRestore;
    this.muted = 0;
    this.state = parseHash(location.hash, views);
    this.written = location.hash;
    const back = () => {
      if (location.hash === this.written) return;
      const prev = this.state;
      this.state = parseHash(location.hash, views);
      this.written = location.hash;
      this.restore(prev);
    };
    window.addEventListener('popstate', back);
    window.addEventListener('hashchange', back);
  }

  /** Runs the app's restore with reporting muted (what it sets is what the URL already says). */
  restore(prev = EMPTY) {
    this.muted++;
    try { this.onRestore(this.state, prev); } finally { this.muted--; }
  }

  /** Merges a change; a change of tab, region, settlement or panel makes a new history entry unless replace is asked. */
  update(patch, { replace = false } = {}) {
    if (this.muted) return;
    const next = { ...this.state, ...patch };
    if (same(next, this.state)) return;
    const push = !replace && PUSH_KEYS.some(k => k in patch && !same(patch[k], this.state[k]));
    this.state = next;
    const hash = serialise(next);
    if (hash === (location.hash || '')) { this.written = location.hash; return; }
    history[push ? 'pushState' : 'replaceState'](null, '', location.pathname + location.search + hash);
    this.written = location.hash;
  }

  /** The shareable address of the current view. */
  get href() { return location.origin + location.pathname + location.search + serialise(this.state); }
}

/** Filter state (filters.js) to URL keys: lists are left out when everything is ticked. */
export function filtersToUrl(f, allKinds, allTechs) {
  return {
    region: f.region || '',
    q: f.q || '',
    kinds: f.kinds.length === allKinds ? null : f.kinds,
    techs: f.techs.length === allTechs ? null : f.techs,
    minPop: f.minPop,
    maxPop: f.maxPop,
  };
}

/**
 * The parameters of a fibre plan made (fibre.js: region, minPopulation, backbone, seconds as the form gave them) to
 * the URL's fibre key; null when one is not a whole number (the URL then names no plan rather than a wrong one).
 */
export function fibreToUrl(params) {
  if (!params) return null;
  const min = Number(params.minPopulation), seconds = Number(params.seconds);
  if (!Number.isInteger(min) || min < 0 || !Number.isInteger(seconds) || seconds < 0 || !TOKEN.test(String(params.backbone || ''))) return null;
  return { backbone: String(params.backbone), minPopulation: min, seconds, region: params.region || null };
}

/** Reports the map view (centre and zoom) on every move, as a replaced entry. */
export function watchMapView(map, url) {
  map.on('moveend', () => {
    const c = map.getCenter();
    url.update({ view: { lat: +c.lat.toFixed(4), lon: +c.lng.toFixed(4), zoom: +map.getZoom().toFixed(2) } }, { replace: true });
  });
}

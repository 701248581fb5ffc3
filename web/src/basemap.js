// The base every map in the app draws beneath Dala's own layers (main map, Quality, speed test, Events, Compliance,
// plan comparison): one source of truth, fetched once per page.
//  - offline (the default, needs no internet): the neighbouring countries faintly (world-atlas countries-50m, copied
//    to /lib at build), Kazakhstan's land and outline (the store's outline, else world-atlas), the regions when the
//    store has their polygons, and labels of the larger places (zoom-dependent, never colliding);
//  - a basemap given to `dala serve --basemap` (GET /api/basemap): a PMTiles archive read with range requests
//    (npm pmtiles, loaded only then) of raster tiles, or of MVT vector tiles drawn by protomaps-leaflet in a default
//    style (vector-tiles.js), an XYZ template, or the raster sources of a style. The outline and regions are drawn over
//    the tiles as lines. Other vector tiles (MLT, a style's vector sources) are not drawn: the offline base is, and the
//    note says why.
import { api, getJson } from './api.js';
import { polygonsNear } from './basemap-topo.js';
import { PlaceLabels, toPlace } from './basemap-labels.js';
import { vectorBasemapLayer } from './vector-tiles.js';

const L = window.L;
const KZ = '398';
const NEIGHBOURHOOD = [20, 25, 115, 65];
const PANES = { land: ['dala-base-land', 150], lines: ['dala-base-lines', 380], labels: ['dala-base-labels', 470] };
const NEIGHBOUR_STYLE = { color: '#d3dae2', weight: 0.8, fillColor: '#eef1f4', fillOpacity: 1, interactive: false, className: 'dala-base-neighbour' };
const LAND_STYLE = { stroke: false, fillColor: '#ffffff', fillOpacity: 1, interactive: false, className: 'dala-base-land' };
const OUTLINE_STYLE = { color: '#5b6b7b', weight: 1.2, fill: false, interactive: false, className: 'dala-base-outline' };
const REGION_STYLE = { color: '#aab6c3', weight: 0.7, fill: false, interactive: false, className: 'dala-base-region' };

let shared = null;

/** What the base is made of, each fetched once per page and shared by every map. */
function sources() {
  if (shared) return shared;
  const world = fetch('/lib/world-atlas/countries-50m.json').then(r => (r.ok ? r.json() : null))
    .then(topo => (topo ? polygonsNear(topo, 'countries', NEIGHBOURHOOD) : [])).catch(() => []);
  const outline = api.outline().then(fc => (fc?.features || []).filter(f => f?.geometry)).catch(() => []);
  shared = {
    config: getJson('/api/basemap').catch(() => ({ kind: 'offline' })),
    neighbours: world.then(fs => fs.filter(f => f.id !== KZ)),
    // The store's outline (what the registry was imported with), else world-atlas's Kazakhstan.
    land: Promise.all([outline, world]).then(([own, fs]) => (own.length ? own : fs.filter(f => f.id === KZ))),
    regions: api.regionShapes().then(fc => (fc?.features || []).filter(f => f?.geometry)).catch(() => []),
    places: getJson('/api/settlements', { kind: 'city,town', pageSize: 1000 })
      .then(page => (page?.items || []).map(toPlace)).catch(() => []),
  };
  return shared;
}

function pane(map, [name, z]) {
  if (!map.getPane(name)) {
    const p = map.createPane(name);
    p.style.zIndex = String(z);
    p.style.pointerEvents = 'none';
  }
  return name;
}

let pmtilesScript = null;
function loadPmtiles() {
  pmtilesScript ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/lib/pmtiles/pmtiles.js';
    s.onload = () => (window.pmtiles ? resolve(window.pmtiles) : reject(new Error('pmtiles did not load')));
    s.onerror = () => reject(new Error('pmtiles did not load'));
    document.head.appendChild(s);
  });
  return pmtilesScript;
}

/** The tile layer for a configuration, or null when there is none to draw (offline, vector tiles other than MVT). */
async function tileLayer(cfg) {
  const opts = { pane: 'tilePane', className: 'dala-base-tiles', maxZoom: 19 };
  if (cfg.kind === 'xyz' && cfg.url) return L.tileLayer(cfg.url, opts);
  if (cfg.kind === 'pmtiles' && cfg.url && (cfg.raster || cfg.tileType === 'mvt')) {
    const pm = await loadPmtiles();
    const archive = new pm.PMTiles(cfg.url);
    const native = { ...opts, minNativeZoom: cfg.minZoom ?? 0, maxNativeZoom: cfg.maxZoom ?? 19 };
    return cfg.raster ? pm.leafletRasterLayer(archive, native) : vectorBasemapLayer(archive, native);
  }
  if (cfg.kind === 'style' && cfg.url) {
    const style = await fetch(cfg.url).then(r => r.json());
    const src = Object.values(style?.sources || {}).find(s => s?.type === 'raster' && Array.isArray(s.tiles) && s.tiles.length);
    if (src) return L.tileLayer(src.tiles[0], { ...opts, tileSize: src.tileSize || 256, maxNativeZoom: src.maxzoom ?? 19 });
  }
  return null;
}

/**
 * Draws the base beneath a Leaflet map. Options: lines (the outline and region lines; false where the map draws its
 * own, as the main map's BaseLayers do), labels (place labels; drawn only on the offline base).
 * Returns {ready: Promise<kind>} (kind: 'offline' or 'tiles'), resolved once the base is on the map.
 */
export function addBasemap(map, { lines = true, labels = true } = {}) {
  const src = sources();
  const container = map.getContainer();
  container.classList.add('dala-basemap', 'is-offline');
  const svg = L.svg({ padding: 0.3, pane: pane(map, PANES.land) });
  const lineRenderer = L.svg({ padding: 0.3, pane: pane(map, PANES.lines) });
  pane(map, PANES.labels);
  const landLayers = [];
  const addLand = (features, style) => {
    if (!features.length) return;
    landLayers.push(L.geoJSON({ type: 'FeatureCollection', features }, { style: () => style, renderer: svg, interactive: false, pane: PANES.land[0] }).addTo(map));
  };
  const placeLabels = labels ? new PlaceLabels(map, PANES.labels[0]) : null;
  const ready = src.config.then(async cfg => {
    let tiles = null;
    try {
      tiles = await tileLayer(cfg || {});
    } catch (e) {
      console.warn('basemap: the configured tiles cannot be drawn; the offline base is', e);
    }
    if (tiles) {
      tiles.addTo(map);
      container.classList.replace('is-offline', 'has-tiles');
      placeLabels?.setPlaces([]);
    } else {
      addLand(await src.neighbours, NEIGHBOUR_STYLE);
      addLand(await src.land, LAND_STYLE);
      if (placeLabels) src.places.then(ps => placeLabels.setPlaces(ps));
    }
    if (lines) {
      const regions = await src.regions;
      if (regions.length) L.geoJSON({ type: 'FeatureCollection', features: regions }, { style: () => REGION_STYLE, renderer: lineRenderer, interactive: false, pane: PANES.lines[0] }).addTo(map);
      const land = await src.land;
      if (land.length) L.geoJSON({ type: 'FeatureCollection', features: land }, { style: () => OUTLINE_STYLE, renderer: lineRenderer, interactive: false, pane: PANES.lines[0] }).addTo(map);
    }
    container.dataset.basemap = tiles ? cfg.kind : 'offline';
    if (cfg?.note) container.dataset.basemapNote = cfg.note;
    return tiles ? 'tiles' : 'offline';
  });
  return { ready };
}

/** The map, with the base added beneath it (for a one-line change where a map is created). */
export function withBasemap(map, options) {
  map.basemap = addBasemap(map, options);
  return map;
}

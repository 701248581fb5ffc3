// Vector tiles in Leaflet, drawn by protomaps-leaflet (npm, copied to /lib at build and loaded only when needed): a
// vector PMTiles basemap in a default style, and Dala's own large layers served as Mapbox vector tiles
// (GET /api/tiles/{layer}/{z}/{x}/{y}.mvt).

let script = null;

/** protomaps-leaflet's global (protomapsL), loaded once. */
export function loadProtomaps() {
  script ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/lib/protomaps-leaflet/protomaps-leaflet.js';
    s.onload = () => (window.protomapsL ? resolve(window.protomapsL) : reject(new Error('protomaps-leaflet did not load')));
    s.onerror = () => reject(new Error('protomaps-leaflet did not load'));
    document.head.appendChild(s);
  });
  return script;
}

/** The colours of the default style for a vector basemap whose layers are not the Protomaps basemap's. */
export const BASE_STYLE = { background: '#f4f1ea', fill: '#e4dccb', water: '#b9d3e6', line: '#b8ab95', point: '#8a7c66' };

const PROTOMAPS_LAYERS = ['earth', 'water', 'roads'];
const WATER = /water|ocean|sea|lake|river/i;

/**
 * Paint rules for any vector tiles: every layer named in the archive's metadata, polygons filled (water blue), lines
 * drawn thin, points as small dots. Layers a PMTiles archive does not name cannot be drawn (their names are unknown).
 */
export function defaultPaintRules(P, layerNames) {
  const is = t => (z, f) => f.geomType === t;
  return layerNames.flatMap(name => [
    { dataLayer: name, filter: is(P.GeomType.Polygon), symbolizer: new P.PolygonSymbolizer({ fill: WATER.test(name) ? BASE_STYLE.water : BASE_STYLE.fill }) },
    { dataLayer: name, filter: is(P.GeomType.Line), symbolizer: new P.LineSymbolizer({ color: WATER.test(name) ? BASE_STYLE.water : BASE_STYLE.line, width: 0.8 }) },
    { dataLayer: name, filter: is(P.GeomType.Point), symbolizer: new P.CircleSymbolizer({ radius: 1.5, fill: BASE_STYLE.point }) },
  ]);
}

/**
 * The Leaflet layer for a vector PMTiles archive (a pmtiles.PMTiles): the Protomaps basemap's own light style when the
 * archive has its layers (earth, water, roads...), else the default style over the layers its metadata names.
 */
export async function vectorBasemapLayer(archive, opts) {
  const P = await loadProtomaps();
  const meta = await archive.getMetadata().catch(() => ({}));
  const names = (meta?.vector_layers || []).map(l => l?.id).filter(id => typeof id === 'string');
  const lang = (document.documentElement.lang || 'en').slice(0, 2);
  const base = { ...opts, url: archive, attribution: '', maxDataZoom: opts.maxNativeZoom ?? 15 };
  if (PROTOMAPS_LAYERS.every(n => names.includes(n))) return P.leafletLayer({ ...base, flavor: 'light', lang });
  return P.leafletLayer({ ...base, paintRules: defaultPaintRules(P, names), labelRules: [], backgroundColor: BASE_STYLE.background });
}

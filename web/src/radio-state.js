// The radio layers' one state object (RadioState, made by radio.js and handed to each part): what was loaded (the
// sites, the latest coverage run, its per-settlement predictions and roads, each asked for once), each layer row's
// status, the raster's opacity and the settlements' colouring. What a shared link carries is not kept here: a layer
// is on when its checkbox "#layer-<key>" is ticked (url-layers.js puts that in the URL as layers=) and the open site
// is the URL's site= (radio-sites.js reports it through urlstate.js). No module holds mutable state of its own.

const $ = id => document.getElementById(id);

export const LAYERS = [
  { key: 'sites', id: 'layer-sites', label: 'Radio sites', title: 'Radio sites and their sectors' },
  { key: 'raster', id: 'layer-coverage-raster', label: 'Coverage raster', title: 'Best-server RSRP raster of the latest coverage run' },
  { key: 'settlements', id: 'layer-coverage-settlements', label: 'Predicted service', sub: 'settlements', title: 'Predicted service at settlements (recolours the settlement points)' },
  { key: 'roads', id: 'layer-coverage-roads', label: 'Roads coverage', title: 'Roads coloured by the share of their kilometres covered' },
];

/** The definition of a layer by key. */
export const layerOf = key => LAYERS.find(l => l.key === key);

/** Whether a layer's checkbox is ticked (the one place a layer's on/off lives, mirrored in the URL). */
export const layerOn = key => $(layerOf(key).id).checked;

// Short notes under disabled layers (the row's tooltip has the long form).
export const NO_RUN = { note: 'No run yet: <code>dala radio coverage</code>', title: 'No coverage run yet: run `dala radio coverage` to compute coverage.' };
export const NO_SITES = { note: 'No sites: <code>dala import sites FILE</code>', title: 'No radio sites in the store: import them with `dala import sites FILE.csv`, or place a synthetic layout with `dala scenario sites`.' };
export const NO_RASTER = { note: 'No raster in this run: <code>--raster W,S,E,N</code>', title: 'The latest coverage run has no raster: run `dala radio coverage --raster west,south,east,north`.' };
export const NO_ROADS = { note: 'No roads in this run: <code>--roads FILE</code>', title: 'The latest coverage run assessed no roads: run `dala radio coverage --roads FILE.geojson` (or --roads synthetic).' };

export class RadioState {
  constructor() {
    /** Per layer key: {available: null (loading) | true | false, note, title, meta, synthetic, busy}. */
    this.layers = Object.fromEntries(LAYERS.map(l => [l.key, { available: null, note: 'Loading…', meta: '', synthetic: false, busy: false }]));
    this.sites = [];
    this.siteById = new Map();
    this.sitesSynthetic = false;
    this.run = undefined;          // undefined: loading, null: no run
    this.rowsById = null;          // settlement id → prediction row of the run, once loaded
    this.rowsRequest = null;       // the pending or done request for them (null: ask again)
    this.roadsRequest = null;
    this.opacity = 0.7;            // of the raster
    this.mode = 'class';           // settlements coloured by 'class' (speed class) or 'rsrp'
    this.runReady = new Promise(r => { this._resolveRun = r; });
  }

  /** Takes the parsed site list (radio-api.js parseSites). */
  setSites({ list, synthetic }) {
    this.sites = list;
    this.siteById = new Map(list.map((s, i) => [s.id, { ...s, index: i }]));
    this.sitesSynthetic = synthetic;
  }

  /** Takes the latest run (null: none); the first call settles runReady. */
  setRun(run) {
    this.run = run || null;
    this._resolveRun(this.run);
  }
}

// Radio layers on the map: sites, the coverage raster (best RSRP), predicted service at settlements and road
// coverage, each with its legend; the latest coverage run's summary; and the hooks the browser tests wait for
// (document.body.dataset.radio / coverageRun / layerSites / layerRaster / layerCoverage / layerRoads). This module
// wires the parts: radio-state (the one state object), radio-api (requests), radio-panel (the layers panel's rows,
// radio-summary, the run form), radio-sites, radio-raster, radio-predicted, radio-roads (the map layers) and
// radio-legend. A layer is on when its checkbox is ticked (in the URL as layers=, url-layers.js); the open site is the
// URL's site= (onSite out, selectSite in).
import { api } from './api.js';
import { showError } from './notify.js';
import { RadioState, layerOf, layerOn } from './radio-state.js';
import { fetchSites, fetchLatestRun, predictionFor } from './radio-api.js';
import { RadioPanel } from './radio-panel.js';
import { RadioSites } from './radio-sites.js';
import { RasterLayer } from './radio-raster.js';
import { PredictedLayer } from './radio-predicted.js';
import { RoadsLayer } from './radio-roads.js';

export { fmtDeg } from './radio-legend.js';

const $ = id => document.getElementById(id);
const hooks = document.body.dataset;

export class RadioLayers {
  /**
   * @param {{map: L.Map, points: any, settlements: () => any[], techStyle: () => object, onColouring?: (on:boolean) => void,
   *          syntheticStamp: L.Control, onSite?: (id: string|null) => void}} opts
   */
  constructor({ map, points, settlements, techStyle, onColouring, syntheticStamp, onSite }) {
    this.map = map;
    this.stamp = syntheticStamp;
    this.state = new RadioState();
    const state = this.state;
    this.panel = new RadioPanel($('layers-panel'), state, {
      onToggle: (key, on) => this._toggle(key, on),
      onOpacity: () => this.raster.setOpacity(),
      onZoomRaster: () => this.raster.zoomTo(),
      onMode: () => this.predicted.modeChanged(),
      onRunDone: async () => {
        state.rowsRequest = null;
        this._setRun(await api.coverage());
      },
    });
    this.siteLayer = new RadioSites({ map, state, panelEl: this.panel.el, onSite: onSite || (() => {}) });
    this.raster = new RasterLayer({ map, state, panel: this.panel });
    this.predicted = new PredictedLayer({ state, panel: this.panel, points, settlements, techStyle, onColouring: onColouring || (() => {}) });
    this.roads = new RoadsLayer({ map, state, panel: this.panel });
    this.layers = { sites: this.siteLayer, raster: this.raster, settlements: this.predicted, roads: this.roads };
    this.pointerOverlays = [this.siteLayer.pointerOverlay(), this.roads.pointerOverlay()];
  }

  /** The latest run (undefined while loading, null when there is none) and a promise of it. */
  get run() { return this.state.run; }
  get runReady() { return this.state.runReady; }
  /** Settlements per service class of the last predicted-service colouring (null before one). */
  get counts() { return this.predicted.counts; }

  /** Loads the site list and the latest run after the settlements (the big request) are in. */
  async start({ dataset, ready }) {
    try {
      await ready;
    } catch {
      this.state.setRun(null);
      this.panel.fail('Settlements could not be loaded.');
      return;
    }
    try {
      this.state.setSites(await fetchSites());
      this.panel.showSites();
    } catch (e) {
      showError(e, 'Radio sites');
      this.panel.set('sites', { available: false, note: 'Radio sites could not be loaded.' });
    }
    this.siteLayer.sitesLoaded();
    this._setRun(await fetchLatestRun(dataset, this.state.sites.length));
    hooks.radio = 'ready';
  }

  _setRun(run) {
    this.state.setRun(run);
    hooks.coverageRun = run ? String(run.id) : 'none';
    this.panel.showRun();
  }

  /** For the settlement card: {run, row, site} of the latest run, or null when there is no run. */
  predictionFor(id) {
    return predictionFor(this.state, id);
  }

  /** Extra hover-label line for a settlement while the prediction layer is on. */
  describeSettlement(id) {
    return this.predicted.describe(id);
  }

  /** Opens the popup of a site (index into the site list). */
  openSite(i) {
    this.siteLayer.open(i);
  }

  /** The URL's site= (a site id, or null to close the open popup). */
  selectSite(id) {
    this.siteLayer.select(id);
  }

  /**
   * The mount point for further radio sections (e.g. calibration): appends el to #radio-sections, under the coverage
   * run's summary and form in the layers panel, and returns it. this.runReady and this.run give the latest run.
   */
  addSection(el) {
    return $('radio-sections').appendChild(el);
  }

  async _toggle(key, on) {
    this.panel.renderRow(key);
    try {
      const layer = this.layers[key];
      if (on) await layer.show();
      else layer.hide();
    } catch (e) {
      showError(e, layerOf(key).label);
      $(layerOf(key).id).checked = false;
      this.panel.set(key, { busy: false });
    }
    this._updateStamp();
  }

  _updateStamp() {
    const synthetic = (layerOn('sites') && this.state.sitesSynthetic)
      || (['raster', 'settlements', 'roads'].some(layerOn) && this.state.run?.synthetic);
    if (!this.stamp) return;
    if (synthetic && !this.stamp._map) this.stamp.addTo(this.map);
    else if (!synthetic && this.stamp._map) this.stamp.remove();
  }
}

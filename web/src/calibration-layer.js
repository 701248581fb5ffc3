// The latest radio calibration's residuals as a layer of the main map: a row of the layers panel (#layer-residuals,
// so it is in the URL like every layer) that draws each test the fit used, coloured by measured − predicted RSRP
// (red where the model is optimistic), with the same colours, tooltips and legend as the Quality view's section.
// Hook for the browser tests: document.body.dataset.layerResiduals = none | ready | drawn:<points> | error.
import { getJson } from './api.js';
import { fmtInt } from './format.js';
import { residualLayer, legend } from './calibration.js';
import { showError } from './notify.js';

const $ = id => document.getElementById(id);
const hooks = document.body.dataset;

export class CalibrationLayer {
  /** @param {{map: L.Map, panel: HTMLElement}} opts  panel: the layers panel (the row goes into its .layer-list). */
  constructor({ map, panel }) {
    this.map = map;
    this.calibration = null;
    this.layer = null;
    const row = document.createElement('div');
    row.className = 'layer layer-residuals is-disabled';
    row.id = 'layer-residuals-row';
    row.dataset.layer = 'residuals';
    row.innerHTML = `
      <label class="layer-row" for="layer-residuals" title="Measured minus predicted RSRP of each test the latest calibration used">
        <input type="checkbox" id="layer-residuals" disabled>
        <span class="layer-icon layer-icon-residuals" aria-hidden="true"></span>
        <span class="layer-name">Calibration residuals</span>
        <span class="layer-syn" id="layer-residuals-syn" hidden title="The calibration rests on SYNTHETIC tests">SYN</span>
        <span class="layer-meta" id="layer-residuals-meta"></span>
      </label>
      <div class="layer-note" id="layer-residuals-note">No calibration yet: <code>dala radio calibrate</code></div>
      <div class="layer-extra" id="layer-residuals-extra" hidden>${legend('layer-residuals-legend')}</div>`;
    panel.querySelector('.layer-list').appendChild(row);
    $('layer-residuals').addEventListener('change', e => this.toggle(e.target.checked));
  }

  /** Asks for the latest calibration; the row is enabled when there is one. */
  async start() {
    try {
      const list = await getJson('/api/radio/calibrations');
      const c = this.calibration = list[0] || null;
      if (!c) { hooks.layerResiduals = 'none'; return; }
      $('layer-residuals-row').classList.remove('is-disabled');
      $('layer-residuals').disabled = false;
      $('layer-residuals-syn').hidden = !c.synthetic;
      $('layer-residuals-meta').textContent = fmtInt(c.samples);
      $('layer-residuals-note').textContent = `Calibration #${c.id}: held-out RMSE ${c.rmseBeforeDb.toFixed(1)} dB before, ${c.rmseAfterDb.toFixed(1)} dB after`;
      hooks.layerResiduals = 'ready';
    } catch (e) {
      hooks.layerResiduals = 'error';
      showError(e, 'Calibration');
    }
  }

  async toggle(on) {
    $('layer-residuals-extra').hidden = !on;
    if (!on) { this.layer?.remove(); return; }
    if (!this.layer) {
      const fc = await getJson(`/api/radio/calibrations/${this.calibration.id}/residuals`).catch(e => { showError(e, 'Calibration residuals'); return null; });
      if (!fc) return;
      if (!this.map.getPane('dalaResiduals')) this.map.createPane('dalaResiduals').style.zIndex = 460;   // above the settlements (450)
      this.layer = residualLayer(fc.features || [], window.L.canvas({ pane: 'dalaResiduals' }));
      this.count = (fc.features || []).length;
    }
    if ($('layer-residuals').checked) {
      this.layer.addTo(this.map);
      hooks.layerResiduals = `drawn:${this.count}`;
    }
  }
}

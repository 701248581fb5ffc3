// The predicted service layer: recolours the settlement points by the latest run's prediction, by speed class or by
// best RSRP (the panel's choice, RadioState.mode), with its legend and counts, and adds a line to a settlement's hover
// label. Turning it off gives the technology colours back. Hook: document.body.dataset.layerCoverage = the number of
// settlements with a prediction.
import { esc, fmtInt, fmtNum, fmtFixed1, SERVICE_CLASSES, SERVICE_BY_ID, serviceClass, coveredThreshold, rampColour } from './format.js';
import { layerOn } from './radio-state.js';
import { predictionRows } from './radio-api.js';
import { DEFAULT_RSRP_STOPS, NO_SERVICE_ON_RAMP, gradientLegend, keyItem } from './radio-legend.js';

const $ = id => document.getElementById(id);
const hooks = document.body.dataset;
const dbm = v => (v == null ? '—' : `${fmtFixed1(v)} dBm`);

export class PredictedLayer {
  /**
   * @param {{state: import('./radio-state.js').RadioState, panel: import('./radio-panel.js').RadioPanel, points: any,
   *          settlements: () => any[], techStyle: () => object, onColouring: (on: boolean) => void}} opts
   */
  constructor({ state, panel, points, settlements, techStyle, onColouring }) {
    Object.assign(this, { state, panel, points, settlements, techStyle, onColouring });
    this.counts = null;   // per service class, of the last colouring
  }

  async show() {
    if (!this.state.rowsById) {
      this.panel.set('settlements', { busy: true });
      try {
        await predictionRows(this.state);
      } finally {
        this.panel.set('settlements', { busy: false });
      }
    }
    if (!layerOn('settlements')) return;
    this.colour();
  }

  hide() {
    this.points.setStyle(this.techStyle());
    delete hooks.layerCoverage;
    this.onColouring(false);
  }

  /** Recolours after the colouring mode changed (while the layer is on). */
  modeChanged() {
    if (layerOn('settlements') && this.state.rowsById) this.colour();
  }

  colour() {
    const { rowsById, run, mode } = this.state;
    const list = this.settlements();
    const n = list.length;
    const group = new Uint8Array(n), rank = new Float64Array(n);
    const counts = Object.fromEntries(SERVICE_CLASSES.map(c => [c.id, 0]));
    let predicted = 0, colors;
    if (mode === 'rsrp') {
      const stops = run?.raster?.legend?.stops?.length >= 2 ? run.raster.legend.stops : DEFAULT_RSRP_STOPS;
      const lo = stops[0].value, hi = stops[stops.length - 1].value, step = (hi - lo) / 40;
      // "No service" in slate here: red already means a weak signal on this ramp.
      colors = [SERVICE_BY_ID.get('unknown').color, NO_SERVICE_ON_RAMP];
      for (let b = 0; b <= 40; b++) colors.push(rampColour(stops, lo + b * step));
      for (let i = 0; i < n; i++) {
        const row = rowsById.get(list[i].id);
        const cls = serviceClass(row);
        counts[cls]++;
        if (row) predicted++;
        if (!row) { group[i] = 0; rank[i] = 0; continue; }
        if (row.rsrpDbm == null) { group[i] = 1; rank[i] = 1; continue; }
        const b = Math.max(0, Math.min(40, Math.round((row.rsrpDbm - lo) / step)));
        group[i] = 2 + b;
        rank[i] = 2 + b;
      }
      $('coverage-settlements-legend').innerHTML = `
        ${gradientLegend(stops, { title: 'Best RSRP at the settlement (dBm)', format: v => fmtInt(v), ends: true })}
        <div class="key-list">
          ${keyItem({ ...SERVICE_BY_ID.get('none'), color: NO_SERVICE_ON_RAMP, title: 'No site in range' }, counts.none)}
          ${counts.unknown ? keyItem(SERVICE_BY_ID.get('unknown'), counts.unknown) : ''}
        </div>`;
    } else {
      colors = SERVICE_CLASSES.map(c => c.color);
      const last = SERVICE_CLASSES.length - 1;
      for (let i = 0; i < n; i++) {
        const row = rowsById.get(list[i].id);
        const cls = SERVICE_BY_ID.get(serviceClass(row));
        counts[cls.id]++;
        if (row) predicted++;
        group[i] = cls.index;
        // Not predicted at the bottom, then the best service drawn last (on top), like fibre on the technology map.
        rank[i] = cls.id === 'unknown' ? 0 : last - cls.index;
      }
      $('coverage-settlements-legend').innerHTML = classLegend(counts, coveredThreshold(run?.assumptions));
    }
    this.counts = counts;
    this.points.setStyle({ colors, group, rank });
    hooks.layerCoverage = String(predicted);
    this.onColouring(true);
  }

  /** Extra hover-label line for a settlement while the layer is on. */
  describe(id) {
    if (!layerOn('settlements') || !this.state.rowsById) return '';
    const row = this.state.rowsById.get(String(id));
    const cls = SERVICE_BY_ID.get(serviceClass(row));
    const bits = row ? [cls.short, row.rsrpDbm != null ? dbm(row.rsrpDbm) : null, row.peakMbps != null ? `${fmtNum(row.peakMbps)} Mbit/s peak` : null].filter(Boolean) : [cls.short];
    return `<div class="tip-radio"><span class="swatch" style="background:${cls.color}"></span>Predicted: ${esc(bits.join(' · '))}</div>`;
  }
}

/** The speed-class legend with the count of each class (the covered threshold, when known, in the weak class's title). */
function classLegend(counts, threshold) {
  const labels = { mbps100: '≥ 100 Mbit/s busy hour', covered: 'Covered', weak: 'Weak signal', none: 'No service', unknown: 'Not in the run' };
  const titles = {
    mbps100: 'At least 100 Mbit/s per user at the busy hour', covered: 'Covered, below 100 Mbit/s at the busy hour',
    weak: threshold != null ? `A site in range, RSRP below ${fmtInt(threshold)} dBm` : 'A site in range, RSRP below the threshold',
    none: 'No site in range', unknown: 'Not in the latest coverage run',
  };
  return `<div class="key-list">${SERVICE_CLASSES
    .filter(c => c.id !== 'unknown' || counts.unknown)
    .map(c => keyItem({ ...c, label: labels[c.id], title: titles[c.id] }, counts[c.id])).join('')}</div>`;
}

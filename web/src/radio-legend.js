// The radio layers' colour ramps and legends (HTML strings): gradient bars, key lines, the raster's RSRP legend.
import { esc, fmtInt } from './format.js';

/** RSRP colours when a run has no raster legend (the server's ramp). */
export const DEFAULT_RSRP_STOPS = [{ value: -120, colour: '#d7191c' }, { value: -95, colour: '#ffff00' }, { value: -70, colour: '#1a9641' }];
export const NO_SERVICE_ON_RAMP = '#475569';
/** Share of a road's kilometres covered: red → green. */
export const SHARE_STOPS = [
  { value: 0, colour: '#c8102e' }, { value: 0.25, colour: '#f46d43' }, { value: 0.5, colour: '#f6b73c' },
  { value: 0.75, colour: '#8cc63f' }, { value: 1, colour: '#1a9641' },
];

/** A cell size in degrees with the digits it needs: 0.02 → "0.02°" (not "0°"), 0.5 → "0.5°", 1 → "1°". */
export function fmtDeg(deg) {
  if (deg == null || !Number.isFinite(Number(deg))) return '—';
  return `${Number(Number(deg).toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 })}°`;
}

export function keyItem(c, count) {
  return `<div class="key-line"${c.title ? ` title="${esc(c.title)}"` : ''}><span class="swatch" style="background:${c.color}"></span><span class="key-label">${esc(c.label)}</span><span class="key-count">${fmtInt(count)}</span></div>`;
}

/** A horizontal gradient bar over stops [{value, colour}], with the stop values under it. */
export function gradientLegend(stops, { title, format, ends = false, marker = null }) {
  const lo = stops[0].value, hi = stops[stops.length - 1].value;
  const pos = v => ((v - lo) / (hi - lo)) * 100;
  const css = stops.map(s => `${s.colour} ${pos(s.value).toFixed(2)}%`).join(', ');
  const ticks = stops.map((s, i) => {
    const label = ends && i === 0 ? `≤ ${format(s.value)}` : ends && i === stops.length - 1 ? `≥ ${format(s.value)}` : format(s.value);
    return `<span class="grad-tick" style="left:${pos(s.value).toFixed(2)}%">${esc(label)}</span>`;
  }).join('');
  const mark = marker && marker.value > lo && marker.value < hi
    ? `<span class="grad-marker" style="left:${pos(marker.value).toFixed(2)}%" title="${esc(marker.title || '')}"></span>` : '';
  return `
    <div class="grad">
      ${title ? `<div class="grad-title">${esc(title)}</div>` : ''}
      <div class="grad-bar" style="background:linear-gradient(to right, ${css})">${mark}</div>
      <div class="grad-ticks">${ticks}</div>
    </div>`;
}

/** The raster's legend: its RSRP ramp (the run's, else the default) with the covered threshold marked. */
export function rasterLegend(legend, threshold) {
  const stops = Array.isArray(legend?.stops) && legend.stops.length >= 2 ? legend.stops : DEFAULT_RSRP_STOPS;
  const title = `${legend?.title || 'Best RSRP'}${legend?.unit ? ` (${legend.unit})` : ''}`;
  return `${gradientLegend(stops, {
    title, format: v => fmtInt(v), ends: true,
    marker: threshold != null ? { value: threshold, title: `Covered at RSRP ≥ ${fmtInt(threshold)} dBm` } : null,
  })}
    <div class="key-row key-row-small">
      ${threshold != null ? `<span class="key-item"><span class="key-marker" aria-hidden="true"></span>covered ≥ ${esc(fmtInt(threshold))} dBm</span>` : ''}
      <span class="key-item"><span class="key-nodata" aria-hidden="true"></span>${esc(legend?.noDataLabel || 'no data')}</span>
    </div>`;
}

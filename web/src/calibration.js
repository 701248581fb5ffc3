// Radio model calibration (dala radio calibrate): the latest calibration's before/after table, a predicted-vs-measured
// scatter (Chart.js, before and after, with y = x) and a residual map (Leaflet points coloured by measured - predicted
// RSRP on a diverging scale). Self-mounting: app.js imports this module once; it fills #calibration in the Quality view.
import { esc, fmtInt } from './format.js';
import { getJson as json } from './api.js';
import { withBasemap } from './basemap.js';

const $ = id => document.getElementById(id);
const RESIDUAL_STEPS = [
  { max: -12, color: '#b2182b', label: '< -12 dB' },
  { max: -6, color: '#ef8a62', label: '-12 to -6' },
  { max: -2, color: '#fddbc7', label: '-6 to -2' },
  { max: 2, color: '#f7f7f7', label: '-2 to 2' },
  { max: 6, color: '#d1e5f0', label: '2 to 6' },
  { max: 12, color: '#67a9cf', label: '6 to 12' },
  { max: Infinity, color: '#2166ac', label: '> 12 dB' },
];

/** The colour of a residual (measured - predicted, dB): red where the model is optimistic, blue where pessimistic. */
export function residualColor(db) {
  return RESIDUAL_STEPS.find(s => db < s.max)?.color ?? RESIDUAL_STEPS[RESIDUAL_STEPS.length - 1].color;
}

const f2 = v => (v == null || Number.isNaN(v) ? '–' : Number(v).toFixed(2));

function table(c) {
  const metrics = new Map(c.metrics.map(m => [m.group, m]));
  const rows = c.terms.map(t => {
    const m = metrics.get(t.group);
    const terms = t.fitted
      ? `<td>${f2(t.offsetDb)} ± ${f2(t.offsetSeDb)}</td><td>${f2(t.slopeDbPerDecade)} ± ${f2(t.slopeSeDb)}</td>`
      : `<td colspan="2" class="muted" title="${esc(t.note ?? '')}">not fit</td>`;
    return `<tr><th scope="row">${esc(t.group)}</th><td>${fmtInt(m.n)}</td>${terms}<td>${f2(m.biasBeforeDb)}</td><td>${f2(m.rmseBeforeDb)}</td><td>${f2(m.biasAfterDb)}</td><td>${f2(m.rmseAfterDb)}</td></tr>`;
  });
  const o = c.overall;
  rows.push(`<tr class="total"><th scope="row">all</th><td>${fmtInt(o.n)}</td><td></td><td></td><td>${f2(o.biasBeforeDb)}</td><td>${f2(o.rmseBeforeDb)}</td><td>${f2(o.biasAfterDb)}</td><td>${f2(o.rmseAfterDb)}</td></tr>`);
  return `<table class="data-table" id="calibration-table"><thead><tr><th>group</th><th>n</th><th>offset dB</th><th>slope dB/decade</th>
    <th>bias before</th><th>RMSE before</th><th>bias after</th><th>RMSE after</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function scatter(canvas, features) {
  if (!window.Chart) return null;
  const before = features.map(f => ({ x: f.properties.predictedDbm, y: f.properties.measuredDbm }));
  const after = features.map(f => ({ x: f.properties.calibratedDbm, y: f.properties.measuredDbm }));
  const all = before.concat(after).flatMap(p => [p.x, p.y]);
  const lo = Math.floor(Math.min(...all)), hi = Math.ceil(Math.max(...all));
  return new window.Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'before calibration', data: before, backgroundColor: 'rgba(239,138,98,0.45)', pointRadius: 2 },
        { label: 'after calibration', data: after, backgroundColor: 'rgba(33,102,172,0.45)', pointRadius: 2 },
        { label: 'measured = predicted', type: 'line', data: [{ x: lo, y: lo }, { x: hi, y: hi }], borderColor: '#333', borderWidth: 1, pointRadius: 0 },
      ],
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: 'predicted RSRP, dBm' }, min: lo, max: hi },
                y: { title: { display: true, text: 'measured RSRP (from throughput), dBm' }, min: lo, max: hi } },
    },
  });
}

/**
 * The residuals as Leaflet points (a layer group): measured − predicted RSRP of each test, with its tooltip.
 * renderer: where they are drawn (the main map puts them in a pane above the settlements).
 */
export function residualLayer(features, renderer = undefined) {
  const layer = window.L.layerGroup();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    window.L.circleMarker([lat, lon], { renderer, radius: 4, weight: 0.5, color: '#555', fillColor: residualColor(p.residualDb), fillOpacity: 0.9 })
      .bindTooltip(`${esc(p.operator)}${p.settlement ? ' · ' + esc(p.settlement) : ''}<br>predicted ${f2(p.predictedDbm)} dBm, measured ${f2(p.measuredDbm)} dBm<br>` +
        `residual ${f2(p.residualDb)} dB, after calibration ${f2(p.residualAfterDb)} dB`)
      .addTo(layer);
  }
  return layer;
}

function residualMap(el, features) {
  if (!window.L) return null;
  const map = withBasemap(window.L.map(el, { preferCanvas: true, attributionControl: false }));
  const layer = residualLayer(features).addTo(map);
  const pts = features.map(f => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  if (pts.length) map.fitBounds(window.L.latLngBounds(pts).pad(0.05));
  else map.setView([48, 67], 4);
  return { map, layer, count: features.length };
}

/** The residual colours' legend (id: the element's id). */
export function legend(id = 'calibration-legend') {
  return `<div class="calibration-legend" id="${id}" role="note">` + '<b>Residual</b> (measured − predicted RSRP): ' +
    RESIDUAL_STEPS.map(s => `<span class="calibration-swatch" style="background:${s.color}"></span>${esc(s.label)}`).join(' ') +
    ' <span class="muted">red: the model is optimistic, blue: pessimistic</span></div>';
}

async function show(root) {
  const list = await json('/api/radio/calibrations');
  const body = root.querySelector('.calibration-body');
  if (!list.length) {
    body.innerHTML = '<p class="muted">No calibration yet: <code>dala radio calibrate</code> fits the model to measured tests.</p>';
    document.body.dataset.calibration = 'none';
    return;
  }
  const id = list[0].id;
  const [c, points] = await Promise.all([json(`/api/radio/calibrations/${id}`), json(`/api/radio/calibrations/${id}/residuals`)]);
  $('calibration-synthetic').hidden = !c.synthetic;
  body.innerHTML = `<p class="muted" id="calibration-what">Calibration #${c.id} of coverage run #${c.coverageRunId ?? '–'} (model ${esc(c.model)}, ${esc(c.grouping)},
    ${c.folds}-fold held-out), tests ${esc(c.from.slice(0, 10))} to ${esc(c.to.slice(0, 10))}: ${fmtInt(c.counts.used)} of ${fmtInt(c.counts.tests)} used
    (${fmtInt(c.counts.saturated)} at saturation, ${fmtInt(c.counts.belowFloor)} below the floor, ${fmtInt(c.counts.noPrediction)} without a sector in range).
    Path loss becomes L + offset + slope × log10(d/km); bias = mean of measured − predicted RSRP on held-out folds.</p>
    <div class="table-wrap">${table(c)}</div>
    <div class="calibration-figures">
      <figure class="calibration-scatter"><canvas id="calibration-scatter" aria-label="Predicted against measured RSRP, before and after calibration"></canvas></figure>
      <figure class="calibration-map-wrap"><div id="calibration-map" class="calibration-map" aria-label="Residuals on the map"></div>${legend()}</figure>
    </div>
    <p><a href="/api/radio/calibrations/${c.id}/mismatches?format=csv" id="calibration-mismatches">${fmtInt(c.mismatches)} settlements where prediction and tests disagree (CSV)</a></p>`;
  const chart = scatter($('calibration-scatter'), points.features);
  const drawn = residualMap($('calibration-map'), points.features);
  root.calibration = { chart, drawn };
  document.body.dataset.calibrationPoints = String(drawn?.count ?? 0);
  document.body.dataset.calibrationScatter = String(chart ? chart.data.datasets[0].data.length : 0);
  document.body.dataset.calibration = String(c.id);
}

function mount() {
  const root = $('calibration');
  if (!root) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    show(root).catch(e => {
      root.querySelector('.calibration-body').innerHTML = `<p class="error">Calibration could not be loaded: ${esc(e.message)}</p>`;
      document.body.dataset.calibration = 'error';
    });
  };
  // Drawn when first seen (a map in a hidden view has no size); resized when its view is shown again.
  new IntersectionObserver(entries => {
    if (!entries.some(e => e.isIntersecting)) return;
    start();
    root.calibration?.drawn?.map.invalidateSize();
  }).observe(root);
}

mount();

// Dala front-end entry point: wires the map, filters, card and dashboard together.
import { api, buildUrl } from './api.js';
import { showError } from './notify.js';
import { TECHS, KINDS, TECH_DRAW_RANK, techIndex, fmtInt, fmtPct, fmtDateTime, esc } from './format.js';
import { createMap, BaseLayers, wirePointer, pointLabel, createSyntheticStamp, createRadioSyntheticStamp, KZ_BOUNDS } from './map.js';
import { PointsLayer, radiusFor, RADIUS } from './points.js';
import { Filters, searchIndexer } from './filters.js';
import { Card } from './card.js';
import { Dashboard } from './dashboard.js';
import { RadioLayers } from './radio.js';
import { SpeedTest } from './speedtest.js';
import { Quality } from './quality.js';
import { FibrePlan } from './fibre.js';
import { Rollout } from './rollout.js';
import { Compliance } from './compliance.js';
import { Auth } from './auth.js';
import { Indicators } from './indicators.js';
import { Events } from './events.js';
import { Permits } from './permits.js';
import { wireSheets } from './sheet.js';
import { watchLoading } from './loading.js';
import { fitFree, keepAboveSheet, followSize } from './map-fit.js';
import { learnNames } from './i18n.js';
import { UrlState, filtersToUrl, fibreToUrl, watchMapView } from './urlstate.js';
import { UrlLayers } from './url-layers.js';
import { CoordinateSearch } from './search.js';
import { RegionPanel } from './region-panel.js';
import { ProgressMap } from './progress-map.js';
import { followTabs } from './tabs-scroll.js';
import './calibration.js';
import { CalibrationLayer } from './calibration-layer.js';

const $ = id => document.getElementById(id);
// Layout: bottom sheets on phones, loading signs for every view's figures.
wireSheets();
watchLoading();

// ---------------------------------------------------------------- map and hooks (available synchronously)
const map = createMap($('map'));
followSize(map);
const base = new BaseLayers(map);
const points = new PointsLayer({ colors: TECHS.map(t => t.color) }).addTo(map);
const syntheticStamp = createSyntheticStamp(map);
function markSynthetic(on) {
  document.body.classList.toggle('is-synthetic', !!on);
  if (on) syntheticStamp.addTo(map);
  else syntheticStamp.remove();
}
// Radio layers (sites, coverage raster, predicted service, roads) and the coverage run summary.
const radio = new RadioLayers({
  map,
  points,
  settlements: () => settlements,
  techStyle: () => techStyleOf(settlements),
  onColouring: on => document.body.classList.toggle('colour-predicted', on),
  syntheticStamp: createRadioSyntheticStamp(),
  onSite: id => url.update({ site: id }),
});
// Fibre plan layer (a row of the layers panel): routes to the backbone, their summary, a settlement's path.
const fibrePlan = new FibrePlan({
  map,
  panel: $('layers-panel'),
  settlement: id => { const i = byId.get(String(id)); return i != null ? settlements[i] : null; },
  onOpenSettlement: id => openSettlement(id),
  cardOpen: () => card.isOpen,
  regionBounds: code => base.boundsOf(code),
  onPlan: params => url.update({ fibre: fibreToUrl(params) }, { replace: true }),
  onRoute: ends => url.update({ route: ends }, { replace: true }),
});
// The latest radio calibration's residuals (a row of the layers panel).
const calibrationLayer = new CalibrationLayer({ map, panel: $('layers-panel') });
calibrationLayer.start();
// Rollout plans: the Rollout plan view and the plan layer (a row of the layers panel) with the card's plan section.
const rollout = new Rollout({
  map,
  panel: $('layers-panel'),
  openSettlement: id => openSettlement(id),
  showMap: () => showView('map'),
});
wirePointer(map, {
  points,
  base,
  describePoint: i => pointLabel(settlements[i]) + radio.describeSettlement(settlements[i].id),
  onPointClick: i => openSettlement(settlements[i].id),
  overlays: [rollout.layer.pointerOverlay, ...radio.pointerOverlays, fibrePlan.pointerOverlay,
    // Last: a click on a region (not on a point or a layer) opens its figures.
    { above: false, active: () => true, hitTest: (cp, ll) => base.regionAt(ll), click: r => regionPanel.open(r.code),
      describe: r => { base.hover(r); return `<b>${esc(r.name)}</b>`; }, tipClass: 'tip-region' }],
});

let resolveReady, rejectReady;
const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
ready.catch(() => { /* reported through showError */ });

/** Loaded settlements, index-aligned with the points layer. */
let settlements = [];
let byId = new Map();
let mask = new Uint8Array(0);
let shownCount = 0;
let loaded = false;
let fcSynthetic = false;

// Region figures (a click on a region anywhere) and the Progress tab's choropleth.
const regionPanel = new RegionPanel({ onOpen: code => url.update({ panel: code }) });
const progressMap = new ProgressMap({ anchor: $('dash-regions').closest('.panel'), onRegion: code => regionPanel.open(code),
  onTarget: m => url.update({ target: m === 'broadband' ? null : m }, { replace: true }) });
const dashboard = new Dashboard({ onRegion: code => regionPanel.open(code), onData: d => progressMap.render(d) });
const card = new Card({
  onClose: () => { points.setSelected(-1); fibrePlan.clearPath(); rollout.layer.clearSettlement(); url.update({ s: null }); },
  asOf: () => dashboard.asOf,
  prediction: id => radio.predictionFor(id),
});
const filters = new Filters({ onChange: () => { applyFilters(); url.update(filtersToUrl(filters.state(), KINDS.length, TECHS.length)); } });
const speedtest = new SpeedTest();
const auth = new Auth();
auth.load();
const quality = new Quality();
// The Compliance view (verdicts, cases, challenges) and the rankings section of the Quality view.
const compliance = new Compliance();
// The Indicators view: the programme's figures, reported and derived, against the targets.
const indicators = new Indicators($('view-indicators'));
// The Events view (mass events: capacity and disruption).
const events = new Events($('events-root'));
// The Permits view: funnel, Kaplan-Meier curves, overdue and forecast tables, the stage form.
const permits = new Permits($('permits-root'));

window.dala = {
  map,
  ready,
  firstRenderMs: null,
  openSettlement,
  closeSettlement: () => card.close(),
  applyFilters: () => applyFilters(),
  showView,
  get shown() { return shownCount; },
  get total() { return settlements.length; },
  get points() { return points; },
  get filterState() { return filters.state(); },
  radio,
  speedtest,
  quality,
  /** The Compliance view (window.dala.compliance: verdicts, cases, challenges, rankings). */
  compliance,
  /** The Indicators view (window.dala.indicators.hooks: charts drawn, charts with a target). */
  indicators,
  /** The fibre plan layer; window.dala.fibre is the last plan JSON (null before the first). */
  fibreLayer: fibrePlan,
  get fibre() { return fibrePlan.plan; },
  /** The Rollout plan view (window.dala.rollout.plan is the open plan JSON, null before one is opened). */
  rollout,
  events,
  permits,
  /** The URL state (window.dala.url.state) and the region figures. */
  get url() { return url; },
  regionPanel,
  progressMap,
};

// Population size key under the technology legend (same radii as the map at the national zoom).
$('size-key').innerHTML = '<span class="size-title">Population</span>' + [[1000, '1k'], [100000, '100k'], [1000000, '1M'], [null, 'unknown']]
  .map(([p, label]) => {
    const d = Math.round((p == null ? RADIUS.min : radiusFor(p)) * 2);
    return `<span class="size-item"><span class="size-dot" style="width:${d}px;height:${d}px"></span>${label}</span>`;
  }).join('');

// ---------------------------------------------------------------- views (tabs)
const VIEWS = ['map', 'progress', 'speedtest', 'quality', 'rollout', 'compliance', 'permits', 'events', 'indicators'];
// The state in the URL (urlstate.js): restored once the settlements and regions are in, and on Back/Forward.
const url = new UrlState({ views: VIEWS, onRestore: restoreUrl });
const urlLayers = new UrlLayers({ panel: $('layers-panel'), url });
new CoordinateSearch({ input: $('filter-q'), map, settlements: () => settlements, openSettlement, showMap: () => showView('map') });

function restoreUrl(st, prev) {
  showView(st.tab);
  filters.setState(st);
  if (st.view) map.setView([st.view.lat, st.view.lon], st.view.zoom, { animate: false });
  else if (st.region !== prev.region) zoomToRegion(st.region);
  if (st.s) { if (card.current !== st.s || !card.isOpen) openSettlement(st.s, { keepView: true }); } else if (card.isOpen) card.close();
  urlLayers.apply(st.layers);
  radio.selectSite(st.site);
  fibrePlan.restore(st.fibre, st.route);
  if (st.panel) regionPanel.open(st.panel, { report: false }); else regionPanel.close(false);
  progressMap.setMetric(st.target || 'broadband');
}

function showView(name) {
  if (!VIEWS.includes(name)) name = 'map';
  for (const v of VIEWS) {
    const active = v === name;
    $(`view-${v}`).classList.toggle('is-active', active);
    $(`tab-${v}`).classList.toggle('is-active', active);
    $(`tab-${v}`).setAttribute('aria-selected', String(active));
  }
  document.body.dataset.view = name;
  if (name === 'map') map.invalidateSize({ pan: false });
  // The speed test and quality views load their data the first time they are shown.
  if (name === 'speedtest') speedtest.init();
  if (name === 'quality') { quality.init(); compliance.initRankings(); }
  if (name === 'rollout') rollout.init();
  if (name === 'compliance') compliance.init();
  if (name === 'indicators') indicators.init();
  if (name === 'events') events.init();
  if (name === 'permits') permits.init();
  // A narrow header scrolls the tab bar: keep the open view's tab in sight.
  $(`tab-${name}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  url.update({ tab: name, result: name === 'speedtest' ? url.state.result : null });
}
document.body.dataset.view = 'map';
for (const v of VIEWS) $(`tab-${v}`).addEventListener('click', () => showView(v));
followTabs(document.querySelector('.tabs'));
if (url.state.tab !== 'map') showView(url.state.tab);

// ---------------------------------------------------------------- filtering
const search = searchIndexer(() => settlements);

function applyFilters() {
  const state = filters.state();
  if (state.q) search.ensure();
  const pred = Filters.predicate(state);
  const n = settlements.length;
  if (mask.length !== n) mask = new Uint8Array(n);
  const counts = Object.fromEntries(TECHS.map(t => [t.id, 0]));
  let shown = 0, fibre = 0, broadband = 0, mbps100 = 0;
  for (let i = 0; i < n; i++) {
    const p = settlements[i];
    const ok = pred(p);
    mask[i] = ok ? 1 : 0;
    if (!ok) continue;
    shown++;
    counts[p.tech] = (counts[p.tech] || 0) + 1;
    if (p.tech === 'fibre') fibre++;
    if (p.broadband) broadband++;
    if (p.m100) mbps100++;
  }
  shownCount = shown;
  points.setVisible(mask);
  base.select(state.region);
  fibrePlan.followRegion(state.region);

  $('count-shown').textContent = String(shown);
  $('count-total').textContent = loaded ? `of ${fmtInt(n)}` : '';
  filters.setTechCounts(counts);
  const share = k => (shown ? k / shown : null);
  $('shown-summary').innerHTML = loaded ? `
    <div class="mini"><span class="mini-v" style="color:#4a2bd1">${esc(fmtPct(share(fibre)))}</span><span class="mini-l">fibre</span></div>
    <div class="mini"><span class="mini-v" style="color:#21a39a">${esc(fmtPct(share(broadband)))}</span><span class="mini-l">broadband</span></div>
    <div class="mini"><span class="mini-v" style="color:#e4572e">${esc(fmtPct(share(mbps100)))}</span><span class="mini-l">≥ 100 Mbps</span></div>` : '';

  for (const [id, fmt] of [['export-csv', 'csv'], ['export-geojson', 'geojson']]) {
    const a = $(id);
    a.href = Filters.exportUrl(state, fmt);
    const empty = loaded && shown === 0;
    a.classList.toggle('is-empty', empty);
    if (empty) a.setAttribute('aria-disabled', 'true');
    else a.removeAttribute('aria-disabled');
  }

  // Keep the selected point highlighted only while it is shown.
  if (card.isOpen && card.current != null) {
    const i = byId.get(card.current);
    points.setSelected(i != null && mask[i] ? i : -1);
  }
  if (loaded) document.body.dataset.filtered = String(shown);
  return shown;
}

function zoomToRegion(code) {
  const b = code ? base.boundsOf(code) || boundsOfPoints(p => p.region === code) : null;
  if (b && b.isValid()) map.fitBounds(b, { padding: [24, 24], animate: false });
  else if (!code) fitFree(map, $('layers-panel'), $('filters-sheet'), KZ_BOUNDS);
}

function boundsOfPoints(pred) {
  const pts = settlements.filter(pred).map(p => [p.lat, p.lon]);
  return pts.length ? window.L.latLngBounds(pts) : null;
}

$('zoom-region').addEventListener('click', () => zoomToRegion($('filter-region').value));

// Operators are listed under "Data sources", fetched the first time it is opened.
let operatorsLoaded = false;
document.querySelector('details.sources').addEventListener('toggle', e => {
  if (!e.target.open || operatorsLoaded) return;
  operatorsLoaded = true;
  api.operators().then(list => {
    const rows = (Array.isArray(list) ? list : []).slice().sort((a, b) => (b.settlements || 0) - (a.settlements || 0));
    $('dataset-operators').innerHTML = rows.map(o => `<li>${esc(o.name || o.id)} <span class="muted">· ${fmtInt(o.settlements)} settlements</span></li>`).join('')
      || '<li class="muted">No operators recorded.</li>';
  }).catch(err => {
    operatorsLoaded = false;
    $('dataset-operators').innerHTML = '<li class="muted">Could not load operators.</li>';
    showError(err, 'Operators');
  });
});
for (const id of ['export-csv', 'export-geojson']) {
  $(id).addEventListener('click', e => {
    if ($(id).getAttribute('aria-disabled') === 'true') {
      e.preventDefault();
      showError({ title: 'Nothing to export', detail: 'No settlement matches the current filters.' });
    }
  });
}

// ---------------------------------------------------------------- the card
async function openSettlement(id, { keepView = false } = {}) {
  if (id == null || id === '') return null;
  id = String(id);
  if (!keepView && document.body.dataset.view !== 'map') showView('map');
  url.update({ s: id });
  const i = byId.get(id);
  const preview = i != null ? settlements[i] : null;
  points.setSelected(i != null ? i : -1);
  const detail = await card.open(id, preview);
  if (preview && card.current === id) keepAboveSheet(map, [preview.lat, preview.lon], $('settlement-card'));   // phones: not under the card
  if (detail && card.current === id) {
    fibrePlan.showSettlement(id);
    rollout.layer.showSettlement(id);
  }
  return detail;
}

// ---------------------------------------------------------------- loading
/** The technology colouring of the points (restored when the predicted-service colouring is turned off). */
function techStyleOf(list) {
  return {
    colors: TECHS.map(t => t.color),
    group: list.map(p => techIndex(p.tech)),
    rank: list.map(p => TECH_DRAW_RANK.get(p.tech)),
  };
}

function toPoint(f) {
  const c = f?.geometry?.coordinates;
  if (!Array.isArray(c) || c.length < 2 || !Number.isFinite(+c[0]) || !Number.isFinite(+c[1])) return null;
  const pr = f.properties || {};
  const tech = TECHS[techIndex(pr.technology)].id;
  const p = {
    id: String(pr.id ?? f.id),
    name: pr.name || pr.names?.local || String(pr.id ?? f.id),
    kind: pr.kind,
    pop: pr.population == null ? null : Number(pr.population),
    tech,
    broadband: !!TECHS[techIndex(tech)].broadband,
    m100: !!pr.meets100Mbps,
    maxDown: pr.maxDownMbps ?? null,
    region: pr.region,
    regionName: pr.regionName,
    kato: pr.katoCode || null,
    lon: +c[0],
    lat: +c[1],
  };
  p.names = pr.names || null;
  return p;
}

function renderDataset(ds) {
  $('dataset-name').textContent = ds.name || 'Unnamed dataset';
  $('dataset-name').title = ds.name || '';
  const meta = [];
  if (ds.settlementCount != null) meta.push(`${fmtInt(ds.settlementCount)} settlements`);
  if (ds.revision != null) meta.push(`rev. ${ds.revision}`);
  $('dataset-meta').textContent = meta.join(' · ');
  const banner = $('synthetic-banner');
  if (ds.synthetic) {
    $('synthetic-note').textContent = ds.syntheticNote || 'Connectivity shown is a synthetic scenario, not observed data.';
    banner.hidden = false;
  } else {
    banner.hidden = true;
  }
  markSynthetic(ds.synthetic || (fcSynthetic && ds.synthetic !== false));
  $('dataset-sources').innerHTML = (ds.sources || []).map(s => `
    <li><b>${esc(s.kind)}</b>: ${esc(s.name)} <span class="muted">· ${s.rowsRead != null ? `${fmtInt(s.rowsRead)} read · ` : ''}${fmtInt(s.rows)} stored · ${esc(fmtDateTime(s.importedAt))}</span>
    ${s.synthetic ? '<span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</li>`).join('') || '<li class="muted">No sources listed.</li>';
}

async function load() {
  const t0 = performance.now();
  const settlementsRequest = api.settlementsGeoJson({}); // first in the browser's queue: it is the biggest
  const datasetRequest = api.dataset();
  const dataset = datasetRequest.then(renderDataset).catch(e => showError(e, 'Dataset'));
  radio.start({ dataset: datasetRequest, ready });
  fitFree(map, $('layers-panel'), $('filters-sheet'), KZ_BOUNDS);   // the open layers panel does not hide the west
  api.outline().then(fc => base.setOutline(fc)).catch(e => showError(e, 'Country outline'));
  api.regionShapes().then(fc => base.setRegions(fc)).catch(e => showError(e, 'Region polygons'));
  const regions = api.regions().then(list => {
    learnNames(list); // region names in the interface's language, wherever they are shown
    filters.setRegions(Array.isArray(list) ? list : []);
    fibrePlan.setRegions(list);
    rollout.setRegions(list);
  }).catch(e => showError(e, 'Regions'));
  dashboard.load('rural');

  try {
    const fc = await settlementsRequest;
    const t1 = performance.now();
    const feats = Array.isArray(fc?.features) ? fc.features : [];
    const list = [];
    for (const f of feats) {
      const p = toPoint(f);
      if (p) list.push(p);
    }
    settlements = list;
    search.reset();
    byId = new Map(list.map((p, i) => [p.id, i]));
    const t2 = performance.now();
    points.setData(list.map(p => ({ lat: p.lat, lon: p.lon, radius: radiusFor(p.pop), group: techIndex(p.tech), rank: TECH_DRAW_RANK.get(p.tech) })));
    window.dala.timings = { fetchMs: +(t1 - t0).toFixed(1), prepareMs: +(t2 - t1).toFixed(1), drawMs: +(performance.now() - t2).toFixed(1) };
    fcSynthetic = !!(fc && fc.synthetic);
    if (fcSynthetic && !document.body.classList.contains('is-synthetic') && $('dataset-name').textContent === 'Loading…') markSynthetic(true);
    loaded = true;
    applyFilters();
    // The region list is part of "ready" (the region filter can then be used at once), but never blocks it long.
    await Promise.race([regions, new Promise(r => setTimeout(r, 3000))]);
    url.restore();
    watchMapView(map, url);
    $('map-loading').hidden = true;
    document.body.dataset.ready = '1';
    window.dala.firstRenderMs = performance.now();
    window.dala.loadMs = performance.now() - t0;
    resolveReady({ settlements: list.length });
    search.schedule();
  } catch (e) {
    $('map-loading').textContent = 'Settlements could not be loaded.';
    $('map-loading').classList.add('is-error');
    showError(e, 'Settlements');
    rejectReady(e);
  }
  await dataset;
}

load();

// A new interface language: texts switch by themselves (i18n.js); redraw what carries numbers or names.
window.addEventListener('dala:language', () => {
  if (loaded) applyFilters();
  api.dataset().then(renderDataset).catch(() => { /* the header keeps its figures */ });
  dashboard.load();
  if (card.isOpen && card.current != null) openSettlement(card.current);
});

export { map, ready, openSettlement, buildUrl };

// Two saved plans side by side (GET /api/plans/compare?a=&b=): their totals, settlements per technology as grouped
// bars and a table, and a difference map of the settlements whose technology or year differ (filled with B's
// technology, ringed with A's; the popup says both).
// Hooks: document.body.dataset.planCompare = loading | drawn | error, planCompareDiffs = settlements on the map.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtDateTime } from './format.js';
import { simplifyLine, KZ_BOUNDS } from './map.js';
import { withBasemap } from './basemap.js';
import { techInfo, techClass, techChip, PLAN_CLASSES, fmtTenge, fmtGapShare, modeLabel } from './plan-format.js';

const L = window.L;
const $ = id => document.getElementById(id);
const hooks = document.body.dataset;
const TECH_ORDER = new Map(PLAN_CLASSES.map((c, i) => [c.id, i]));
const COLOR_A = '#94a3b8';
const COLOR_B = '#4a2bd1';
const MAX_MARKERS = 6000;

export class PlanCompare {
  /** @param {{onOpenSettlement: (id: string) => void, regionName: (code: string) => string}} opts */
  constructor({ onOpenSettlement, regionName }) {
    this.onOpenSettlement = onOpenSettlement;
    this.regionName = regionName || (c => c);
    this.chart = null;
    this.map = null;
    this.data = null;
    this._seq = 0;
    $('plan-compare-form').addEventListener('submit', e => { e.preventDefault(); this.run(); });
    $('plan-compare-swap').addEventListener('click', () => {
      const a = $('plan-compare-a').value;
      $('plan-compare-a').value = $('plan-compare-b').value;
      $('plan-compare-b').value = a;
    });
  }

  /** Fills both choices from the saved plans; keeps the choices, else picks the two newest (older as A). */
  setPlans(plans, openId) {
    const opts = plans.map(p => `<option value="${esc(p.id)}">${esc(p.name || `Plan ${p.id}`)} · ${esc(fmtDateTime(p.createdAt))}</option>`).join('');
    for (const id of ['plan-compare-a', 'plan-compare-b']) {
      const sel = $(id), cur = sel.value;
      sel.innerHTML = opts;
      if (cur && plans.some(p => String(p.id) === cur)) sel.value = cur;
      else sel.value = '';
    }
    const ids = plans.map(p => String(p.id));
    if (!$('plan-compare-b').value && ids.length) $('plan-compare-b').value = openId && ids.includes(String(openId)) ? String(openId) : ids[0];
    if (!$('plan-compare-a').value && ids.length > 1) $('plan-compare-a').value = ids.find(x => x !== $('plan-compare-b').value) || '';
    $('plan-compare-run').disabled = plans.length < 2;
    $('plan-compare-hint').hidden = plans.length >= 2;
  }

  async run(a = $('plan-compare-a').value, b = $('plan-compare-b').value) {
    if (!a || !b) return;
    if (String(a) === String(b)) {
      showError({ title: 'Pick two different plans', detail: 'Plan A and plan B are the same plan.' }, 'Compare plans');
      return;
    }
    $('plan-compare-a').value = String(a);
    $('plan-compare-b').value = String(b);
    const seq = ++this._seq;
    hooks.planCompare = 'loading';
    $('plan-compare-run').disabled = true;
    try {
      const data = await api.comparePlans(a, b);
      if (seq !== this._seq) return;
      this.data = data;
      $('plan-compare-result').hidden = false;
      this._renderTotals(data);
      this._renderChart(data);
      await this._renderMap(data);
      if (seq !== this._seq) return;
      hooks.planCompare = 'drawn';
    } catch (e) {
      if (seq !== this._seq) return;
      hooks.planCompare = 'error';
      showError(e, 'Compare plans');
    } finally {
      if (seq === this._seq) $('plan-compare-run').disabled = false;
    }
  }

  _renderTotals(d) {
    const A = d.a || {}, B = d.b || {};
    // B − A; money going up is red, down green; counts are neutral.
    const diff = (x, y, f, money = false) => {
      const v = Number(y) - Number(x);
      if (x == null || y == null || !Number.isFinite(v)) return '<td class="num muted">—</td>';
      const cls = money ? (v > 0 ? 'is-up' : v < 0 ? 'is-down' : '') : '';
      return `<td class="num plan-diff ${cls}">${v > 0 ? '+' : v < 0 ? '−' : '±'}${esc(f(Math.abs(v)))}</td>`;
    };
    const row = (label, get, f, withDiff = true, money = false) =>
      `<tr><th>${label}</th><td class="num">${esc(f(get(A)))}</td><td class="num">${esc(f(get(B)))}</td>${withDiff ? diff(get(A), get(B), f, money) : '<td></td>'}</tr>`;
    const txt = v => (v == null ? '—' : String(v));
    const only = v => (Array.isArray(v) ? v.length : Number(v) || 0);
    const techs = (d.technologies || []).slice().sort((x, y) => (TECH_ORDER.get(techClass(x.technology)) ?? 99) - (TECH_ORDER.get(techClass(y.technology)) ?? 99));
    $('plan-compare-totals').innerHTML = `
      <table class="data-table plan-compare-table" id="plan-compare-table">
        <thead><tr><th></th>
          <th class="num">A · ${esc(A.name || A.id)}${A.synthetic ? ' <span class="badge badge-synthetic badge-xs">SYNTHETIC</span>' : ''}</th>
          <th class="num">B · ${esc(B.name || B.id)}${B.synthetic ? ' <span class="badge badge-synthetic badge-xs">SYNTHETIC</span>' : ''}</th>
          <th class="num">B − A</th></tr></thead>
        <tbody>
          ${row('Goal', p => modeLabel(p.mode), txt, false)}
          ${row('Net present cost', p => p.totalNpvTenge, fmtTenge, true, true)}
          ${row('Capex', p => p.capexTenge, fmtTenge, true, true)}
          ${row('Gap to the lower bound', p => p.gap, fmtGapShare, false)}
          ${row('Settlements', p => p.settlements, fmtInt)}
          ${row('People', p => p.population, fmtInt)}
          ${row('Years', p => (p.firstYear ? `${p.firstYear}–${p.lastYear}` : null), txt, false)}
          ${row('Dated targets', p => (p.targetsMet == null ? null : p.targetsMet ? 'met' : 'not met'), txt, false)}
        </tbody>
        <tbody class="plan-compare-techs">
          <tr class="plan-compare-sub"><th colspan="4">Settlements (capex) by technology</th></tr>
          ${techs.map(t => `<tr data-technology="${esc(t.technology)}"><th>${techChip(t.technology)}</th>
            <td class="num">${esc(fmtInt(t.settlementsA))} <span class="muted">(${esc(fmtTenge(t.capexA))})</span></td>
            <td class="num">${esc(fmtInt(t.settlementsB))} <span class="muted">(${esc(fmtTenge(t.capexB))})</span></td>
            ${diff(t.settlementsA, t.settlementsB, fmtInt)}</tr>`).join('')}
        </tbody>
      </table>
      <p class="hint plan-compare-note" id="plan-compare-note">${esc(fmtInt((d.settlements || []).length))} settlements differ in technology or year${only(d.onlyInA) || only(d.onlyInB) ? `; ${esc(fmtInt(only(d.onlyInA)))} only in A, ${esc(fmtInt(only(d.onlyInB)))} only in B` : ''}.</p>`;
  }

  _renderChart(d) {
    const canvas = $('plan-compare-chart');
    if (!canvas || !window.Chart) return;
    const techs = (d.technologies || []).slice().sort((x, y) => (TECH_ORDER.get(techClass(x.technology)) ?? 99) - (TECH_ORDER.get(techClass(y.technology)) ?? 99));
    const datasets = [
      { label: `A · ${d.a?.name || 'A'}`, data: techs.map(t => t.settlementsA || 0), backgroundColor: COLOR_A, capex: techs.map(t => t.capexA) },
      { label: `B · ${d.b?.name || 'B'}`, data: techs.map(t => t.settlementsB || 0), backgroundColor: COLOR_B, capex: techs.map(t => t.capexB) },
    ];
    if (this.chart) this.chart.destroy();
    this.chart = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: techs.map(t => techInfo(t.technology).label), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
          tooltip: { callbacks: { label: item => `${item.dataset.label}: ${fmtInt(item.raw)} settlements, ${fmtTenge(item.dataset.capex[item.dataIndex])}` } },
        },
        scales: {
          x: { grid: { display: false }, ticks: { font: { size: 11 } } },
          y: { beginAtZero: true, grid: { color: '#eef1f4' }, ticks: { precision: 0, font: { size: 11 } }, title: { display: true, text: 'Settlements', font: { size: 11 } } },
        },
      },
    });
    canvas.dataset.bars = String(techs.length * 2);
  }

  // ------------------------------------------------------------------ the difference map
  _initMap() {
    if (this.map || !L) return;
    const map = this.map = withBasemap(L.map($('plan-compare-map'), { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 3, maxZoom: 12, attributionControl: false, fadeAnimation: false, preferCanvas: true }));
    map.fitBounds(KZ_BOUNDS, { padding: [6, 6], animate: false });
    // The differing settlements have their own pane above the region polygons (which arrive later on another canvas).
    map.createPane('planDiff').style.zIndex = 450;
    this.renderer = L.canvas({ pane: 'planDiff', padding: 0.3 });
    this.regionLayer = L.geoJSON(null, { interactive: false, style: () => ({ color: '#93a1b0', weight: 0.8, fillColor: '#ffffff', fillOpacity: 1 }) }).addTo(map);
    this.diffLayer = L.layerGroup().addTo(map);
    this.stamp = L.control({ position: 'bottomright' });
    this.stamp.onAdd = () => {
      const el = L.DomUtil.create('div', 'map-synthetic');
      el.id = 'plan-compare-synthetic';
      el.textContent = 'SYNTHETIC plans';
      el.title = 'At least one of the plans is computed from SYNTHETIC inputs';
      return el;
    };
    api.regionShapes().then(fc => {
      const feats = (fc?.features || []).filter(f => f && f.geometry).map(f => ({ ...f, geometry: simplify(f.geometry) }));
      this.regionLayer.addData({ type: 'FeatureCollection', features: feats });
      this.regionLayer.bringToBack();
    }).catch(e => showError(e, 'Region polygons'));
  }

  async _renderMap(d) {
    this._initMap();
    if (!this.map) return;
    this.map.invalidateSize({ pan: false });
    this.diffLayer.clearLayers();
    const rows = (d.settlements || []).filter(s => Number.isFinite(+s.lat) && Number.isFinite(+s.lon));
    const shown = rows.slice(0, MAX_MARKERS);
    for (const s of shown) {
      const a = s.technologyA == null ? null : techInfo(s.technologyA);
      const b = s.technologyB == null ? null : techInfo(s.technologyB);
      const m = L.circleMarker([+s.lat, +s.lon], {
        renderer: this.renderer, radius: 5.5, weight: 2.6,
        color: a ? a.color : '#ffffff', fillColor: b ? b.color : '#ffffff', fillOpacity: b ? 0.95 : 0.4, opacity: 1,
        className: 'plan-diff-point',
      });
      m.bindTooltip(() => diffTip(s, this.regionName), { direction: 'top', className: 'qa-tip', opacity: 1 });
      m.bindPopup(() => {
        const el = document.createElement('div');
        el.className = 'plan-diff-pop';
        el.innerHTML = `${diffTip(s, this.regionName)}<button type="button" class="button button-small plan-diff-open">Open the settlement card</button>`;
        el.querySelector('.plan-diff-open').addEventListener('click', () => this.onOpenSettlement(s.settlementId));
        return el;
      }, { maxWidth: 320 });
      this.diffLayer.addLayer(m);
    }
    hooks.planCompareDiffs = String(shown.length);
    const synthetic = !!(d.a?.synthetic || d.b?.synthetic);
    if (synthetic) this.stamp.addTo(this.map);
    else this.stamp.remove();
    if (shown.length) {
      const bounds = L.latLngBounds(shown.map(s => [+s.lat, +s.lon]));
      this.map.fitBounds(bounds, { padding: [24, 24], animate: false, maxZoom: 9 });
    } else {
      this.map.fitBounds(KZ_BOUNDS, { padding: [6, 6], animate: false });
    }
    const used = new Set(shown.flatMap(s => [s.technologyA, s.technologyB]).filter(t => t != null).map(techClass));
    $('plan-compare-legend').innerHTML = `
      <span class="qa-legend-title">Fill: plan B’s technology · ring: plan A’s</span>
      ${PLAN_CLASSES.filter(c => used.has(c.id)).map(c => `<span class="qa-legend-item"><span class="swatch" style="background:${c.color}"></span>${esc(c.label)}</span>`).join('')}
      ${used.has('none') ? '<span class="qa-legend-item"><span class="swatch" style="background:#d7263d"></span>None</span>' : ''}
      <span class="qa-legend-item"><span class="swatch plan-swatch-absent"></span>not in that plan</span>
      ${rows.length > shown.length ? `<span class="muted">${esc(fmtInt(shown.length))} of ${esc(fmtInt(rows.length))} shown</span>` : ''}
      ${shown.length ? '' : '<span class="muted">The two plans agree on every settlement.</span>'}`;
  }
}

function diffTip(s, regionName) {
  const side = (t, y, c) => (t == null ? '<span class="muted">not in this plan</span>'
    : `${techChip(t)} · ${y == null ? 'no year' : esc(y)}${c ? ` · ${esc(fmtTenge(c))}` : ''}`);
  return `<div class="qa-tip-head">${esc(s.name || s.settlementId)} <span class="muted">${esc(regionName(s.region))}</span></div>
    <table class="qa-tip-table"><tr><th>A</th><td>${side(s.technologyA, s.yearA, s.capexA)}</td></tr><tr><th>B</th><td>${side(s.technologyB, s.yearB, s.capexB)}</td></tr></table>`;
}

function simplify(g) {
  const ring = r => simplifyLine(r, 0.01);
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(p => p.map(ring)) };
  return g;
}

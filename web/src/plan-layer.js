// The rollout plan on the national map (a row of the layers panel): every settlement of the open plan coloured by
// its planned technology (already served grey), the new fibre coloured by the year it is laid, the sites it builds as
// small squares, a year slider (later work fades and dashes), a legend with counts, and a SYNTHETIC stamp when the plan
// is synthetic. The settlement card gets a "Rollout plan" section from /api/plans/{id}/settlements/{sid}.
//
// Hooks for the browser tests (document.body.dataset):
//   planLayer   = off | loading | drawn | error   the layer's state
//   planPoints  = settlements drawn               planFibre = fibre segments drawn   planSites = sites drawn
//   planYear    = the slider's year ("" = all years)
//   planCard    = loading | ready | absent | error   the card's plan section (absent: 404, not in this plan)
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtMbps } from './format.js';
import { PointsLayer, radiusFor } from './points.js';
import {
  PLAN_CLASSES, planClass, classInfo, classChip, techChip, yearColor, siteKind, SITE_KINDS, fmtTenge, fmtKm, yearWords,
} from './plan-format.js';

const L = window.L;
const $ = id => document.getElementById(id);
const hooks = document.body.dataset;
const NC = PLAN_CLASSES.length + 1;      // colour groups per state (the classes and "other")
const DRAW_RANK = { served: 0, unscheduled: 1, none: 2 };

/** rgba() of a #rrggbb colour. */
function alpha(hex, a) {
  const v = parseInt(String(hex).slice(1), 16);
  return `rgba(${(v >> 16) & 255}, ${(v >> 8) & 255}, ${v & 255}, ${a})`;
}

export class PlanLayer {
  /**
   * @param {{map: L.Map, panel: HTMLElement, onOpenSettlement: (id: string) => void, onWant: () => void}} opts
   *   onWant: the layer was switched on without a plan (the view opens the newest saved plan).
   */
  constructor({ map, panel, onOpenSettlement, onWant }) {
    this.map = map;
    this.panel = panel;
    this.onOpenSettlement = onOpenSettlement;
    this.onWant = onWant || (() => {});
    this.plan = null;          // the open plan (GET /api/plans/{id})
    this.items = [];           // settlement features' properties with lat/lon, index-aligned with the points
    this.fibre = [];           // {year, latlngs, km, capexTenge}
    this.sites = [];
    this.year = null;          // slider: show up to this year (null: all)
    this._seq = 0;
    this._cardSeq = 0;
    this._cardFor = null;
    this._geo = null;

    for (const [name, z] of [['dalaPlanFibre', 452], ['dalaPlan', 456], ['dalaPlanSites', 458]]) {
      const pane = map.createPane(name);
      pane.style.zIndex = z;
      pane.style.pointerEvents = 'none';
    }
    this.points = new PointsLayer({ pane: 'dalaPlan', colors: [], opacity: 0.95, strokeWidth: 0.8 });
    this.fibreRenderer = L.canvas({ pane: 'dalaPlanFibre', padding: 0.3 });
    this.siteRenderer = L.canvas({ pane: 'dalaPlanSites', padding: 0.3 });
    this.fibreLayer = L.layerGroup();
    this.siteLayer = L.layerGroup();
    this.stamp = L.control({ position: 'bottomright' });
    this.stamp.onAdd = () => {
      const el = L.DomUtil.create('div', 'map-synthetic map-synthetic-plan');
      el.id = 'plan-synthetic-stamp';
      el.title = 'The rollout plan shown is computed from SYNTHETIC inputs (connectivity scenario, sites), not observed data';
      return el;
    };
    hooks.planLayer = 'off';
    this._build();
    this.pointerOverlay = this._overlay();
  }

  get isOn() { return $('layer-plan').checked; }

  // ------------------------------------------------------------------ panel row
  _build() {
    const row = document.createElement('div');
    row.className = 'layer layer-plan';
    row.id = 'layer-plan-row';
    row.dataset.layer = 'plan';
    row.innerHTML = `
      <label class="layer-row" for="layer-plan" title="The open rollout plan: planned technology and year per settlement, new fibre, new sites">
        <input type="checkbox" id="layer-plan">
        <span class="layer-icon layer-icon-plan" aria-hidden="true"></span>
        <span class="layer-name">Rollout plan</span>
        <span class="layer-syn" id="layer-plan-syn" hidden title="The plan is computed from SYNTHETIC inputs">SYN</span>
        <span class="layer-meta" id="layer-plan-meta"></span>
      </label>
      <div class="layer-note" id="layer-plan-note">Technology and year per settlement</div>
      <div class="layer-extra plan-extra" id="layer-plan-extra" hidden>
        <div class="plan-layer-name" id="plan-layer-name"></div>
        <div class="plan-year-row">
          <label for="plan-year">Built by the end of</label>
          <input type="range" id="plan-year" min="0" max="0" step="1" value="0" aria-describedby="plan-year-value">
          <output id="plan-year-value" for="plan-year" class="plan-year-value">all</output>
        </div>
        <div class="key-list plan-key" id="plan-key" aria-label="Legend: planned technology"></div>
        <div class="key-row key-row-small" id="plan-key-lines"></div>
        <button type="button" class="link-button" id="plan-layer-zoom">Zoom to the plan</button>
      </div>`;
    this.panel.querySelector('.layer-list').appendChild(row);
    $('layer-plan').addEventListener('change', e => this._toggle(e.target.checked));
    $('plan-year').addEventListener('input', e => this.setYear(Number(e.target.value)));
    $('plan-layer-zoom').addEventListener('click', () => this.fit(true));
    this._renderRow();
  }

  _renderRow() {
    const on = this.isOn, p = this.plan;
    $('layer-plan-row').classList.toggle('is-on', on);
    $('layer-plan-row').classList.toggle('is-busy', hooks.planLayer === 'loading');
    $('layer-plan-extra').hidden = !on || !p;
    $('layer-plan-syn').hidden = !(p && p.synthetic);
    $('layer-plan-meta').textContent = p ? fmtTenge(p.summary?.totalNpvTenge) : '';
    const note = $('layer-plan-note');
    note.textContent = hooks.planLayer === 'loading' ? 'Loading the plan…'
      : p ? (on ? '' : p.name) : 'No plan open: start or open one in the Rollout tab';
    note.hidden = !note.textContent;
  }

  // ------------------------------------------------------------------ data
  /** Shows a plan (GET /api/plans/{id} JSON); its GeoJSON is fetched when the layer is on. */
  async setPlan(plan, { show = false, geo = null } = {}) {
    const seq = ++this._seq;
    this.plan = plan;
    this._geo = null;
    this._given = geo;
    this.items = [];
    this.fibre = [];
    this.sites = [];
    this.year = null;
    if (show && !this.isOn) $('layer-plan').checked = true;
    this._clear();
    this._renderRow();
    if (this._cardFor) this.showSettlement(this._cardFor);
    if (plan && this.isOn) await this._load(seq);
    else this._updateStamp();
  }

  async _load(seq = this._seq) {
    const plan = this.plan;
    if (!plan) return;
    if (this._geo) { this._draw(); return; }
    hooks.planLayer = 'loading';
    this._renderRow();
    try {
      const fc = this._given || await api.planGeoJson(plan.id);
      this._given = null;
      if (seq !== this._seq) return;
      this._geo = fc;
      this._read(fc);
      this._draw();
      this.fit();
    } catch (e) {
      if (seq !== this._seq) return;
      hooks.planLayer = 'error';
      showError(e, 'Rollout plan map');
    } finally {
      if (seq === this._seq) this._renderRow();
    }
  }

  _read(fc) {
    const items = [], fibre = [], sites = [];
    for (const f of Array.isArray(fc?.features) ? fc.features : []) {
      const p = f?.properties || {}, g = f?.geometry;
      if (!g) continue;
      if (p.kind === 'settlement' && g.type === 'Point') {
        const [lon, lat] = g.coordinates || [];
        if (!Number.isFinite(+lon) || !Number.isFinite(+lat)) continue;
        items.push({ ...p, lon: +lon, lat: +lat, cls: planClass(p) });
      } else if (p.kind === 'fibre' && g.type === 'LineString') {
        const latlngs = (g.coordinates || []).filter(c => Number.isFinite(+c[0]) && Number.isFinite(+c[1])).map(c => [+c[1], +c[0]]);
        if (latlngs.length >= 2) fibre.push({ year: p.year, km: p.km, capexTenge: p.capexTenge, latlngs });
      } else if (p.kind === 'site' && g.type === 'Point') {
        const [lon, lat] = g.coordinates || [];
        if (Number.isFinite(+lon) && Number.isFinite(+lat)) sites.push({ ...p, lon: +lon, lat: +lat });
      }
    }
    this.items = items;
    this.fibre = fibre;
    this.sites = sites;
    this.byId = new Map(items.map((p, i) => [String(p.id), i]));
    const s = this.plan?.summary || {};
    const years = [...items.map(p => p.year), ...fibre.map(f => f.year)].filter(y => Number.isFinite(y));
    this.firstYear = s.firstYear || (years.length ? Math.min(...years) : new Date().getFullYear());
    this.lastYear = Math.max(s.lastYear || this.firstYear, years.length ? Math.max(...years) : this.firstYear);
    const slider = $('plan-year');
    slider.min = String(this.firstYear);
    slider.max = String(this.lastYear);
    slider.value = String(this.lastYear);
    this.setYear(this.lastYear);
  }

  /** Classes by count: {fibre: 12, served: 300, …}. */
  classCounts() {
    const counts = {};
    for (const p of this.items) counts[p.cls] = (counts[p.cls] || 0) + 1;
    return counts;
  }

  /** The colour the map gives a class (for tests and the legend). */
  classColor(id) { return classInfo(id).color; }

  // ------------------------------------------------------------------ drawing
  _clear() {
    this.points.setData([]);
    this.fibreLayer.clearLayers();
    this.siteLayer.clearLayers();
    for (const l of [this.points, this.fibreLayer, this.siteLayer]) l.remove();
    hooks.planPoints = '0';
    hooks.planFibre = '0';
    hooks.planSites = '0';
    if (!this.plan || !this.isOn) hooks.planLayer = 'off';
    document.body.classList.remove('plan-on');
  }

  _draw() {
    if (!this.isOn || !this.plan) return;
    const idx = c => classInfo(c).index;
    this.points.setData(this.items.map(p => ({
      lat: p.lat, lon: p.lon, radius: radiusFor(p.population), group: idx(p.cls),
      rank: DRAW_RANK[p.cls] ?? 3,
    })));
    if (!this.map.hasLayer(this.points)) this.points.addTo(this.map);
    this._style();
    this.fibreLayer.addTo(this.map);
    this.siteLayer.addTo(this.map);
    hooks.planPoints = String(this.items.length);
    hooks.planFibre = String(this.fibre.length);
    hooks.planSites = String(this.sites.length);
    hooks.planLayer = 'drawn';
    document.body.classList.add('plan-on');
    this._renderLegend();
    this._updateStamp();
  }

  /** Colours per the slider: work after the chosen year is faded (points), dashed (fibre) and hollow (sites). */
  _style() {
    const Y = this.year;
    const colors = [...PLAN_CLASSES.map(c => c.color), '#64748b'];
    const faded = colors.map(c => alpha(c, 0.22));
    const later = p => Y != null && p.year != null && p.year > Y;
    this.points.setStyle({
      colors: [...colors, ...faded],
      group: this.items.map(p => classInfo(p.cls).index + (later(p) ? NC : 0)),
      rank: this.items.map(p => (later(p) ? -1 : DRAW_RANK[p.cls] ?? 3)),
    });
    // Fibre: one multi-line per year, coloured by year; later years dashed and faint.
    this.fibreLayer.clearLayers();
    const byYear = new Map();
    for (const f of this.fibre) {
      if (!byYear.has(f.year)) byYear.set(f.year, []);
      byYear.get(f.year).push(f.latlngs);
    }
    for (const [year, lines] of [...byYear].sort((a, b) => b[0] - a[0])) {
      const late = Y != null && year > Y;
      const base = { renderer: this.fibreRenderer, interactive: false, lineCap: 'round', lineJoin: 'round' };
      if (!late) this.fibreLayer.addLayer(L.polyline(lines, { ...base, color: '#ffffff', weight: 4.5, opacity: 0.8 }));
      this.fibreLayer.addLayer(L.polyline(lines, {
        ...base, color: yearColor(year, this.firstYear), weight: late ? 1.6 : 2.4, opacity: late ? 0.45 : 0.95, dashArray: late ? '4 5' : null,
      }));
    }
    this.siteLayer.clearLayers();
    for (const s of this.sites) {
      const late = Y != null && s.year > Y;
      const k = siteKind(s.siteKind);
      this.siteLayer.addLayer(L.circleMarker([s.lat, s.lon], {
        renderer: this.siteRenderer, interactive: false, radius: 3.2, weight: 1.4,
        color: late ? k.color : '#ffffff', fillColor: k.color, fillOpacity: late ? 0 : 1, opacity: late ? 0.6 : 1,
      }));
    }
  }

  setYear(y) {
    this.year = !Number.isFinite(y) || y >= this.lastYear ? null : y;
    $('plan-year-value').textContent = this.year == null ? `${this.lastYear} (all)` : String(this.year);
    hooks.planYear = this.year == null ? '' : String(this.year);
    if (hooks.planLayer === 'drawn') {
      this._style();
      this._renderLegend();
    }
  }

  _renderLegend() {
    const counts = this.classCounts();
    const Y = this.year;
    const by = {};
    if (Y != null) for (const p of this.items) if (p.year == null || p.year <= Y) by[p.cls] = (by[p.cls] || 0) + 1;
    $('plan-key').innerHTML = PLAN_CLASSES.filter(c => counts[c.id] || ['fibre', '5G', 'fixed-wireless', 'leo', '4G', 'served'].includes(c.id)).map(c => `
      <div class="key-line plan-key-line${counts[c.id] ? '' : ' is-zero'}" data-class="${c.id}"${c.title ? ` title="${esc(c.title)}"` : ''}>
        <span class="swatch" style="background:${c.color}"></span><span class="key-label">${esc(c.label)}</span>
        <span class="key-count">${Y != null && counts[c.id] ? `${fmtInt(by[c.id] || 0)} of ` : ''}${fmtInt(counts[c.id] || 0)}</span>
      </div>`).join('');
    const years = [...new Set(this.fibre.map(f => f.year))].sort((a, b) => a - b);
    const kinds = [...new Set(this.sites.map(s => s.siteKind))].filter(k => SITE_KINDS[k]);
    $('plan-key-lines').innerHTML =
      (years.length ? `<span class="key-item plan-key-fibre" title="New fibre, coloured by the year it is laid">new fibre ${years.map(y => `<span class="plan-year-chip" style="background:${yearColor(y, this.firstYear)}">${esc(y)}</span>`).join('')}</span>` : '') +
      kinds.map(k => `<span class="key-item"><span class="plan-site-key" style="background:${siteKind(k).color}"></span>${esc(siteKind(k).label)}</span>`).join('') +
      (Y != null ? '<span class="key-item muted">faded, dashed, hollow: after that year</span>' : '');
    $('plan-layer-name').innerHTML = `<b>${esc(this.plan.name)}</b>${this.plan.synthetic ? ' <span class="badge badge-synthetic badge-xs">SYNTHETIC</span>' : ''}
      <span class="muted">· ${fmtInt(this.items.length)} settlements${this.fibre.length ? ` · ${esc(fmtKm(this.fibre.reduce((a, f) => a + (f.km || 0), 0)))} of fibre` : ''}${this.sites.length ? ` · ${fmtInt(this.sites.length)} sites` : ''}</span>`;
  }

  _updateStamp() {
    const show = this.isOn && this.plan && this.plan.synthetic && hooks.planLayer === 'drawn';
    if (show) {
      if (!this.stamp._map) this.stamp.addTo(this.map);
      this.stamp.getContainer().textContent = 'SYNTHETIC rollout plan';
    } else if (this.stamp._map) {
      this.stamp.remove();
    }
  }

  _toggle(on) {
    if (on) {
      if (!this.plan) { this.onWant(); this._renderRow(); return; }
      this._load();
    } else {
      this._clear();
      hooks.planLayer = 'off';
      this._updateStamp();
    }
    this._renderRow();
  }

  /** Fits the map to the plan's settlements (kept when they are well in view, unless forced). */
  fit(force = false) {
    if (!this.items.length) return;
    const b = L.latLngBounds(this.items.map(p => [p.lat, p.lon]));
    if (!b.isValid()) return;
    if (!force) {
      const v = this.map.getBounds();
      if (v.contains(b) && b.getNorthEast().lat - b.getSouthWest().lat > (v.getNorth() - v.getSouth()) * 0.3) return;
    }
    const panel = this.panel.getBoundingClientRect(), mapBox = this.map.getContainer().getBoundingClientRect();
    const open = panel.width && !this.panel.classList.contains('is-collapsed') && panel.width < mapBox.width * 0.5;
    const left = open ? Math.max(16, panel.right - mapBox.left + 12) : 16;
    this.map.fitBounds(b, { paddingTopLeft: [left, 16], paddingBottomRight: [16, 40], animate: false, maxZoom: 9 });
  }

  // ------------------------------------------------------------------ pointer
  _overlay() {
    return {
      above: true,
      tipClass: 'tip-plan',
      active: () => this.isOn && hooks.planLayer === 'drawn' && this.items.length > 0,
      hitTest: cp => {
        const i = this.points.hitTest(cp);
        return i >= 0 ? i : null;
      },
      describe: i => {
        const p = this.items[i];
        const c = classInfo(p.cls);
        const money = p.capexTenge ? ` · ${esc(fmtTenge(p.capexTenge))}` : '';
        return `<b>${esc(p.name)}</b> <span class="tip-kind">pop. ${esc(fmtInt(p.population))}${p.populationEstimated ? ' (est.)' : ''}</span><br>` +
          `<span class="swatch" style="background:${c.color}"></span> ${esc(c.id === 'unscheduled' || c.id === 'served' ? c.label : `${c.label} · ${yearWords(p)}`)}${money}` +
          (p.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : '');
      },
      click: i => this.onOpenSettlement(this.items[i].id),
    };
  }

  // ------------------------------------------------------------------ the settlement card
  /** The card opened for a settlement: shows its line of the open plan (or that it is not in it). */
  async showSettlement(id) {
    this._cardFor = id;
    const seq = ++this._cardSeq;
    const plan = this.plan;
    const i = this.byId?.get(String(id));
    this.points.setSelected(i != null ? i : -1);
    if (!plan) { $('card-plan')?.remove(); delete hooks.planCard; return; }
    const section = this._cardSection();
    if (!section) return;
    const head = `<h3>Rollout plan <span class="plan-card-name">· ${esc(plan.name)}</span>${plan.synthetic ? ' <span class="badge badge-synthetic badge-xs" title="Computed from SYNTHETIC inputs">synthetic</span>' : ''}</h3>`;
    section.dataset.state = 'loading';
    hooks.planCard = 'loading';
    section.innerHTML = `${head}<div class="muted">Loading its line of the plan…</div>`;
    let line;
    try {
      line = await api.planSettlement(plan.id, id);
    } catch (e) {
      if (seq !== this._cardSeq || !section.isConnected) return;
      if (e?.status === 404) {
        section.dataset.state = 'absent';
        hooks.planCard = 'absent';
        section.innerHTML = `${head}<div class="plan-card-status is-absent" id="plan-card-absent"><span class="muted">Not in this plan</span> (the plan covers ${esc(this._area(plan))}).</div>`;
        return;
      }
      section.dataset.state = 'error';
      hooks.planCard = 'error';
      showError(e, 'Rollout plan');
      section.innerHTML = `${head}<div class="card-error">Its line of the plan could not be loaded.</div>`;
      return;
    }
    if (seq !== this._cardSeq || !section.isConnected) return;
    section.innerHTML = head + planCardHtml(line);
    section.dataset.state = 'ready';
    hooks.planCard = 'ready';
  }

  _area(plan) {
    let region = null;
    try {
      const inputs = typeof plan.inputs === 'string' ? JSON.parse(plan.inputs) : plan.inputs;
      region = inputs?.region || null;
    } catch { /* unreadable inputs */ }
    return region ? `region ${region} only` : 'its settlements only';
  }

  _cardSection() {
    const body = document.getElementById('card-body');
    const status = body?.querySelector('.card-status');
    if (!status) return null;
    let el = document.getElementById('card-plan');
    if (el) return el;
    el = document.createElement('section');
    el.id = 'card-plan';
    el.className = 'card-section card-plan';
    el.setAttribute('aria-label', 'Rollout plan');
    status.insertAdjacentElement('afterend', el);
    return el;
  }

  /** The card closed. */
  clearSettlement() {
    this._cardFor = null;
    this._cardSeq++;
    this.points.setSelected(-1);
    delete hooks.planCard;
  }
}

/** The card's plan section body for one line (GET /api/plans/{id}/settlements/{sid}). */
function planCardHtml(l) {
  const cls = planClass(l);
  const c = classInfo(cls);
  let when;
  if (cls === 'served') when = '<b>Already served</b>: nothing to build';
  else if (cls === 'none') when = '<b class="no">No option</b> reaches the target';
  else if (l.year == null) when = `<b>Not scheduled</b>${l.earliestYear != null ? ` · earliest ${esc(l.earliestYear)}` : ''}`;
  else when = `Service from <b id="plan-card-year-value">${esc(l.year)}</b>`;
  const late = l.earliestYear != null || l.binding
    ? `<div class="plan-card-late" id="plan-card-late">${l.year != null ? 'Later than the target date' : 'Held back'}${l.earliestYear != null ? ` · earliest ${esc(l.earliestYear)}` : ''}${l.binding ? ` · limited by <b>${esc(l.binding)}</b>` : ''}</div>` : '';
  const interim = l.interimYear != null ? `<div class="plan-card-interim">Interim ${esc(l.interimTechnology === 'leo' ? 'LEO satellite' : l.interimTechnology || 'service')} from ${esc(l.interimYear)}</div>` : '';
  const num = (v, f) => (v == null ? '<span class="muted">—</span>' : esc(f(v)));
  return `
    <div class="plan-card-status cls-${esc(cls)}" style="border-left-color:${c.color}">
      <div class="plan-card-main">
        <span id="plan-card-tech" data-technology="${esc(l.technology)}" data-class="${esc(cls)}">${cls === 'served' ? `${classChip('served')} <span class="muted">(${esc(l.technology)})</span>` : techChip(l.technology)}</span>
        <span id="plan-card-year" data-year="${esc(l.year ?? '')}">${when}</span>
      </div>
      ${late}${interim}
      <dl class="radio-grid plan-card-grid">
        <div><dt>Capex</dt><dd id="plan-card-capex" data-value="${esc(l.capexTenge)}">${num(l.capexTenge, fmtTenge)}</dd></div>
        <div><dt>Opex / year</dt><dd>${num(l.opexTengePerYear, fmtTenge)}</dd></div>
        <div><dt>NPV</dt><dd id="plan-card-npv" data-value="${esc(l.npvTenge)}" title="Net present cost of serving it over the horizon">${num(l.npvTenge, fmtTenge)}</dd></div>
        <div><dt>Busy hour</dt><dd title="Per subscriber at the busy hour">${l.busyHourMbpsPerSubscriber ? esc(fmtMbps(l.busyHourMbpsPerSubscriber)) : '<span class="muted">—</span>'}</dd></div>
        <div><dt>≥ 100 Mbps</dt><dd>${l.meets100Mbps ? '<span class="yes">Yes</span>' : '<span class="no">No</span>'}</dd></div>
        <div><dt>People</dt><dd>${esc(fmtInt(l.population))}${l.populationEstimated ? ' <span class="muted" title="Estimated population">est.</span>' : ''}</dd></div>
        ${l.fibreKm ? `<div><dt>New fibre</dt><dd>${esc(fmtKm(l.fibreKm))}</dd></div>` : ''}
      </dl>
      <p class="plan-card-reason" id="plan-card-reason"><b>Why:</b> ${esc(l.reason || '—')}</p>
    </div>`;
}

// The Events view: mass events (a concert, a match, a holiday on a square). For the chosen event: a map of the place with
// the sectors that serve it, demand against capacity per operator (bar chart) with the deficit and the advice (extra
// carriers, COWs), and the disruption found after it (tests over time per operator with the change point, the evidence).
// SYNTHETIC events and results carry a badge. Hooks for tests on document.body.dataset:
//   events = loading | ready | empty | error     eventsDeficit = total deficit, Mbit/s (one decimal)
//   eventsFlagged = flagged operators, comma-separated    eventsChart = drawn
import { getJson } from './api.js';
import { fmtInt, fmtDateTime, esc } from './format.js';
import { showError } from './notify.js';
import { locale } from './i18n.js';
import { withBasemap } from './basemap.js';

const hooks = document.body.dataset;
const enc = encodeURIComponent;
const COLORS = ['#4a2bd1', '#e07b39', '#2a9d8f', '#c0392b', '#8e44ad', '#2c3e50'];
const num = (v, d = 1) => (v == null ? '–' : Number(v).toLocaleString(locale(), { minimumFractionDigits: d, maximumFractionDigits: d }));
const synBadge = on => (on ? ' <span class="badge-synthetic">Synthetic</span>' : '');

export class Events {
  constructor(el) {
    this.el = el;
    this.inited = false;
    this.map = null;
    this.layer = null;
    this.capChart = null;
    this.streamChart = null;
  }

  /** Called each time the view is shown: loads the list the first time. */
  async init() {
    if (this.inited) return;
    this.inited = true;
    this.el.innerHTML = `
      <div class="panel"><h2 class="panel-title">Events</h2><div class="table-wrap"><table class="data-table" id="ev-list"><thead><tr>
        <th>Event</th><th>Start (UTC)</th><th class="num">Crowd</th><th></th></tr></thead><tbody></tbody></table></div></div>
      <div id="ev-detail" hidden>
        <div class="panel"><h2 class="panel-title" id="ev-title"></h2><p class="muted" id="ev-when"></p>
          <div id="ev-map" style="height:280px" aria-label="The event's place and the sectors that serve it"></div></div>
        <div class="panel"><h2 class="panel-title">Demand against capacity</h2><p id="ev-deficit"></p>
          <div class="chart-box" style="height:260px"><canvas id="ev-cap-chart" aria-label="Demand and capacity per operator, Mbit/s"></canvas></div>
          <div class="table-wrap"><table class="data-table" id="ev-cap"><thead><tr><th>Operator</th><th class="num">Demand</th><th class="num">Capacity</th>
            <th class="num">Deficit</th><th>Advice</th></tr></thead><tbody></tbody></table></div>
          <details><summary>Assumptions and sources</summary><ul id="ev-assumptions"></ul></details></div>
        <div class="panel"><h2 class="panel-title">Disruption after the event</h2><p class="muted" id="ev-rule"></p>
          <div class="chart-box" style="height:280px"><canvas id="ev-stream-chart" aria-label="Download speed tests over time with the change points"></canvas></div>
          <div class="table-wrap"><table class="data-table" id="ev-dis"><thead><tr><th>Operator</th><th>Verdict</th><th class="num">Tests (event / baseline)</th>
            <th class="num">Median (event / baseline)</th><th class="num">Drop [interval]</th><th class="num">Pettitt p</th><th>Change at</th></tr></thead><tbody></tbody></table></div>
          <p><a id="ev-csv" href="#" download>Evidence (CSV)</a></p></div>
      </div>`;
    hooks.events = 'loading';
    try {
      const events = await getJson('/api/events');
      const body = this.el.querySelector('#ev-list tbody');
      if (!events.length) {
        body.innerHTML = '<tr><td colspan="4" class="muted">No events yet: dala events add, or dala events demo for a SYNTHETIC one.</td></tr>';
        hooks.events = 'empty';
        return;
      }
      body.innerHTML = events.map(e => `<tr data-id="${esc(e.id)}" tabindex="0" class="clickable"><td>${esc(e.name)}</td><td>${esc(fmtDateTime(e.start))}</td>
        <td class="num">${fmtInt(e.crowd)}</td><td>${synBadge(e.synthetic)}</td></tr>`).join('');
      for (const tr of body.querySelectorAll('tr[data-id]')) {
        const open = () => this.open(events.find(e => e.id === tr.dataset.id));
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
      }
      await this.open(events[0]);
    } catch (err) {
      hooks.events = 'error';
      hooks.eventsError = String(err && err.message || err);
      showError(err);
    }
  }

  async open(e) {
    hooks.events = 'loading';
    const $ = sel => this.el.querySelector(sel);
    $('#ev-detail').hidden = false;
    $('#ev-title').innerHTML = esc(e.name) + synBadge(e.synthetic);
    $('#ev-when').textContent = `${fmtDateTime(e.start)} – ${fmtDateTime(e.end)} · ${fmtInt(e.crowd)} people expected`;
    $('#ev-csv').href = `/api/events/${enc(e.id)}/disruption?format=csv`;
    const [cap, dis] = await Promise.all([getJson(`/api/events/${enc(e.id)}/capacity`), getJson(`/api/events/${enc(e.id)}/disruption`)]);
    this._map(e, cap);
    this._capacity(cap);
    this._disruption(dis);
    hooks.events = 'ready';
  }

  _map(e, cap) {
    if (!window.L) return;
    if (!this.map) {
      this.map = withBasemap(L.map(this.el.querySelector('#ev-map'), { attributionControl: false, zoomControl: true }));
      this.layer = L.layerGroup().addTo(this.map);
      L.control.scale({ imperial: false }).addTo(this.map);
    }
    this.layer.clearLayers();
    const p = e.place;
    const shape = p.type === 'circle'
      ? L.circle([p.lat, p.lon], { radius: p.radiusKm * 1000, color: '#c0392b', weight: 2, fillOpacity: 0.15 })
      : L.polygon(p.coordinates.map(([lon, lat]) => [lat, lon]), { color: '#c0392b', weight: 2, fillOpacity: 0.15 });
    // The view is set before the shape goes on the map (a circle measures itself through the map's projection).
    const bounds = p.type === 'circle' ? L.latLng(p.lat, p.lon).toBounds(p.radiusKm * 2000) : L.latLngBounds(p.coordinates.map(([lon, lat]) => [lat, lon]));
    this.map.invalidateSize();
    this.map.fitBounds(bounds.pad(1.5), { animate: false });
    shape.bindTooltip(esc(e.name)).addTo(this.layer);
    // The serving sites, from /api/sites (drawn as dots with the operator's colour).
    const ops = cap.operators.map(o => o.operator);
    getJson('/api/sites').then(sites => {
      const serving = new Set(cap.sectors.map(s => s.site));
      for (const f of sites.features || []) {
        if (!serving.has(f.properties.id)) continue;
        const [lon, lat] = f.geometry.coordinates;
        const color = COLORS[Math.max(0, ops.indexOf(f.properties.operator)) % COLORS.length];
        L.circleMarker([lat, lon], { radius: 6, color, fillColor: color, fillOpacity: 0.9 })
          .bindTooltip(`${esc(f.properties.id)} · ${esc(f.properties.operator || '')}${f.properties.synthetic ? ' (synthetic)' : ''}`).addTo(this.layer);
      }
    }).catch(() => {});
  }

  _capacity(cap) {
    const $ = sel => this.el.querySelector(sel);
    hooks.eventsDeficit = num(cap.deficitMbps).replace(/,/g, '');
    $('#ev-deficit').innerHTML = `Demand <b>${num(cap.totalDemandMbps)} Mbit/s</b> (split ${esc(cap.split === 'equal' ? 'equally' : 'by market share')}),
      ${fmtInt(cap.sectors.length)} serving sectors: deficit <b class="ev-deficit-total">${num(cap.deficitMbps)} Mbit/s</b>${synBadge(cap.synthetic)}`;
    $('#ev-cap tbody').innerHTML = cap.operators.map(o => `<tr data-operator="${esc(o.operator)}"><td>${esc(o.operator)}</td><td class="num">${num(o.demandMbps)}</td>
      <td class="num">${num(o.capacityMbps)}</td><td class="num">${num(o.deficitMbps)}</td><td>${esc(advice(o, cap))}</td></tr>`).join('');
    $('#ev-assumptions').innerHTML = cap.assumptions.map(a => `<li>${esc(a)}</li>`).join('');
    if (!window.Chart) return;
    const data = {
      labels: cap.operators.map(o => o.operator),
      datasets: [
        { label: 'Demand, Mbit/s', data: cap.operators.map(o => o.demandMbps), backgroundColor: '#c0392b' },
        { label: 'Capacity, Mbit/s', data: cap.operators.map(o => o.capacityMbps), backgroundColor: '#2a9d8f' },
        { label: 'Deficit, Mbit/s', data: cap.operators.map(o => o.deficitMbps), backgroundColor: '#e07b39' },
      ],
    };
    const options = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'Mbit/s at the busiest moment' } } } };
    if (this.capChart) this.capChart.destroy();
    this.capChart = new window.Chart($('#ev-cap-chart'), { type: 'bar', data, options });
  }

  _disruption(dis) {
    const $ = sel => this.el.querySelector(sel);
    $('#ev-rule').innerHTML = esc(dis.rule) + synBadge(dis.synthetic);
    hooks.eventsFlagged = dis.operators.filter(o => o.flagged).map(o => o.operator).join(',');
    $('#ev-dis tbody').innerHTML = dis.operators.length
      ? dis.operators.map(o => `<tr data-operator="${esc(o.operator)}" class="${o.flagged ? 'ev-flagged' : ''}"><td>${esc(o.operator)}</td>
        <td>${o.flagged ? '<span class="badge badge-open">Disrupted</span>' : esc(o.verdict)}</td>
        <td class="num">${fmtInt(o.eventTests)} / ${fmtInt(o.baselineTests)}</td><td class="num">${num(o.eventMedianMbps)} / ${num(o.baselineMedianMbps)}</td>
        <td class="num">${o.dropMbps == null ? '–' : `${num(o.dropMbps)} [${num(o.dropLow)}, ${num(o.dropHigh)}]`}</td>
        <td class="num">${o.pettittP == null ? '–' : Number(o.pettittP).toPrecision(2)}</td><td>${o.changeAt ? esc(fmtDateTime(o.changeAt)) : '–'}</td></tr>`).join('')
      : '<tr><td colspan="7" class="muted">No tests in the place in the event\'s windows.</td></tr>';
    if (!window.Chart) return;
    const datasets = [];
    dis.operators.forEach((o, i) => {
      const color = COLORS[i % COLORS.length];
      datasets.push({ type: 'scatter', label: `${o.operator}${o.flagged ? ' (disrupted)' : ''}`, data: o.stream.map(p => ({ x: Date.parse(p.t), y: p.down })),
        backgroundColor: color, borderColor: color, pointRadius: 2.5 });
      // Only a significant change is drawn (a change point is always found; most are noise).
      if (o.changeAt && o.pettittP != null && o.pettittP < dis.alpha) {
        const x = Date.parse(o.changeAt);
        const top = Math.max(1, ...o.stream.map(p => p.down));
        datasets.push({ type: 'line', label: `${o.operator}: change point`, data: [{ x, y: 0 }, { x, y: top }], borderColor: color,
          borderDash: [6, 4], borderWidth: o.flagged ? 2.5 : 1, pointRadius: 0 });
      }
    });
    const start = Date.parse(dis.start);
    datasets.push({ type: 'line', label: 'event starts', data: [{ x: start, y: 0 }, { x: start, y: 1 }], yAxisID: 'mark', borderColor: '#888', borderWidth: 1, pointRadius: 0 });
    const time = v => new Date(v).toISOString().slice(5, 16).replace('T', ' ');
    const options = {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
        tooltip: { callbacks: { label: item => `${item.dataset.label}: ${num(item.parsed.y)} Mbit/s at ${time(item.parsed.x)} UTC` } } },
      scales: {
        x: { type: 'linear', ticks: { callback: time, maxRotation: 40, font: { size: 10 } }, title: { display: true, text: 'UTC' } },
        y: { beginAtZero: true, title: { display: true, text: 'Download, Mbit/s' } },
        mark: { display: false, min: 0, max: 1 },
      },
    };
    if (this.streamChart) this.streamChart.destroy();
    this.streamChart = new window.Chart($('#ev-stream-chart'), { type: 'scatter', data: { datasets }, options });
    hooks.eventsChart = 'drawn';
  }
}

/** "2 extra carriers (+88 Mbit/s), then 4 COWs (+528 Mbit/s)" or "enough capacity". */
function advice(o, cap) {
  if (o.deficitMbps <= 0) return 'enough capacity';
  const parts = [];
  if (o.extraCarriers) parts.push(`${o.extraCarriers} extra carrier${o.extraCarriers === 1 ? '' : 's'} (+${num(o.extraCarriers * cap.extraCarrierMbps, 0)} Mbit/s)`);
  if (o.cows) parts.push(`${o.cows} COW${o.cows === 1 ? '' : 's'} (+${num(o.cows * cap.cowMbps, 0)} Mbit/s)`);
  return parts.join(', then ') + ` — or ${o.cowsAlone} COW${o.cowsAlone === 1 ? '' : 's'} alone`;
}

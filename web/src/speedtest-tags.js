// The speed test's tags: which settlement (search, map or the device's location), which point, operator (guessed from
// the address) and access technology. The view reads tagValues() when a test starts.
import { nameIn } from './i18n.js';
import { api } from './api.js';
import { esc, fmtInt, kindLabel, techLabel, techColor } from './format.js';
import { SettlementSearch } from './speedtest-search.js';
import { PickMap } from './speedtest-map.js';
import { OperatorPicker } from './speedtest-operator.js';
import { Geolocate, fmtAccuracy } from './speedtest-geo.js';

const $ = id => document.getElementById(id);
const EMPTY = () => ({ settlement: null, point: null, pointFrom: null, registered: null });

export class TagPanel {
  /** onOperators: called when the operator list has loaded (names for the history). */
  constructor(onOperators) {
    this.onOperators = onOperators;
    this.tag = EMPTY();
    this.search = new SettlementSearch({ chosen: () => this.tag.settlement, choose: (s, how) => this.choose(s, how) });
    this.map = new PickMap(this);
    this.operator = new OperatorPicker(onOperators);
    this.geo = new Geolocate({ located: (point, s, km) => this.choose(s, 'gps', point, km) });
    this.renderChosen();
  }

  /** The first time the view is shown: the map and the operator list. */
  init() {
    this.map.init();
    this.operator.init();
  }

  operatorName(id) {
    return this.operator.name(id);
  }

  /**
   * Chooses a settlement (null clears); how: "search" (its centre is the location), "map" (the clicked point) or "gps"
   * (the device's location, kept even when no settlement is near).
   */
  choose(s, how, point, distanceKm) {
    this.search.showList(false);
    const input = $('speedtest-settlement');
    if (how !== 'gps' && this.tag.pointFrom === 'gps') this.geo.status('', 'idle');
    if (!s) {
      this.tag = how === 'gps' && point ? { ...EMPTY(), point, pointFrom: 'gps' } : EMPTY();
      delete input.dataset.settlementId;
      this.renderChosen();
      this.map.render();
      return;
    }
    this.tag = {
      settlement: { id: s.id, name: s.name, names: s.names, kind: s.kind, region: s.region, regionName: s.regionName, lon: s.lon, lat: s.lat, population: s.population },
      point: point || { lon: s.lon, lat: s.lat },
      pointFrom: point ? (how === 'gps' ? 'gps' : 'map') : 'centre',
      distanceKm: distanceKm ?? null,
      registered: null,
    };
    input.value = s.name;
    input.dataset.settlementId = s.id;
    this.renderChosen();
    this.map.render(how === 'search' || how === 'gps');
    const id = s.id;
    api.settlement(id).then(d => {
      if (this.tag.settlement?.id !== id) return;
      this.tag.registered = d?.status || null;
      this.renderChosen();
    }).catch(() => { /* the registry line is optional */ });
  }

  renderChosen() {
    const box = $('speedtest-chosen');
    const t = this.tag;
    if (!t.settlement) {
      box.innerHTML = '<span class="muted">No settlement chosen — search above or click the map. Untagged tests are stored too, but count for no settlement.</span>';
      box.dataset.id = '';
      $('speedtest-location').textContent = t.point ? this._locationLine() : '';
      return;
    }
    const s = t.settlement;
    box.dataset.id = s.id;
    const reg = t.registered;
    let registered = '';
    if (reg) {
      const active = (reg.active || []).slice(0, 3).map(a => `<span class="tech-chip"><span class="swatch" style="background:${techColor(a.technology)}"></span>${esc(techLabel(a.technology))}${a.operator ? ' · ' + esc(a.operator) : ''}</span>`).join(' ');
      registered = `<div class="st-chosen-reg"><span class="muted">In the registry:</span> ${active || esc(techLabel(reg.technology))}${(reg.active || []).some(a => a.synthetic) ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}</div>`;
    }
    box.innerHTML = `
      <div class="st-chosen-main">
        <span class="st-chosen-pin" aria-hidden="true"></span>
        <span class="st-chosen-name">${esc(nameIn(s))}</span>
        <span class="muted">${esc(kindLabel(s.kind))} · ${esc(s.regionName || s.region || '')}${s.population != null ? ' · pop. ' + fmtInt(s.population) : ''}</span>
        <button type="button" class="link-button st-clear" id="speedtest-clear" title="Clear the settlement">clear</button>
      </div>${registered}`;
    box.querySelector('#speedtest-clear').addEventListener('click', () => { $('speedtest-settlement').value = ''; this.choose(null); });
    $('speedtest-location').textContent = t.point ? this._locationLine() : '';
  }

  _locationLine() {
    const t = this.tag, p = t.point;
    const from = t.distanceKm != null ? `, ${t.distanceKm.toFixed(1)} km from the settlement's centre` : '';
    const what = t.pointFrom === 'gps' ? `your device's location (${fmtAccuracy(p.accuracyM)})${from}`
      : t.pointFrom === 'map' ? `the point picked on the map${from}` : 'the settlement\'s centre';
    return `Location sent with the test: ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)} — ${what}.`;
  }

  /** What the page keeps of the place in "My past tests". */
  placeSummary() {
    const t = this.tag;
    return { name: t.settlement?.name || null, lat: t.point?.lat ?? null, lon: t.point?.lon ?? null, from: t.pointFrom, accuracyM: t.point?.accuracyM ?? null };
  }

  /** The tags sent with the test (empty ones left out). */
  tagValues() {
    const t = this.tag;
    const operator = this.operator.value();
    const out = {};
    if (t.settlement) out.settlementId = t.settlement.id;
    if (operator) out.operator = operator;
    if ($('speedtest-access').value) out.access = $('speedtest-access').value;
    if (t.point) {
      out.lat = Math.round(t.point.lat * 1e5) / 1e5;
      out.lon = Math.round(t.point.lon * 1e5) / 1e5;
    }
    return out;
  }
}

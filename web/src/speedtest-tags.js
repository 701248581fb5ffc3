// The speed test's tags: which settlement (search or map), which point, operator and access technology. The view
// reads tagValues() when a test starts.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, kindLabel, techLabel, techColor } from './format.js';
import { SettlementSearch } from './speedtest-search.js';
import { PickMap } from './speedtest-map.js';

const $ = id => document.getElementById(id);
const EMPTY = () => ({ settlement: null, point: null, pointFrom: null, registered: null });

export class TagPanel {
  /** onOperators: called when the operator list has loaded (names for the history). */
  constructor(onOperators) {
    this.onOperators = onOperators;
    this.tag = EMPTY();
    this.operators = [];
    this.search = new SettlementSearch({ chosen: () => this.tag.settlement, choose: (s, how) => this.choose(s, how) });
    this.map = new PickMap(this);
    $('speedtest-operator').addEventListener('change', () => {
      const other = $('speedtest-operator').value === '__other';
      $('speedtest-operator-other').hidden = !other;
      if (other) $('speedtest-operator-other').focus();
    });
    this.renderChosen();
  }

  /** The first time the view is shown: the map and the operator list. */
  init() {
    this.map.init();
    api.operators().then(list => this._setOperators(Array.isArray(list) ? list : [])).catch(e => showError(e, 'Operators'));
  }

  /** Chooses a settlement (null clears); how: "search" (its centre is the location) or "map" (the clicked point). */
  choose(s, how, point, distanceKm) {
    this.search.showList(false);
    const input = $('speedtest-settlement');
    if (!s) {
      this.tag = EMPTY();
      delete input.dataset.settlementId;
      this.renderChosen();
      this.map.render();
      return;
    }
    this.tag = {
      settlement: { id: s.id, name: s.name, names: s.names, kind: s.kind, region: s.region, regionName: s.regionName, lon: s.lon, lat: s.lat, population: s.population },
      point: point || { lon: s.lon, lat: s.lat },
      pointFrom: point ? 'map' : 'centre',
      distanceKm: distanceKm ?? null,
      registered: null,
    };
    input.value = s.name;
    input.dataset.settlementId = s.id;
    this.renderChosen();
    this.map.render(how === 'search');
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
      $('speedtest-location').textContent = '';
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
        <span class="st-chosen-name">${esc(s.name)}</span>
        <span class="muted">${esc(kindLabel(s.kind))} · ${esc(s.regionName || s.region || '')}${s.population != null ? ' · pop. ' + fmtInt(s.population) : ''}</span>
        <button type="button" class="link-button st-clear" id="speedtest-clear" title="Clear the settlement">clear</button>
      </div>${registered}`;
    box.querySelector('#speedtest-clear').addEventListener('click', () => { $('speedtest-settlement').value = ''; this.choose(null); });
    const p = t.point;
    $('speedtest-location').textContent = p
      ? `Location sent with the test: ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)} — ${t.pointFrom === 'map'
        ? `the point picked on the map${t.distanceKm != null ? `, ${t.distanceKm.toFixed(1)} km from the settlement's centre` : ''}`
        : 'the settlement\'s centre'}.`
      : '';
  }

  _setOperators(list) {
    this.operators = list;
    const sel = $('speedtest-operator');
    const cur = sel.value;
    const rows = list.slice().sort((a, b) => String(a.name || a.id).localeCompare(String(b.name || b.id)));
    sel.innerHTML = '<option value="">Not given</option>'
      + rows.map(o => `<option value="${esc(o.id)}">${esc(o.name || o.id)}</option>`).join('')
      + '<option value="__other">Other (type the name)…</option>';
    if ([...sel.options].some(o => o.value === cur)) sel.value = cur;
    this.onOperators?.();
  }

  operatorName(id) {
    if (!id) return '';
    const o = this.operators.find(x => x.id === id);
    return o ? (o.name || o.id) : id;
  }

  /** The tags sent with the test (empty ones left out). */
  tagValues() {
    const t = this.tag;
    const sel = $('speedtest-operator').value;
    const operator = sel === '__other' ? $('speedtest-operator-other').value.trim() : sel;
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

// The Progress tab's choropleth: regions coloured by their progress to a chosen target (broadband share toward
// 90% by end-2026, >= 100 Mbps toward 100% by end-2027; fibre as a plain share, it has no target), with a legend
// and the base each share rests on. Fed by the dashboard's /api/progress answer; a click opens the region's figures.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtPct, fmtDate, METRICS } from './format.js';
import { withBasemap } from './basemap.js';

const L = window.L;

/** Classes of progress to a target (share / target share), the last one "met". */
export const TARGET_CLASSES = [
  { to: 0.25, color: '#d73027', label: 'under 25% of the way' },
  { to: 0.5, color: '#fc8d59', label: '25–50%' },
  { to: 0.75, color: '#fee08b', label: '50–75%' },
  { to: 1, color: '#a6d96a', label: '75–99%' },
  { to: Infinity, color: '#1a9850', label: 'target met' },
];
/** Classes of a plain share (fibre). */
export const SHARE_CLASSES = [
  { to: 0.2, color: '#efedf5', label: 'under 20%' },
  { to: 0.4, color: '#bcbddc', label: '20–40%' },
  { to: 0.6, color: '#9e9ac8', label: '40–60%' },
  { to: 0.8, color: '#756bb1', label: '60–80%' },
  { to: Infinity, color: '#54278f', label: '80% and over' },
];
export const NO_DATA = { color: '#e5e7eb', label: 'no settlements' };

const $ = id => document.getElementById(id);

export class ProgressMap {
  /** @param {{anchor: HTMLElement, onRegion: (code) => void, onTarget?: (metric) => void}} opts */
  constructor({ anchor, onRegion, onTarget }) {
    this.onRegion = onRegion;
    this.onTarget = onTarget;
    this.data = null;
    this.metric = 'broadband';
    this.shapes = null;
    this.map = null;
    const panel = document.createElement('div');
    panel.className = 'panel progress-map-panel';
    panel.innerHTML = `
      <div class="panel-head"><h2>Progress by region</h2>
        <label class="pm-target">Target <select id="progress-map-target" aria-label="Target shown on the map"></select></label>
        <span class="badge badge-synthetic badge-xs" id="progress-map-synthetic" hidden>synthetic</span></div>
      <div class="progress-map-box"><div id="progress-map" aria-label="Map of the regions coloured by progress to the target"></div></div>
      <div id="progress-map-legend" class="qa-legend progress-map-legend" aria-label="Legend"></div>
      <p id="progress-map-base" class="hint"></p>`;
    anchor.insertAdjacentElement('beforebegin', panel);
    this.select = $('progress-map-target');
    this.select.addEventListener('change', () => { this.setMetric(this.select.value); this.onTarget?.(this.metric); });
  }

  /** Chooses the target shown (broadband | mbps100 | fibre) without reporting it. */
  setMetric(metric) {
    if (metric && METRICS[metric]) this.metric = metric;
    if (this.select.value !== this.metric) this.select.value = this.metric;
    this._draw();
  }

  /** The dashboard's /api/progress answer (any scope). */
  render(data) {
    this.data = data;
    const targets = data?.targets || [];
    this.select.innerHTML = ['broadband', 'mbps100', 'fibre'].map(m => {
      const t = targets.find(x => x.metric === m);
      const text = t ? `${METRICS[m].label}: ${fmtPct(t.share)} by ${fmtDate(t.by)}` : `${METRICS[m].label} (share, no target)`;
      return `<option value="${m}">${esc(text)}</option>`;
    }).join('');
    this.select.value = this.metric;
    $('progress-map-synthetic').hidden = !data?.synthetic;
    if (!this.shapes) this._load();
    else this._draw();
  }

  async _load() {
    this.shapes = api.regionShapes().catch(e => { this.shapes = null; showError(e, 'Region polygons'); return null; });
    const fc = await this.shapes;
    if (!fc) return;
    const el = $('progress-map');
    this.map = withBasemap(L.map(el, { zoomSnap: 0.1, attributionControl: false, scrollWheelZoom: false, zoomControl: true, preferCanvas: false }));
    this.layer = L.geoJSON({ ...fc, features: (fc.features || []).filter(f => f?.geometry) }, {
      smoothFactor: 1.5,
      style: () => ({ color: '#475569', weight: 0.8, fillOpacity: 0.9, fillColor: NO_DATA.color, className: 'progress-region' }),
      onEachFeature: (f, layer) => {
        layer.on('click', () => this.onRegion?.(f.properties?.code));
        layer.on('mouseover', () => layer.setStyle({ weight: 2 }));
        layer.on('mouseout', () => layer.setStyle({ weight: 0.8 }));
      },
    }).addTo(this.map);
    const fit = () => {
      if (!el.clientWidth) return;
      this.map.invalidateSize({ pan: false });
      const b = this.layer.getBounds();
      if (b.isValid()) this.map.fitBounds(b, { padding: [8, 8], animate: false });
    };
    new ResizeObserver(fit).observe(el);
    fit();
    this._draw();
  }

  _classes() {
    const t = (this.data?.targets || []).find(x => x.metric === this.metric);
    return { target: t || null, classes: t ? TARGET_CLASSES : SHARE_CLASSES };
  }

  _draw() {
    if (!this.layer || !this.data) return;
    const { target, classes } = this._classes();
    const byCode = new Map((this.data.regions || []).map(r => [r.code, r]));
    const scope = this.data.scope === 'all' ? 'settlements' : 'rural settlements';
    this.layer.eachLayer(layer => {
      const code = layer.feature?.properties?.code;
      const r = byCode.get(code);
      const s = r?.[this.metric];
      let color = NO_DATA.color, tip = `<b>${esc(r?.name || layer.feature?.properties?.name || code)}</b><br>`;
      if (r && r.settlements > 0 && s) {
        const x = target ? s.share / target.share : s.share;
        color = classes.find(c => x < c.to - 1e-9 || c.to === Infinity).color;
        tip += `${esc(fmtPct(s.share))} ${esc(METRICS[this.metric].label.toLowerCase())}: ${esc(fmtInt(s.settlements))} of ${esc(fmtInt(r.settlements))} ${scope}`;
        if (target) tip += `<br>${esc(fmtPct(Math.min(1, x)))} of the way to ${esc(fmtPct(target.share))}`;
      } else tip += 'no settlements';
      layer.setStyle({ fillColor: color });
      layer.getElement?.()?.setAttribute('data-code', code || '');
      layer.bindTooltip(tip, { sticky: true });
    });
    $('progress-map-legend').innerHTML = [...classes, NO_DATA].map(c =>
      `<span class="qa-legend-item"><span class="pm-swatch" data-color="${c.color}" style="background:${c.color}"></span>${esc(c.label)}</span>`).join('');
    const n = this.data.national || {};
    $('progress-map-base').textContent = `${target ? `Progress = share of ${scope} ${METRICS[this.metric].label.toLowerCase()} ÷ ${fmtPct(target.share)} (${target.label}).` : 'Fibre has no target here: colours show the share.'} `
      + `Each region's share rests on its ${scope} (${fmtInt(n.settlements)} in all; population known for ${fmtInt(n.populationKnown)}); `
      + 'settlements with no connectivity record count as not connected. Click a region for its figures.';
    this.map.getContainer().dataset.metric = this.metric;
    this.map.getContainer().dataset.drawn = String(this.layer.getLayers().length);
  }
}

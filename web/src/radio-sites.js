// The radio sites layer (sites.js draws the masts and sector ticks) with its hover labels and a site's popup (its
// sectors). The open site is part of the URL (site=): opening or closing a popup reports it (onSite, to urlstate.js),
// and a shared link opens it again once the sites are in (show). Hook: document.body.dataset.layerSites = the number
// of sites drawn.
import { esc, fmtInt, fmtNum } from './format.js';
import { SitesLayer, SECTOR_COLORS } from './sites.js';

const L = window.L;
const hooks = document.body.dataset;

export class RadioSites {
  /**
   * @param {{map: L.Map, state: import('./radio-state.js').RadioState, panelEl: HTMLElement,
   *          onSite: (id: string|null) => void}} opts
   */
  constructor({ map, state, panelEl, onSite }) {
    Object.assign(this, { map, state, panelEl, onSite });
    this.layer = new SitesLayer();
    this.filled = false;   // the layer has the site list
    this.popup = null;     // the open site's popup
    this.openId = null;    // and its site id
    this.loaded = false;   // the site list is in
    this.wanted = null;    // a site id asked for (by the URL) before the sites were in
  }

  _fill() {
    if (this.filled) return;
    this.layer.setData(this.state.sites);
    this.filled = true;
  }

  show() {
    this._fill();
    if (!this.layer._map) this.layer.addTo(this.map);
    hooks.layerSites = String(this.layer.count());
  }

  hide() {
    if (this.popup) this.map.closePopup(this.popup);
    this.layer.remove();
    delete hooks.layerSites;
  }

  /** Opens the popup of a site (index into the site list) and reports it; pan: false keeps the map still. */
  open(i, { pan = true } = {}) {
    const s = this.state.sites[i];
    if (!s) return;
    this._fill();
    // Keep the popup clear of the layers panel (top left of the map).
    const panel = this.panelEl.getBoundingClientRect(), mapBox = this.map.getContainer().getBoundingClientRect();
    const left = this.panelEl.offsetParent ? Math.max(20, panel.right - mapBox.left + 12) : 20;
    const popup = L.popup({ maxWidth: 440, minWidth: 300, className: 'site-popup', autoPan: pan, autoPanPaddingTopLeft: [left, 20], autoPanPaddingBottomRight: [20, 20] })
      .setLatLng([s.lat, s.lon])
      .setContent(sitePopupHtml(s));
    popup.once('remove', () => {
      if (this.popup !== popup) return;   // replaced by another site's popup
      this.popup = null;
      this.openId = null;
      this.layer.setSelected(-1);
      this.onSite(null);
    });
    this.popup = popup;
    this.openId = s.id;
    popup.openOn(this.map);
    this.layer.setSelected(i);
    this.onSite(s.id);
  }

  /** The URL's site: opens its popup or, for null, closes the open one; before the sites are in, once they are. */
  select(id) {
    this.wanted = id || null;
    if (this.loaded) this._selectWanted();
  }

  /** The site list is in (or could not be loaded): opens the site the URL asked for. */
  sitesLoaded() {
    this.loaded = true;
    this._selectWanted();
  }

  _selectWanted() {
    const id = this.wanted;
    this.wanted = null;
    if (id === this.openId) return;
    if (!id) { if (this.popup) this.map.closePopup(this.popup); return; }
    const site = this.state.siteById.get(id);
    if (site) this.open(site.index, { pan: false });
    else this.onSite(null);   // no such site: drop it from the URL
  }

  /** Hover labels and clicks for wirePointer (map.js). */
  pointerOverlay() {
    return {
      above: true,
      active: () => !!this.layer._map,
      hitTest: cp => {
        const i = this.layer.hitTest(cp);
        return i >= 0 ? i : null;
      },
      describe: i => {
        if (this.popup && this.popup.isOpen() && this.layer._selected === i) return '';   // its popup says it all
        const s = this.state.sites[i];
        const techs = [...new Set(s.sectors.map(c => c.technology))].join(', ');
        return `<b>${esc(s.name || s.id)}</b> <span class="tip-kind">radio site</span>${s.synthetic ? ' <span class="badge badge-synthetic badge-xs">synthetic</span>' : ''}<br>` +
          `${esc(s.id)} · mast ${esc(fmtNum(s.mastM))} m · ${fmtInt(s.sectors.length)} sector${s.sectors.length === 1 ? '' : 's'}${techs ? ` (${esc(techs)})` : ''}`;
      },
      click: i => this.open(i),
    };
  }
}

function sitePopupHtml(s) {
  const rows = s.sectors.map(c => `
    <tr>
      <td>${esc(c.id)}</td>
      <td><span class="swatch swatch-sq" style="background:${SECTOR_COLORS[c.technology] || SECTOR_COLORS.other}"></span>${esc(c.technology)}</td>
      <td class="num">${esc(fmtNum(c.azimuthDeg))}°</td>
      <td class="num">${esc(fmtNum(c.tiltDeg))}°</td>
      <td class="num">${esc(fmtInt(c.frequencyMHz))}</td>
      <td class="num">${esc(fmtNum(c.bandwidthMHz))}</td>
      <td class="num">${esc(fmtNum(c.eirpDbm))}</td>
      <td class="src">${esc(c.pattern || '—')}</td>
    </tr>`).join('');
  return `
    <div class="site-pop" data-site-id="${esc(s.id)}">
      <div class="site-pop-head">
        <span class="site-pop-title">${esc(s.name || s.id)}</span>
        ${s.synthetic ? '<span class="badge badge-synthetic badge-xs" title="A synthetic site, not a real mast">SYNTHETIC</span>' : ''}
      </div>
      <dl class="site-facts">
        <div><dt>Site</dt><dd>${esc(s.id)}</dd></div>
        <div><dt>Operator</dt><dd>${esc(s.operator || '—')}</dd></div>
        <div><dt>Mast</dt><dd>${esc(fmtNum(s.mastM))} m</dd></div>
        <div><dt>Ground</dt><dd>${s.groundM != null ? `${esc(fmtNum(s.groundM))} m` : '<span class="muted">from DEM</span>'}</dd></div>
      </dl>
      <table class="data-table site-sectors">
        <thead><tr><th>Sector</th><th>Tech</th><th class="num">Azim.</th><th class="num">Tilt</th><th class="num" title="Frequency, MHz">MHz</th><th class="num" title="Bandwidth, MHz">BW</th><th class="num" title="EIRP, dBm">EIRP</th><th>Pattern</th></tr></thead>
        <tbody>${rows || '<tr><td colspan="8" class="muted">No sectors.</td></tr>'}</tbody>
      </table>
      <div class="site-pop-foot">Source: ${esc(s.source || '—')} · ${s.lat.toFixed(5)}, ${s.lon.toFixed(5)}</div>
    </div>`;
}

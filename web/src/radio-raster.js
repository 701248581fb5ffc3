// The coverage raster layer: the latest run's best-RSRP PNG as an image overlay in its own pane (dalaRaster), placed
// on the run's bounds (resampled into Web Mercator when the lat/lon rows would be misplaced), at the panel's opacity.
// Hook for the browser tests: document.body.dataset.layerRaster = '1' once the image is loaded.
import { showError } from './notify.js';
import { layerOn } from './radio-state.js';

const L = window.L;
const hooks = document.body.dataset;

export class RasterLayer {
  /** @param {{map: L.Map, state: import('./radio-state.js').RadioState, panel: import('./radio-panel.js').RadioPanel}} opts */
  constructor({ map, state, panel }) {
    this.map = map;
    this.state = state;
    this.panel = panel;
    this.overlay = null;
    this.seq = 0;   // a newer show or a hide makes a slower image load stale
    const pane = map.createPane('dalaRaster');
    pane.style.zIndex = 410;
    pane.style.pointerEvents = 'none';
  }

  async show() {
    const run = this.state.run;
    const r = run?.raster;
    if (!r) return;
    const seq = ++this.seq;
    this.panel.set('raster', { busy: true });
    let url, owned = false;
    try {
      ({ url, owned } = await rasterImageUrl(r));
    } catch (e) {
      // The same image would fail again: say why the layer is off.
      if (seq === this.seq) this.panel.set('raster', { available: false, note: 'The raster image could not be read.' });
      throw e;
    } finally {
      if (seq === this.seq) this.panel.set('raster', { busy: false });
    }
    if (seq !== this.seq || !layerOn('raster')) {
      if (owned) URL.revokeObjectURL(url);
      return;
    }
    const overlay = L.imageOverlay(url, [[r.south, r.west], [r.north, r.east]], {
      pane: 'dalaRaster', opacity: this.state.opacity, className: 'coverage-raster', interactive: false,
      alt: `Coverage raster: ${r.legend?.title || 'best RSRP'}${run.synthetic ? ' (synthetic)' : ''}`,
    });
    overlay._ownedUrl = owned ? url : null;
    overlay.once('load', () => {
      if (this.overlay !== overlay) return;
      const img = overlay.getElement();
      if (img) img.dataset.src = r.pngUrl;
      hooks.layerRaster = '1';
    });
    overlay.once('error', () => {
      if (this.overlay !== overlay) return;
      showError({ title: 'The coverage raster could not be shown', detail: r.pngUrl }, 'Coverage raster');
      document.getElementById('layer-coverage-raster').checked = false;
      this.hide();
      this.panel.renderRow('raster');
    });
    this.overlay = overlay;
    overlay.addTo(this.map);
  }

  hide() {
    this.seq++;
    if (this.overlay) {
      this.overlay.remove();
      if (this.overlay._ownedUrl) URL.revokeObjectURL(this.overlay._ownedUrl);
      this.overlay = null;
    }
    delete hooks.layerRaster;
  }

  /** Follows the panel's opacity slider. */
  setOpacity() {
    if (this.overlay) this.overlay.setOpacity(this.state.opacity);
  }

  /** Fits the map to the raster's bounds. */
  zoomTo() {
    const r = this.state.run?.raster;
    if (r) this.map.fitBounds([[r.south, r.west], [r.north, r.east]], { padding: [20, 20], animate: false });
  }
}

// ------------------------------------------------------------------ georeferencing
const mercY = lat => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOfMercY = y => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/**
 * The URL to show a raster with. The PNG is a lat/lon grid (equal degrees per row) while the map is Web Mercator;
 * an image overlay stretches linearly in Mercator, which misplaces middle rows by up to a few cells on tall rasters.
 * When that error exceeds a third of a cell the rows are resampled into Mercator on a canvas (nearest neighbour).
 */
async function rasterImageUrl(r) {
  const img = new Image();
  img.decoding = 'async';
  img.src = r.pngUrl;
  try {
    await img.decode();
  } catch {
    throw { title: 'The coverage raster image could not be decoded', detail: `${r.pngUrl} is not a readable PNG.` };
  }
  const h = img.naturalHeight, w = img.naturalWidth;
  const yN = mercY(r.north), yS = mercY(r.south);
  let err = 0;
  for (let k = 1; k < 64; k++) {
    const lat = r.south + ((r.north - r.south) * k) / 64;
    err = Math.max(err, Math.abs((r.north - lat) / (r.north - r.south) - (yN - mercY(lat)) / (yN - yS)) * h);
  }
  if (err < 0.33) return { url: r.pngUrl, owned: false };
  const scale = Math.max(1, Math.min(4, Math.floor(4096 / Math.max(w, h))));
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = h * scale;
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = false;
  for (let row = 0; row < canvas.height; row++) {
    const lat = latOfMercY(yN - ((yN - yS) * (row + 0.5)) / canvas.height);
    const src = Math.min(h - 1, Math.max(0, Math.floor(((r.north - lat) / (r.north - r.south)) * h)));
    ctx.drawImage(img, 0, src, w, 1, 0, row, canvas.width, 1);
  }
  const blob = await new Promise(res => canvas.toBlob(res, 'image/png'));
  if (!blob) return { url: r.pngUrl, owned: false };
  return { url: URL.createObjectURL(blob), owned: true };
}

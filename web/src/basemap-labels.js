// Labels of the larger places on the offline basemap: the bigger the place the earlier it shows as one zooms in, and a
// label that would overlap one already placed is left out, so labels never collide.

const L = window.L;

/** The least rank shown at a zoom: regional capitals and cities first, then towns of 50k, 15k, 5k, then all. */
function minRankAt(zoom) {
  if (zoom < 3.5) return 300000;
  if (zoom < 4.5) return 150000;
  if (zoom < 5.5) return 50000;
  if (zoom < 6.5) return 15000;
  if (zoom < 7.5) return 5000;
  return 0;
}

/** A settlement row (GET /api/settlements) as a label candidate; a city of unknown population ranks as a large one. */
export function toPlace(s) {
  const pop = Number.isFinite(s.population) ? s.population : 0;
  return { lat: s.lat, lon: s.lon, names: s.names || {}, name: s.name || '', rank: Math.max(pop, s.kind === 'city' ? 150000 : 0) };
}

function labelText(p) {
  const lang = (document.documentElement.lang || 'en').slice(0, 2);
  return p.names?.[lang] || p.name || p.names?.local || '';
}

export class PlaceLabels {
  constructor(map, pane) {
    this.map = map;
    this.pane = map.getPane(pane);
    this.places = [];
    this.render = this.render.bind(this);
    map.on('zoomend moveend resize', this.render);
    map.on('zoomstart', () => this.pane.classList.add('is-zooming'));
    map.on('zoomend', () => this.pane.classList.remove('is-zooming'));
  }

  setPlaces(places) {
    this.places = places.filter(p => Number.isFinite(p.lat) && Number.isFinite(p.lon)).sort((a, b) => b.rank - a.rank);
    this.render();
  }

  render() {
    const map = this.map;
    this.pane.replaceChildren();
    if (!this.places.length || !map._loaded) return;
    const size = map.getSize();
    // A small map (the speed test's) shows what a map one zoom level out would.
    const min = minRankAt(map.getZoom() - (size.x < 600 ? 1 : 0));
    const placed = [];
    for (const p of this.places) {
      if (p.rank < min) break;
      const text = labelText(p);
      if (!text) continue;
      const cp = map.latLngToContainerPoint([p.lat, p.lon]);
      const big = p.rank >= 150000;
      const el = document.createElement('div');
      el.className = 'dala-place' + (big ? ' is-major' : '');
      el.textContent = text;
      L.DomUtil.setPosition(el, map.latLngToLayerPoint([p.lat, p.lon]));
      this.pane.appendChild(el);
      // The box the label takes (its dot at the place, the text to its right), measured, with 2 px to spare.
      const box = [cp.x + el.offsetLeft - 2, cp.y + el.offsetTop - 2, cp.x + el.offsetLeft + el.offsetWidth + 2, cp.y + el.offsetTop + el.offsetHeight + 2];
      const outside = box[0] < 0 || box[1] < 0 || box[2] > size.x || box[3] > size.y; // whole labels only
      if (outside || placed.some(b => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) {
        el.remove();
        continue;
      }
      placed.push(box);
    }
  }
}

// The search box beyond names: a KATO code (full or a prefix, e.g. 751010000 or 7510) and coordinates
// ("51.13, 71.43", "51.13 71.43", "51°07'N 71°26'E", "N 51.13 E 71.43"). Coordinates fly the map there, mark the
// point and open the nearest settlement. Names in any script are matched by filters.js (names + name keys).
import { esc, fmtInt } from './format.js';

const L = window.L;

/** The KATO code or prefix a query stands for (2 to 9 digits, as the server's q reads it), or null. */
export function katoPrefix(q) {
  const d = String(q || '').trim();
  return /^\d{2,9}$/.test(d) ? d : null;
}

const NUM = String.raw`(-?\d+(?:\.\d+)?)(?![\d.])`;
const CORE = String.raw`${NUM}\s*(?:°\s*(?:${NUM}\s*'\s*)?(?:${NUM}\s*"\s*)?)?`;
const SEP = String.raw`(?:\s*[,;]\s*|\s+|(?<=[NSEW'"°]))`;
// Hemisphere letters before every number ("N 51.13 E 71.43") or after it ("51°07'N 71°26'E"), or none.
const LEAD = new RegExp(String.raw`^\s*([NSEW])\s*${CORE}${SEP}([NSEW])\s*${CORE}\s*$`);
const TRAIL = new RegExp(String.raw`^\s*${CORE}\s*([NSEW])?${SEP}${CORE}\s*([NSEW])?\s*$`);

/** {lat, lon} from the forms above (lat first unless hemispheres say otherwise), or null. */
export function parseCoordinates(text) {
  const t = String(text || '').toUpperCase()
    .replace(/[′’‘`]/g, "'").replace(/[″“”]|''/g, '"').replace(/º|˚/g, '°');
  let groups = null;
  const lead = LEAD.exec(t), trail = lead ? null : TRAIL.exec(t);
  if (lead) groups = [[lead[1], ...lead.slice(2, 5)], [lead[5], ...lead.slice(6, 9)]];
  else if (trail) groups = [[trail[4], ...trail.slice(1, 4)], [trail[8], ...trail.slice(5, 8)]];
  if (!groups) return null;
  const parts = groups.map(([hemi, deg, min, sec]) => {
    const mm = min != null ? Number(min) : 0, ss = sec != null ? Number(sec) : 0;
    if (mm >= 60 || ss >= 60 || ((min != null || sec != null) && deg.includes('.'))) return null;
    const d = Number(deg);
    if (d < 0 && (hemi === 'S' || hemi === 'W')) return null;
    let v = Math.abs(d) + mm / 60 + ss / 3600;
    if (d < 0 || hemi === 'S' || hemi === 'W') v = -v;
    return { v, hemi: hemi || null, marked: deg.includes('.') || hemi != null || min != null || t.includes('°') };
  });
  if (parts.some(p => p == null) || !parts.some(p => p.marked)) return null;
  let [a, b] = parts;
  const isLat = p => p.hemi === 'N' || p.hemi === 'S';
  const isLon = p => p.hemi === 'E' || p.hemi === 'W';
  if (isLon(a) || isLat(b)) [a, b] = [b, a];
  if ((a.hemi && !isLat(a)) || (b.hemi && !isLon(b))) return null;
  if (Math.abs(a.v) > 90 || Math.abs(b.v) > 180) return null;
  return { lat: +a.v.toFixed(6), lon: +b.v.toFixed(6) };
}

const R = 6371.0088;
const rad = x => (x * Math.PI) / 180;
/** Great-circle distance in km. */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const dLat = rad(lat2 - lat1), dLon = rad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The nearest of the points ({lat, lon}) to a position, with its distance, or null for none. */
export function nearest(points, lat, lon) {
  let best = -1, bestD = Infinity;
  for (let i = 0; i < points.length; i++) {
    const d = distanceKm(lat, lon, points[i].lat, points[i].lon);
    if (d < bestD) { bestD = d; best = i; }
  }
  return best < 0 ? null : { index: best, km: bestD };
}

/** The search box's coordinate answer: Enter on coordinates flies the map, marks the point and opens the nearest settlement. */
export class CoordinateSearch {
  /** @param {{input: HTMLInputElement, map: any, settlements: () => any[], openSettlement: (id) => any, showMap: () => void}} opts */
  constructor({ input, map, settlements, openSettlement, showMap }) {
    Object.assign(this, { input, map, settlements, openSettlement, showMap });
    this.marker = null;
    this.hint = document.createElement('div');
    this.hint.id = 'search-hint';
    this.hint.className = 'hint search-hint';
    this.hint.setAttribute('aria-live', 'polite');
    input.insertAdjacentElement('afterend', this.hint);
    input.addEventListener('keydown', e => { if (e.key === 'Enter') this.go(); });
    input.addEventListener('input', () => this.describe());
  }

  /** Says what the box holds: a KATO prefix, coordinates (press Enter), or nothing for a name. */
  describe() {
    const q = this.input.value.trim();
    const c = parseCoordinates(q);
    if (c) this.hint.textContent = `Coordinates ${c.lat}, ${c.lon}: press Enter to go there.`;
    else if (katoPrefix(q)) this.hint.textContent = `KATO code ${katoPrefix(q).length === 9 ? '' : 'starting with '}${katoPrefix(q)}.`;
    else this.hint.textContent = '';
    if (!c) this.clear();
    return c;
  }

  clear() {
    if (this.marker) { this.marker.remove(); this.marker = null; }
  }

  /** Goes to the coordinates in the box (if they are coordinates); returns the nearest settlement opened, or null. */
  go() {
    const c = this.describe();
    if (!c) return null;
    this.showMap();
    this.map.setView([c.lat, c.lon], Math.max(this.map.getZoom(), 10), { animate: false });
    this.clear();
    if (!this.map.getPane('search-mark')) this.map.createPane('search-mark').style.zIndex = 640;   // above the settlement points
    this.marker = L.circleMarker([c.lat, c.lon], { pane: 'search-mark', radius: 7, color: '#111827', weight: 2, fillColor: '#facc15', fillOpacity: 1, interactive: false })
      .addTo(this.map);
    const list = this.settlements();
    const n = nearest(list, c.lat, c.lon);
    if (!n) { this.hint.textContent = `${c.lat}, ${c.lon}: no settlement loaded.`; return null; }
    const p = list[n.index];
    this.hint.innerHTML = `${esc(`${c.lat}, ${c.lon}`)} · nearest settlement: <b>${esc(p.name)}</b>, ${esc(n.km < 10 ? n.km.toFixed(1) : fmtInt(n.km))} km`;
    this.hint.dataset.nearest = p.id;
    this.openSettlement(p.id);
    return p;
  }
}

// Filters panel: reads the controls into a state, turns it into API query parameters (for export links)
// and into a fast client-side predicate over the loaded points.
import { TECHS, KINDS, esc, fmtInt } from './format.js';
import { buildUrl } from './api.js';
import { nameKey } from './namekey.js';
import { katoPrefix, parseCoordinates } from './search.js';

const $ = id => document.getElementById(id);

export const RURAL = ['village', 'hamlet'];
const BROADBAND = TECHS.filter(t => t.broadband).map(t => t.id);

function parseBound(input) {
  const raw = (input.value || '').trim().replace(/[\s,]/g, '');
  if (raw === '') return { value: null, valid: true };
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) return { value: null, valid: false };
  return { value: n, valid: true };
}

export class Filters {
  /** @param {{onChange: (state) => void}} opts */
  constructor({ onChange }) {
    this.onChange = onChange;
    this.region = $('filter-region');
    this.q = $('filter-q');
    this.minPop = $('filter-min-pop');
    this.maxPop = $('filter-max-pop');
    this.kindBoxes = KINDS.map(k => $(`filter-kind-${k.id}`));
    this._renderTechBoxes();
    this.techBoxes = TECHS.map(t => $(`filter-tech-${t.id}`));
    this._wire();
  }

  _renderTechBoxes() {
    const box = $('tech-checks');
    box.innerHTML = TECHS.map(t => `
      <label class="tech-check">
        <input type="checkbox" id="filter-tech-${esc(t.id)}" value="${esc(t.id)}" checked>
        <span class="swatch" style="background:${t.color}"></span>
        <span class="tech-name">${esc(t.label)}</span>
        <span class="tech-count" data-tech-count="${esc(t.id)}"></span>
      </label>`).join('');
  }

  _wire() {
    const fire = () => this.onChange(this.state());
    this.region.addEventListener('change', fire);
    this.q.addEventListener('input', fire);
    this.q.addEventListener('keydown', e => {
      if (e.key === 'Escape' && this.q.value) { this.q.value = ''; fire(); e.stopPropagation(); }
    });
    for (const el of [this.minPop, this.maxPop]) {
      el.addEventListener('input', fire);
      el.addEventListener('change', fire);
    }
    for (const el of [...this.kindBoxes, ...this.techBoxes]) el.addEventListener('change', fire);

    const setKinds = ids => { this.kindBoxes.forEach(b => { b.checked = ids.includes(b.value); }); fire(); };
    $('kind-rural').addEventListener('click', () => setKinds(RURAL));
    $('kind-all').addEventListener('click', () => setKinds(KINDS.map(k => k.id)));
    const setTechs = ids => { this.techBoxes.forEach(b => { b.checked = ids.includes(b.value); }); fire(); };
    $('tech-all').addEventListener('click', () => setTechs(TECHS.map(t => t.id)));
    $('tech-none-bb').addEventListener('click', () => setTechs(TECHS.filter(t => !t.broadband).map(t => t.id)));
    $('filter-reset').addEventListener('click', () => this.reset());
  }

  /** Fills the region select from /api/regions, keeping the current choice. */
  setRegions(regions) {
    const current = this.region.value;
    const sorted = [...regions].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    this.region.innerHTML = '<option value="">All regions</option>' + sorted.map(r =>
      `<option value="${esc(r.code)}"${r.settlementCount != null ? ` title="${esc(fmtInt(r.settlementCount))} settlements"` : ''}>${esc(r.name)}</option>`).join('');
    if (current && sorted.some(r => r.code === current)) this.region.value = current;
  }

  reset() {
    this.region.value = '';
    this.q.value = '';
    this.minPop.value = '';
    this.maxPop.value = '';
    for (const b of [...this.kindBoxes, ...this.techBoxes]) b.checked = true;
    this.onChange(this.state());
  }

  /** Sets every control from a state (the URL's: null lists tick everything) and fires one change. */
  setState(f) {
    this.region.value = f.region || '';
    if (this.region.value !== (f.region || '')) this.region.value = '';
    this.q.value = f.q || '';
    this.minPop.value = f.minPop ?? '';
    this.maxPop.value = f.maxPop ?? '';
    for (const [boxes, ids] of [[this.kindBoxes, f.kinds], [this.techBoxes, f.techs]]) {
      for (const b of boxes) b.checked = ids == null || ids.includes(b.value);
    }
    this.onChange(this.state());
  }

  setRegion(code) {
    this.region.value = code || '';
    if (this.region.value !== (code || '')) this.region.value = '';
    this.onChange(this.state());
  }

  state() {
    const min = parseBound(this.minPop), max = parseBound(this.maxPop);
    this.minPop.classList.toggle('invalid', !min.valid);
    this.maxPop.classList.toggle('invalid', !max.valid);
    const crossed = min.value != null && max.value != null && min.value > max.value;
    this.maxPop.classList.toggle('warn', crossed);
    return {
      region: this.region.value || '',
      kinds: this.kindBoxes.filter(b => b.checked).map(b => b.value),
      techs: this.techBoxes.filter(b => b.checked).map(b => b.value),
      minPop: min.value,
      maxPop: max.value,
      q: (this.q.value || '').trim(),
    };
  }

  /** Query parameters equivalent to the state for /api/settlements (lists left out when everything is ticked). */
  static toParams(s) {
    return {
      region: s.region || null,
      kind: s.kinds.length === KINDS.length ? null : s.kinds,
      technology: s.techs.length === TECHS.length ? null : s.techs,
      minPopulation: s.minPop,
      maxPopulation: s.maxPop,
      q: s.q && !parseCoordinates(s.q) ? s.q : null,
    };
  }

  static exportUrl(s, format) {
    return buildUrl('/api/settlements', { ...Filters.toParams(s), format });
  }

  /** A predicate over prepared points (see prepareSearch). */
  static predicate(s) {
    const region = s.region;
    const allKinds = s.kinds.length === KINDS.length;
    const kinds = new Set(s.kinds);
    const allTechs = s.techs.length === TECHS.length;
    const techs = new Set(s.techs);
    const min = s.minPop, max = s.maxPop;
    // Coordinates filter nothing (search.js flies there); digits are a KATO code or its prefix.
    const q = parseCoordinates(s.q) ? '' : s.q.toLowerCase();
    const kato = katoPrefix(q);
    const qk = q ? nameKey(s.q) : '';
    return p => {
      if (region && p.region !== region) return false;
      if (!allKinds && !kinds.has(p.kind)) return false;
      if (!allTechs && !techs.has(p.tech)) return false;
      if (min != null && (p.pop == null || p.pop < min)) return false;
      if (max != null && (p.pop == null || p.pop > max)) return false;
      if (q) {
        if (p.idLower === q) return true;
        if (kato && p.kato && p.kato.startsWith(kato)) return true;
        if (p.searchLower.includes(q)) return true;
        if (qk && p.searchKeys.includes(qk)) return true;
        return false;
      }
      return true;
    };
  }

  /** Technology counts shown next to the checkboxes. */
  setTechCounts(counts) {
    for (const t of TECHS) {
      const el = document.querySelector(`[data-tech-count="${CSS.escape(t.id)}"]`);
      if (!el) continue;
      el.textContent = fmtInt(counts[t.id] || 0);
      el.classList.toggle('is-zero', !(counts[t.id] > 0));
    }
  }
}

/**
 * Precomputes the search strings of a point: all names lower-cased, and their name keys. Matching follows the
 * server (RegistryView.Matches): the id exactly, or any name containing the text, or any name key containing its key.
 */
export function prepareSearch(p) {
  if (p.searchLower !== undefined) return;
  const list = [...new Set([p.name, ...Object.values(p.names || {})].filter(Boolean).map(String))];
  p.searchLower = list.map(n => n.toLowerCase()).join('\u0001');
  p.idLower = String(p.id).toLowerCase();
  p.searchKeys = list.map(nameKey).filter(Boolean).join('\u0001');
}

/**
 * Search strings are built lazily: in idle slices after the first render, or at once when a search needs them.
 * Returns {ensure(): void, schedule(): void}.
 */
export function searchIndexer(getPoints) {
  let next = 0, done = false, handle = 0;
  const idle = window.requestIdleCallback || (cb => setTimeout(() => cb({ timeRemaining: () => 8 }), 1));
  const step = deadline => {
    handle = 0;
    const pts = getPoints();
    while (next < pts.length && deadline.timeRemaining() > 2) {
      const end = Math.min(pts.length, next + 500);
      for (; next < end; next++) prepareSearch(pts[next]);
    }
    if (next >= pts.length) done = true;
    else handle = idle(step, { timeout: 500 });
  };
  return {
    ensure() {
      if (done) return;
      const pts = getPoints();
      for (; next < pts.length; next++) prepareSearch(pts[next]);
      done = true;
    },
    schedule() {
      if (!done && !handle) handle = idle(step, { timeout: 500 });
    },
    reset() { next = 0; done = false; },
  };
}

export { BROADBAND };

// The fibre plan's row in the layers panel: the checkbox, the form (region, backbone, minimum population, time budget),
// the Plan button, the progress bar while the server's job runs, and why the last Plan failed. The fields are the
// DOM's; the parameters of the plan shown are the state's (and the URL's), so "Settings changed" compares the two.
// Hooks for the browser tests: #layer-fibre, #fibre-plan, #fibre-progress, #fibre-error, input.invalid.
import { esc, fmtInt } from './format.js';
import { DEFAULTS, fmtKm, fmtTenge } from './fibre-format.js';

const $ = id => document.getElementById(id);
const FIELDS = { region: 'fibre-region', minPopulation: 'fibre-min-population', backbone: 'fibre-backbone', seconds: 'fibre-seconds' };

export class FibrePanel {
  /**
   * @param {{panel: HTMLElement, state: import('./fibre-state.js').FibreState, onToggle: (on: boolean) => void,
   *          onPlan: () => void}} opts  panel: the layers panel (the row goes into its .layer-list).
   */
  constructor({ panel, state, onToggle, onPlan }) {
    this.state = state;
    this.timer = 0;
    const row = document.createElement('div');
    row.className = 'layer layer-fibre';
    row.id = 'layer-fibre-row';
    row.dataset.layer = 'fibre';
    row.innerHTML = `
      <label class="layer-row" for="layer-fibre" title="Least-cost fibre from the backbone to the settlements (Steiner tree on the proxy network)">
        <input type="checkbox" id="layer-fibre">
        <span class="layer-icon layer-icon-fibre" aria-hidden="true"></span>
        <span class="layer-name">Fibre plan <span class="layer-sub">· proxy</span></span>
        <span class="layer-syn" id="layer-fibre-syn" hidden title="The backbone (settlements on fibre) is a SYNTHETIC scenario">SYN</span>
        <span class="layer-meta" id="layer-fibre-meta"></span>
      </label>
      <div class="layer-note" id="layer-fibre-note">Connect villages to the backbone at least cost</div>
      <div class="layer-extra fibre-extra" id="layer-fibre-extra" hidden>
        <form id="fibre-form" class="fibre-form" novalidate>
          <label for="fibre-region">Region</label>
          <select id="fibre-region" title="Plan for one region (its villages, its backbone) or the whole country. Follows the region filter.">
            <option value="">Whole country</option>
          </select>
          <label for="fibre-backbone">Backbone</label>
          <select id="fibre-backbone" title="Where fibre is taken to be available already">
            <option value="towns">Cities &amp; towns</option>
            <option value="fibre">Settlements on fibre now</option>
            <option value="towns-and-fibre">Both</option>
          </select>
          <label for="fibre-min-population" title="Villages and hamlets with at least this many people are connected">Min. pop.</label>
          <div class="fibre-pair">
            <input id="fibre-min-population" type="number" min="0" step="1" inputmode="numeric" value="${DEFAULTS.minPopulation}" placeholder="${DEFAULTS.minPopulation}"
                   title="Villages and hamlets with at least this many people are connected">
            <label for="fibre-seconds" class="fibre-inline" title="Time budget of the search; it stops early when the plan is proven optimal">Budget</label>
            <span class="fibre-unit"><input id="fibre-seconds" type="number" min="1" max="60" step="1" inputmode="numeric" value="${DEFAULTS.seconds}" placeholder="${DEFAULTS.seconds}"
                   title="Time budget of the search in seconds (1–60); it stops early when the plan is proven optimal"><span>s</span></span>
          </div>
          <div class="fibre-go">
            <button type="submit" id="fibre-plan" class="button fibre-plan-button">Plan</button>
            <span id="fibre-stale" class="fibre-stale" hidden>Settings changed — press Plan</span>
          </div>
        </form>
        <div id="fibre-progress" class="fibre-progress" role="progressbar" aria-label="Fibre plan search" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" hidden>
          <div class="fibre-progress-track"><span id="fibre-progress-bar" class="fibre-progress-bar"></span></div>
          <div id="fibre-progress-label" class="fibre-progress-label"></div>
        </div>
        <div id="fibre-failed" class="fibre-failed" role="alert" hidden></div>
        <section id="fibre-summary" class="fibre-summary" aria-label="Fibre plan summary" data-state="none" hidden></section>
      </div>`;
    panel.querySelector('.layer-list').appendChild(row);

    $('layer-fibre').addEventListener('change', e => onToggle(e.target.checked));
    $('fibre-form').addEventListener('submit', e => { e.preventDefault(); onPlan(); });
    for (const id of Object.values(FIELDS)) {
      $(id).addEventListener('input', () => { $(id).classList.remove('invalid'); this.markStale(); });
      $(id).addEventListener('change', () => this.markStale());
    }
  }

  get isOn() { return $('layer-fibre').checked; }

  /** The row as the state says: on, busy, the plan's km in the meta, the note. */
  renderRow() {
    const on = this.isOn, running = this.state.running;
    const row = $('layer-fibre-row');
    row.classList.toggle('is-on', on);
    row.classList.toggle('is-busy', running);
    $('layer-fibre-extra').hidden = !on;
    const p = this.state.plan;
    $('layer-fibre-meta').textContent = p ? `${fmtInt(p.km)} km` : '';
    $('layer-fibre-meta').title = p ? `${fmtKm(p.km)}, ${fmtTenge(p.costTenge)}` : '';
    $('layer-fibre-syn').hidden = !(p && p.synthetic);
    const note = $('layer-fibre-note');
    note.textContent = running ? 'Planning…' : p ? '' : 'Connect villages to the backbone at least cost';
    note.hidden = !note.textContent || (on && !p && !running);
  }

  /** Fills the region choice from the state's regions (keeps the current choice). */
  renderRegions() {
    const sel = $('fibre-region');
    const current = sel.value || this.state.followedRegion;
    const sorted = [...this.state.regions.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    sel.innerHTML = '<option value="">Whole country</option>' + sorted.map(r => `<option value="${esc(r.code)}">${esc(r.name)}</option>`).join('');
    if (current && this.state.regions.has(current)) sel.value = current;
  }

  /** The map's region filter changed: the plan's region follows it (it can still be changed here). */
  followRegion(code) {
    code = code || '';
    if (code === this.state.followedRegion) return;
    this.state.followedRegion = code;
    const sel = $('fibre-region');
    if (!code || [...sel.options].some(o => o.value === code)) sel.value = code;
    this.markStale();
  }

  /** The parameters the form asks for (the server validates them, and says what is wrong). */
  params() {
    const num = id => {
      const v = $(id).value.trim();
      return v === '' ? null : v;
    };
    return {
      region: $('fibre-region').value || null,
      minPopulation: num('fibre-min-population') ?? DEFAULTS.minPopulation,
      backbone: $('fibre-backbone').value || DEFAULTS.backbone,
      seconds: num('fibre-seconds') ?? DEFAULTS.seconds,
    };
  }

  /**
   * Sets the form to parameters ({region, backbone, minPopulation, seconds}); false when a region or backbone is not
   * one of the choices (that field is then left as it was).
   */
  setParams(params) {
    let took = true;
    const choose = (id, value) => {
      const sel = $(id);
      if ([...sel.options].some(o => o.value === value)) sel.value = value;
      else took = false;
    };
    choose('fibre-region', params.region || '');
    choose('fibre-backbone', params.backbone);
    $('fibre-min-population').value = String(params.minPopulation);
    $('fibre-seconds').value = String(params.seconds);
    for (const id of Object.values(FIELDS)) $(id).classList.remove('invalid');
    this.markStale();
    return took;
  }

  /** Whether the form asks for something else than the plan shown. */
  get changed() {
    return JSON.stringify(this.params()) !== JSON.stringify(this.state.params);
  }

  markStale() {
    $('fibre-stale').hidden = !(!!this.state.params && this.state.status === 'ready' && this.changed);
  }

  /** Plan pressed: the button is disabled and says so, the last failure goes, the progress bar runs for budget s. */
  start(budget) {
    for (const id of Object.values(FIELDS)) $(id).classList.remove('invalid');
    const button = $('fibre-plan');
    button.disabled = true;
    button.textContent = 'Planning…';
    $('fibre-stale').hidden = true;
    $('fibre-failed').hidden = true;
    this.renderRow();
    this.startProgress(budget);
  }

  /** The plan is made or failed: the button comes back. */
  finish() {
    this.stopProgress();
    const button = $('fibre-plan');
    button.disabled = false;
    button.textContent = 'Plan';
    this.renderRow();
    this.markStale();
  }

  startProgress(budget) {
    this.state.queued = false;
    const t0 = performance.now();
    const box = $('fibre-progress'), bar = $('fibre-progress-bar'), label = $('fibre-progress-label');
    box.hidden = false;
    const tick = () => {
      const s = (performance.now() - t0) / 1000;
      const f = Math.min(1, s / budget);
      bar.style.width = `${(f * 100).toFixed(1)}%`;
      box.setAttribute('aria-valuenow', String(Math.round(f * 100)));
      label.innerHTML = this.state.queued ? 'Waiting for a free planner on the server…' : s < budget
        ? `Searching… <b>${Math.floor(s)}</b> of ${fmtInt(budget)} s <span class="muted">· stops early when proven optimal</span>`
        : 'Budget used: finishing the plan…';
    };
    tick();
    clearInterval(this.timer);
    this.timer = setInterval(tick, 200);
  }

  stopProgress() {
    clearInterval(this.timer);
    this.timer = 0;
    $('fibre-progress').hidden = true;
  }

  /** Why the last Plan failed (the fields it names marked), above the summary of the previous plan (which stays). */
  renderError(e) {
    for (const [k, id] of Object.entries(FIELDS)) if (e?.errors && e.errors[k]) $(id).classList.add('invalid');
    const el = $('fibre-failed');
    el.hidden = false;
    const items = e?.errors && typeof e.errors === 'object'
      ? Object.entries(e.errors).map(([k, v]) => `<li><b>${esc(k)}</b>: ${esc([].concat(v).join('; '))}</li>`).join('') : '';
    el.innerHTML = `
      <div class="fibre-error" id="fibre-error"><b>No plan.</b> ${esc(e?.title || e?.message || 'The plan failed')}${e?.detail ? `: ${esc(e.detail)}` : ''}${items ? `<ul>${items}</ul>` : ''}</div>
      ${this.state.plan ? '<div class="fibre-failed-note">The map and the summary below still show the previous plan.</div>' : ''}`;
  }
}

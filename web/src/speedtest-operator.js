// The speed test's operator: the list of the registry's operators, preselected with the one the server guesses from
// the caller's address (GET /api/speedtest/whoami, the operator prefix table), which the user may change.
import { api } from './api.js';
import { showError } from './notify.js';
import { esc } from './format.js';

const $ = id => document.getElementById(id);

export class OperatorPicker {
  /** onOperators: called when the operator list has loaded (names for the history). */
  constructor(onOperators) {
    this.onOperators = onOperators;
    this.operators = [];
    this.guess = null;
    this.changed = false;
    $('speedtest-operator').addEventListener('change', () => {
      const other = $('speedtest-operator').value === '__other';
      $('speedtest-operator-other').hidden = !other;
      if (other) $('speedtest-operator-other').focus();
      this.changed = true;
      this._renderGuess();
    });
  }

  init() {
    const list = api.operators().then(l => this._setOperators(Array.isArray(l) ? l : [])).catch(e => showError(e, 'Operators'));
    const who = api.speedtestWhoami().catch(() => null);
    Promise.all([list, who]).then(([, w]) => {
      this.network = w?.network || null;
      this.guess = w?.operator || null;
      if (this.guess && !this.changed) this._select(this.guess);
      this._renderGuess();
    });
  }

  _select(guess) {
    const sel = $('speedtest-operator');
    if (![...sel.options].some(o => o.value === guess.id)) {
      const opt = document.createElement('option');
      opt.value = guess.id;
      opt.textContent = guess.name || guess.id;
      sel.insertBefore(opt, sel.options[1] || null);
    }
    sel.value = guess.id;
  }

  _renderGuess() {
    const box = $('speedtest-operator-guess');
    const g = this.guess;
    const sel = $('speedtest-operator');
    box.dataset.guess = g?.id || '';
    if (!g) {
      box.innerHTML = `<span class="muted">Operator not recognised from your address${this.network ? ` (${esc(this.network)})` : ''}: choose it below if you know it.</span>`;
      return;
    }
    const kept = !this.changed || sel.value === g.id;
    box.innerHTML = kept
      ? `Operator: <b>${esc(g.name || g.id)}</b> <span class="muted" title="${esc(g.guessedFrom)}">(from your address)</span> `
        + '<button type="button" class="link-button" id="speedtest-operator-change">change</button>'
      : `<span class="muted">Guessed from your address: ${esc(g.name || g.id)}; you chose another.</span>`;
    box.querySelector('#speedtest-operator-change')?.addEventListener('click', () => sel.focus());
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

  name(id) {
    if (!id) return '';
    const o = this.operators.find(x => x.id === id);
    return o ? (o.name || o.id) : id;
  }

  /** The operator sent with the test ('' when not given). */
  value() {
    const sel = $('speedtest-operator').value;
    return sel === '__other' ? $('speedtest-operator-other').value.trim() : sel;
  }
}

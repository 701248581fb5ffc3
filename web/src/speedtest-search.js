// The speed test's settlement search: a combobox over /api/settlements?q=, ranked (exact name, prefix, word prefix),
// with keyboard navigation. It tells the view which settlement was chosen; the view keeps the tag.
import { nameIn } from './i18n.js';
import { api } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, kindLabel } from './format.js';

const $ = id => document.getElementById(id);

/** The search ranking of a settlement for a query: exact name, prefix, word prefix, anything else; then population. */
function rank(item, q) {
  const names = [item.name, ...Object.values(item.names || {})].filter(Boolean).map(s => String(s).toLocaleLowerCase());
  let best = 3;
  for (const n of names) {
    if (n === q) best = Math.min(best, 0);
    else if (n.startsWith(q)) best = Math.min(best, 1);
    else if (n.split(/[\s\-–]+/).some(w => w.startsWith(q))) best = Math.min(best, 2);
  }
  return best;
}

export class SettlementSearch {
  /** host: { chosen(): the chosen settlement or null, choose(s, how) }. */
  constructor(host) {
    this.host = host;
    this.suggestions = [];
    this.active = -1;
    this.searchSeq = 0;
    this.searchAbort = null;
    this._wire();
  }

  _wire() {
    const input = $('speedtest-settlement');
    const list = $('speedtest-suggestions');
    let timer = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const chosen = this.host.chosen();
      if (chosen && input.value !== chosen.name) this.host.choose(null);
      timer = setTimeout(() => this._search(input.value), 180);
    });
    input.addEventListener('keydown', e => {
      if (list.hidden && e.key === 'ArrowDown' && this.suggestions.length) { this.showList(true); return; }
      if (list.hidden) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = this.suggestions.length;
        if (!n) return;
        this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active <= 0 ? n - 1 : this.active - 1);
        this._render();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const s = this.suggestions[this.active >= 0 ? this.active : 0];
        if (s) this.host.choose(s, 'search');
      } else if (e.key === 'Escape') {
        this.showList(false);
      }
    });
    input.addEventListener('blur', () => setTimeout(() => this.showList(false), 150));
    input.addEventListener('focus', () => { if (this.suggestions.length && !this.host.chosen()) this.showList(true); });
    list.addEventListener('mousedown', e => e.preventDefault()); // keep the focus in the input
    list.addEventListener('click', e => {
      const li = e.target.closest('li[data-index]');
      if (li) this.host.choose(this.suggestions[Number(li.dataset.index)], 'search');
    });
  }

  async _search(text) {
    const q = String(text || '').trim();
    const seq = ++this.searchSeq;
    this.searchAbort?.abort();
    if (q.length < 2) {
      this.suggestions = [];
      this.showList(false);
      return;
    }
    const ctl = this.searchAbort = new AbortController();
    $('speedtest-suggestions').dataset.state = 'loading';
    try {
      const res = await api.searchSettlements(q, { signal: ctl.signal });
      if (seq !== this.searchSeq) return;
      const lq = q.toLocaleLowerCase();
      const items = (res?.items || []).map(it => ({ it, r: rank(it, lq) }))
        .sort((a, b) => a.r - b.r || (b.it.population ?? -1) - (a.it.population ?? -1) || String(a.it.name).localeCompare(String(b.it.name)))
        .slice(0, 8).map(x => x.it);
      this.suggestions = items;
      this.total = res?.total ?? items.length;
      this.active = items.length ? 0 : -1;
      this._render();
      this.showList(true);
    } catch (e) {
      if (e?.name !== 'AbortError') showError(e, 'Settlement search');
    }
  }

  _render() {
    const list = $('speedtest-suggestions');
    list.dataset.state = 'ready';
    if (!this.suggestions.length) {
      list.innerHTML = '<li class="suggest-empty muted" role="presentation">No settlement matches.</li>';
      return;
    }
    list.innerHTML = this.suggestions.map((s, i) => {
      const alt = s.names && s.names.en && s.names.en !== s.name ? ` <span class="muted">(${esc(s.names.en)})</span>` : '';
      return `<li role="option" id="speedtest-suggestion-${i}" data-index="${i}" data-id="${esc(s.id)}" class="${i === this.active ? 'is-active' : ''}" aria-selected="${i === this.active}">
        <span class="suggest-name">${esc(nameIn(s))}${alt}</span>
        <span class="suggest-meta">${esc(kindLabel(s.kind))} · ${esc(s.regionName || s.region || '')}${s.population != null ? ' · pop. ' + fmtInt(s.population) : ''}</span>
      </li>`;
    }).join('') + (this.total > this.suggestions.length ? `<li class="suggest-more muted" role="presentation">${fmtInt(this.total)} matches — type more to narrow</li>` : '');
    $('speedtest-settlement').setAttribute('aria-activedescendant', this.active >= 0 ? `speedtest-suggestion-${this.active}` : '');
  }

  showList(on) {
    const list = $('speedtest-suggestions');
    list.hidden = !on;
    $('speedtest-settlement').setAttribute('aria-expanded', String(on));
  }
}

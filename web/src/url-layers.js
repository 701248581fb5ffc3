// The map layers (checkboxes "#layer-<key>" of the layers panel: sites, coverage-raster, fibre, plan, …) in the URL.
// A layer asked for by the URL is ticked as soon as its checkbox exists and is enabled (radio layers wait for their
// data); until then it stays in the URL, so a shared link does not lose it while the page loads.

const KEY = /^layer-([a-z0-9-]+)$/;
const WAIT_MS = 60000;

export class UrlLayers {
  /** @param {{panel: HTMLElement, url: import('./urlstate.js').UrlState}} opts */
  constructor({ panel, url }) {
    this.panel = panel;
    this.url = url;
    this.pending = new Set();
    this.timer = 0;
    panel.addEventListener('change', e => {
      const box = e.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !KEY.test(box.id)) return;
      this.pending.delete(KEY.exec(box.id)[1]);
      this.report();
    });
  }

  boxes() {
    return [...this.panel.querySelectorAll('input[type=checkbox][id^="layer-"]')].filter(b => KEY.test(b.id));
  }

  /** The layers on, and those the URL asked for that are still loading. */
  current() {
    const on = this.boxes().filter(b => b.checked).map(b => KEY.exec(b.id)[1]);
    for (const k of this.pending) if (!on.includes(k)) on.push(k);
    return on;
  }

  report() {
    this.url.update({ layers: this.current() }, { replace: true });
  }

  /** Ticks exactly the layers named (others are unticked), waiting for each until it can be ticked. */
  apply(keys) {
    const want = new Set(keys || []);
    for (const b of this.boxes()) {
      const k = KEY.exec(b.id)[1];
      if (b.checked && !want.has(k)) this.set(b, false);
    }
    this.pending = new Set([...want].filter(k => !document.getElementById('layer-' + k)?.checked));
    const started = Date.now();
    clearInterval(this.timer);
    const step = () => {
      for (const k of [...this.pending]) {
        const b = document.getElementById('layer-' + k);
        if (b && !b.disabled && b.type === 'checkbox') { this.pending.delete(k); this.set(b, true); }
      }
      if (!this.pending.size || Date.now() - started > WAIT_MS) {
        clearInterval(this.timer);
        if (this.pending.size) { this.pending.clear(); this.report(); }
      }
    };
    step();
    if (this.pending.size) this.timer = setInterval(step, 200);
  }

  set(box, on) {
    if (box.checked === on) return;
    box.checked = on;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

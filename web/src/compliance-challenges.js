// Slot #compliance-challenges of the Compliance view (see compliance.js). Being built.
export class Challenges {
  /** @param {HTMLElement} el the slot; @param {import('./compliance.js').Compliance} view */
  constructor(el, view) { this.el = el; this.view = view; }
  init() {}
}

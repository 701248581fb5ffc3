// Bottom sheets on phones: the filters, the settlement card and the layers panel slide up from the bottom of the
// map. A tap on a sheet's handle folds or unfolds it, a drag up unfolds it and a drag down folds it. On wider
// screens the handles are not shown (style.css) and the panels stay beside the map.

/** Drag distance (px) that counts as a drag rather than a tap. */
const DRAG = 24;

const isCollapsed = sheet => sheet.classList.contains('is-collapsed');

/** Folds (on = true) or unfolds a sheet; the layers panel folds through its own toggle so radio-panel.js stays in step. */
export function setCollapsed(sheet, on) {
  if (!sheet || isCollapsed(sheet) === on) return;
  const own = sheet.querySelector(':scope > .layers-head .layers-toggle');
  if (own) { own.click(); return; }
  sheet.classList.toggle('is-collapsed', on);
  for (const h of sheet.querySelectorAll(':scope > .sheet-handle')) h.setAttribute('aria-expanded', String(!on));
}

/** Wires every sheet handle in the page (also those added later, by event delegation). */
export function wireSheets(root = document) {
  let drag = null;
  root.addEventListener('pointerdown', e => {
    const handle = e.target.closest?.('.sheet-handle, .layers-toggle');
    const sheet = handle?.closest('.sheet, .layers-panel');
    if (!sheet || e.button > 0) return;
    drag = { handle, sheet, y: e.clientY, moved: false };
  });
  root.addEventListener('pointermove', e => {
    if (drag && Math.abs(e.clientY - drag.y) > DRAG) drag.moved = true;
  });
  root.addEventListener('pointerup', e => {
    const d = drag;
    drag = null;
    if (!d || !d.moved) return;
    const dy = e.clientY - d.y;
    setCollapsed(d.sheet, dy > 0);
    d.handle.dataset.dragged = String(Date.now());   // the click that follows a drag is not a tap
  });
  root.addEventListener('pointercancel', () => { drag = null; });
  // Taps: the layers panel toggles itself (radio-panel.js); the other sheets toggle here.
  root.addEventListener('click', e => {
    const handle = e.target.closest?.('.sheet-handle, .layers-toggle');
    if (!handle) return;
    const dragged = Number(handle.dataset.dragged || 0);
    delete handle.dataset.dragged;
    if (Date.now() - dragged < 500) {
      e.stopImmediatePropagation();
      e.preventDefault();
      return;
    }
    if (handle.classList.contains('sheet-handle')) {
      const sheet = handle.closest('.sheet');
      setCollapsed(sheet, !isCollapsed(sheet));
    }
  }, true);
  // The synthetic banner is one line on phones: a tap shows the whole note.
  const banner = document.getElementById('synthetic-banner');
  banner?.addEventListener('click', () => {
    const open = banner.classList.toggle('is-open');
    banner.setAttribute('aria-expanded', String(open));
  });
}

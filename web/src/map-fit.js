// Fitting the map to the part of it that the open layers panel leaves free (wide screens), so that the panel
// does not hide the west of the country. On phones the panel is a bottom sheet and folded at first: the whole map counts.

/**
 * Padding (px) that keeps bounds clear of the open layers panel beside the map and of a bottom sheet over its
 * lower edge (phones): { paddingTopLeft, paddingBottomRight }.
 */
export function freePadding(map, panel, sheet = null, pad = 12) {
  const box = map.getContainer().getBoundingClientRect();
  const p = panel?.getBoundingClientRect();
  const open = p && p.width > 0 && !panel.classList.contains('is-collapsed') && p.width < box.width * 0.5;
  const left = open ? Math.max(pad, Math.round(p.right - box.left + pad)) : pad;
  const s = sheet?.getBoundingClientRect();
  const over = s && s.width > 0 && s.top > box.top && s.top < box.bottom ? Math.round(box.bottom - s.top) : 0;
  return { paddingTopLeft: [left, pad], paddingBottomRight: [pad, pad + over] };
}

/** Fits bounds into the free part of the map. */
export function fitFree(map, panel, sheet, bounds) {
  map.fitBounds(bounds, { ...freePadding(map, panel, sheet), animate: false });
}

/** Pans the map so that a point stays in sight above a bottom sheet (phones) that has just opened over it. */
export function keepAboveSheet(map, latlng, sheet) {
  const box = map.getContainer().getBoundingClientRect();
  const s = sheet?.getBoundingClientRect();
  if (!s || s.width < box.width - 2 || s.top <= box.top || s.top >= box.bottom) return;   // not a bottom sheet
  // The sheet may still grow (sections that load later): keep clear of its greatest height.
  const max = getComputedStyle(sheet).maxHeight;
  const tallest = max.endsWith('%') ? parseFloat(max) / 100 * (sheet.offsetParent?.clientHeight || 0) : parseFloat(max);
  const top = Number.isFinite(tallest) ? Math.min(s.top, box.bottom - tallest) : s.top;
  map.panInside(latlng, { paddingTopLeft: [16, 16], paddingBottomRight: [16, Math.round(box.bottom - top) + 16], animate: false });
}

/**
 * Tells the map when its box changes size (the synthetic banner, the header on a phone), not only the window. The
 * centre stays where it was, so a view restored from a shared link before the banner came in is still that view.
 */
export function followSize(map) {
  if (!window.ResizeObserver) return;
  new ResizeObserver(() => map.invalidateSize({ pan: true, animate: false })).observe(map.getContainer());
}

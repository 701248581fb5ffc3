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

// The tab bar when it is wider than the header (tablets, small laptops): it scrolls sideways, says on which side
// more tabs are hidden (data-more = left | right | both, drawn as a fade), and a mouse wheel over it scrolls it
// sideways, so every tab can be reached without a touch screen or a visible scrollbar.

/** Which sides of a scroller hide content: 'none', 'left', 'right' or 'both'. */
export function hiddenSides(el) {
  const left = el.scrollLeft > 1;
  const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : 'none';
}

/** Keeps data-more of the tab bar true and turns vertical wheel turns over it into sideways scrolling. */
export function followTabs(tabs) {
  if (!tabs) return;
  const mark = () => { tabs.dataset.more = hiddenSides(tabs); };
  tabs.addEventListener('scroll', mark, { passive: true });
  window.addEventListener('resize', mark);
  if (window.ResizeObserver) new ResizeObserver(mark).observe(tabs);
  tabs.addEventListener('wheel', e => {
    if (tabs.scrollWidth <= tabs.clientWidth || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
    tabs.scrollLeft += e.deltaY;
    e.preventDefault();
  }, { passive: false });
  mark();
}

// Which of the polylines drawn on a map passes within a few pixels of a point of it: the hit test of the fibre plan's
// routes and of a coverage run's roads, whose vertices are kept projected in zoom-0 pixels with their bounding boxes.

/**
 * The index of the item nearest to container point cp among those with a line within tolPx, else null.
 * items: [{bbox: [minX, minY, maxX, maxY], …}] in zoom-0 pixels; linesOf(item): its lines as flat [x0, y0, x1, y1, …].
 */
export function lineAt(map, cp, items, linesOf, tolPx = 5) {
  const s = map.getZoomScale(map.getZoom(), 0);
  const origin = map.getPixelOrigin();
  const lp = map.containerPointToLayerPoint(cp);
  const wx = (lp.x + origin.x) / s, wy = (lp.y + origin.y) / s;   // zoom-0 pixels
  const tol = tolPx / s;
  let best = null, bestD = tol * tol;
  items.forEach((r, i) => {
    const b = r.bbox;
    if (wx < b[0] - tol || wx > b[2] + tol || wy < b[1] - tol || wy > b[3] + tol) return;
    for (const xy of linesOf(r)) {
      for (let k = 0; k + 3 < xy.length; k += 2) {
        const d = segDist2(wx, wy, xy[k], xy[k + 1], xy[k + 2], xy[k + 3]);
        if (d <= bestD) { bestD = d; best = i; }
      }
    }
  });
  return best;
}

/** Squared distance from point p to segment a–b. */
function segDist2(px, py, ax, ay, bx, by) {
  let dx = bx - ax, dy = by - ay, x = ax, y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = bx; y = by; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = px - x; dy = py - y;
  return dx * dx + dy * dy;
}

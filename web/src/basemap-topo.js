// A small TopoJSON decoder for the offline basemap: the polygons of a world-atlas topology (quantized, delta-encoded
// arcs) as GeoJSON features, keeping only the polygons whose box meets a given box (Kazakhstan's neighbourhood).

function decodeArcs(topo) {
  const t = topo.transform;
  const [sx, sy] = t ? t.scale : [1, 1];
  const [tx, ty] = t ? t.translate : [0, 0];
  return (topo.arcs || []).map(arc => {
    let x = 0, y = 0;
    return arc.map(p => {
      if (!t) return [p[0], p[1]];
      x += p[0];
      y += p[1];
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ringOf(indexes, arcs) {
  const pts = [];
  for (const i of indexes) {
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    if (!arc) continue;
    for (let k = pts.length ? 1 : 0; k < arc.length; k++) pts.push(arc[k]);
  }
  return pts;
}

function boxOf(ring) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

const meets = (a, b) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * Features {id, name, geometry: MultiPolygon} of the object collection `name`, each keeping only its polygons whose
 * outer ring's box meets `box` ([west, south, east, north]); countries with none are left out.
 */
export function polygonsNear(topo, name, box) {
  const collection = topo?.objects?.[name];
  if (!collection || !Array.isArray(collection.geometries)) return [];
  const arcs = decodeArcs(topo);
  const out = [];
  for (const g of collection.geometries) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    const kept = [];
    for (const rings of polys) {
      const decoded = rings.map(r => ringOf(r, arcs)).filter(r => r.length >= 4);
      if (decoded.length && meets(boxOf(decoded[0]), box)) kept.push(decoded);
    }
    if (kept.length) {
      out.push({
        type: 'Feature',
        id: g.id != null ? String(g.id) : '',
        properties: { name: g.properties?.name || '' },
        geometry: { type: 'MultiPolygon', coordinates: kept },
      });
    }
  }
  return out;
}

using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>
/// A uniform lon/lat grid over points (about two per cell) for exact nearest-point queries by great-circle
/// distance: rings of cells are searched outwards until no unseen cell can hold anything nearer. Points must not
/// straddle the antimeridian.
/// </summary>
internal sealed class RoadNodeGrid
{
    private const int MaxCells = 1 << 22;
    private readonly LonLat[] _points;
    private readonly double _west, _south, _cell;
    private readonly int _nx, _ny;
    private readonly int[] _cellStart;
    private readonly int[] _cellPoints;

    public RoadNodeGrid(LonLat[] points)
    {
        if (points.Length == 0) throw new InvalidOperationException("the road network has no nodes to snap to");
        _points = points;
        _west = points.Min(p => p.Lon);
        _south = points.Min(p => p.Lat);
        var width = points.Max(p => p.Lon) - _west;
        var height = points.Max(p => p.Lat) - _south;
        _cell = Math.Max(1e-5, Math.Sqrt(width * height * 2 / points.Length));
        while ((width / _cell + 1) * (height / _cell + 1) > MaxCells) _cell *= 2;
        _nx = (int)(width / _cell) + 1;
        _ny = (int)(height / _cell) + 1;
        _cellStart = new int[_nx * _ny + 1];
        foreach (var p in points) _cellStart[CellOf(p) + 1]++;
        for (var c = 0; c < _nx * _ny; c++) _cellStart[c + 1] += _cellStart[c];
        _cellPoints = new int[points.Length];
        var next = _cellStart[..^1];
        for (var i = 0; i < points.Length; i++) _cellPoints[next[CellOf(points[i])]++] = i;
    }

    /// <summary>The nearest point (smallest index among equally near ones) and its distance in km.</summary>
    public (int Index, double Km) Nearest(LonLat q)
    {
        var cx = (int)Math.Floor((q.Lon - _west) / _cell);
        var cy = (int)Math.Floor((q.Lat - _south) / _cell);
        var best = (Index: -1, Km: double.PositiveInfinity);
        var first = Math.Max(Outside(cx, _nx), Outside(cy, _ny));
        var last = Math.Max(Math.Max(cx, _nx - 1 - cx), Math.Max(cy, _ny - 1 - cy));
        for (var r = first; r <= last; r++)
        {
            for (var y = Math.Max(0, cy - r); y <= Math.Min(_ny - 1, cy + r); y++)
            {
                if (y == cy - r || y == cy + r)
                {
                    for (var x = Math.Max(0, cx - r); x <= Math.Min(_nx - 1, cx + r); x++) Visit(x, y, q, ref best);
                    continue;
                }
                Visit(cx - r, y, q, ref best);
                Visit(cx + r, y, q, ref best);
            }
            // Unseen points lie in rings beyond r, more than r cells away in longitude or latitude.
            if (best.Km < SpherePlane.RingBoundKm(q, r * _cell * (1 - 1e-9))) break;
        }
        return best;
    }

    private void Visit(int x, int y, LonLat q, ref (int Index, double Km) best)
    {
        if (x < 0 || x >= _nx) return;
        var cell = y * _nx + x;
        for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
        {
            var i = _cellPoints[k];
            var d = GeoMath.DistanceKm(q, _points[i]);
            if (d < best.Km || (d == best.Km && i < best.Index)) best = (i, d);
        }
    }

    private static int Outside(int c, int n) => c < 0 ? -c : c >= n ? c - n + 1 : 0;

    private int CellOf(LonLat p) =>
        Math.Min(_ny - 1, (int)((p.Lat - _south) / _cell)) * _nx + Math.Min(_nx - 1, (int)((p.Lon - _west) / _cell));
}

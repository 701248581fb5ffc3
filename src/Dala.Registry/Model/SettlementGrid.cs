using Dala.Geo;

namespace Dala.Registry.Model;

/// <summary>
/// The nearest settlement to a point within a radius, from a grid of square cells (degrees): only the point's cell and
/// its eight neighbours are searched, so the radius must not exceed a cell's narrower side (its width east-west at the
/// northern edge of the settlements). A settlement exactly at the radius is not taken; ties go to the smaller id. Used by measurement intake and synthetic tests.
/// </summary>
public sealed class SettlementGrid
{
    private readonly double _cell;
    private readonly Dictionary<(int, int), List<Settlement>> _grid = [];

    public SettlementGrid(IEnumerable<Settlement> settlements, double cellDeg)
    {
        _cell = cellDeg;
        foreach (var s in settlements)
        {
            var k = Key(s.Location);
            if (!_grid.TryGetValue(k, out var list)) _grid[k] = list = [];
            list.Add(s);
        }
    }

    public Settlement? Nearest(LonLat p, double maxKm)
    {
        var (cx, cy) = Key(p);
        Settlement? best = null;
        var bestKm = maxKm;
        for (var dx = -1; dx <= 1; dx++)
        for (var dy = -1; dy <= 1; dy++)
        {
            if (!_grid.TryGetValue((cx + dx, cy + dy), out var list)) continue;
            foreach (var s in list)
            {
                // The great-circle distance is at least the latitude difference's arc: skip those that cannot be nearer.
                if (GeoMath.EarthRadiusKm * Math.Abs(GeoMath.ToRad(s.Location.Lat - p.Lat)) > bestKm * (1 + 1e-9) + 1e-9) continue;
                var km = GeoMath.DistanceKm(p, s.Location);
                if (km < bestKm || (km == bestKm && best is not null && string.CompareOrdinal(s.Id, best.Id) < 0)) { best = s; bestKm = km; }
            }
        }
        return best;
    }

    private (int, int) Key(LonLat p) => ((int)Math.Floor(p.Lon / _cell), (int)Math.Floor(p.Lat / _cell));
}

using Dala.Geo;

namespace Dala.Rollout.Options;

/// <summary>Points in a grid of 0.25-degree cells, for "which points lie within r km of here".</summary>
internal sealed class PointGrid
{
    private const double Cell = 0.25;
    private readonly Dictionary<(int, int), List<int>> _cells = [];
    private readonly IReadOnlyList<LonLat> _points;

    public PointGrid(IReadOnlyList<LonLat> points)
    {
        _points = points;
        for (var i = 0; i < points.Count; i++)
        {
            var key = Key(points[i]);
            if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
            list.Add(i);
        }
    }

    public IEnumerable<(int Index, double Km)> Within(LonLat p, double km)
    {
        var dLat = km / 111.0 / Cell;
        var dLon = km / (111.0 * Math.Max(0.1, Math.Cos(GeoMath.ToRad(p.Lat)))) / Cell;
        var (cx, cy) = Key(p);
        for (var x = cx - (int)Math.Ceiling(dLon); x <= cx + (int)Math.Ceiling(dLon); x++)
        for (var y = cy - (int)Math.Ceiling(dLat); y <= cy + (int)Math.Ceiling(dLat); y++)
        {
            if (!_cells.TryGetValue((x, y), out var list)) continue;
            foreach (var i in list)
            {
                var d = GeoMath.DistanceKm(p, _points[i]);
                if (d <= km) yield return (i, d);
            }
        }
    }

    private static (int, int) Key(LonLat p) => ((int)Math.Floor(p.Lon / Cell), (int)Math.Floor(p.Lat / Cell));
}

using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Radio.Coverage;

/// <summary>Sites bucketed on a half-degree grid, to find those within a radius of a point quickly.</summary>
public sealed class SiteIndex
{
    private const double Cell = 0.5;
    private readonly Dictionary<(int, int), List<Site>> _grid = [];

    public SiteIndex(IEnumerable<Site> sites)
    {
        foreach (var s in sites)
        {
            var key = Key(s.Location);
            if (!_grid.TryGetValue(key, out var list)) _grid[key] = list = [];
            list.Add(s);
        }
    }

    /// <summary>Sites within radiusKm (great-circle), nearest first, with their distance.</summary>
    public List<(Site Site, double Km)> Within(LonLat p, double radiusKm)
    {
        var dLat = radiusKm / 111.0;
        var dLon = radiusKm / (111.0 * Math.Max(0.05, Math.Cos(GeoMath.ToRad(Math.Min(89, Math.Abs(p.Lat) + dLat)))));
        var (x0, y0) = Key(new LonLat(p.Lon - dLon, p.Lat - dLat));
        var (x1, y1) = Key(new LonLat(p.Lon + dLon, p.Lat + dLat));
        var found = new List<(Site, double)>();
        for (var x = x0; x <= x1; x++)
        for (var y = y0; y <= y1; y++)
        {
            if (!_grid.TryGetValue((x, y), out var list)) continue;
            foreach (var s in list)
            {
                var km = GeoMath.DistanceKm(p, s.Location);
                if (km <= radiusKm) found.Add((s, km));
            }
        }
        found.Sort((a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : string.CompareOrdinal(a.Item1.Id, b.Item1.Id));
        return found;
    }

    private static (int, int) Key(LonLat p) => ((int)Math.Floor(p.Lon / Cell), (int)Math.Floor(p.Lat / Cell));
}

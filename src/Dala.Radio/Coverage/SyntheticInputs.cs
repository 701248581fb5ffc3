using Dala.Geo;
using Dala.Geo.Io;
using Dala.Geo.Terrain;
using Dala.Registry.Model;
using NetTopologySuite.Geometries;

namespace Dala.Radio.Coverage;

/// <summary>
/// SYNTHETIC stand-ins for data Kazakhstan does not publish, for demonstrations and benchmarks only: a road
/// network joining the largest cities, and a terrain surface of plains with hill ranges. Runs that use them are
/// labelled synthetic.
/// </summary>
public static class SyntheticInputs
{
    /// <summary>Straight "highways" of a minimum spanning tree over the largest cities, one vertex every ~5 km.</summary>
    public static IReadOnlyList<Road> Roads(IReadOnlyList<Settlement> settlements, int cities = 16)
    {
        var nodes = settlements.Where(s => s.Kind is SettlementKind.City or SettlementKind.Town)
            .OrderByDescending(s => s.Population.Count ?? 0).ThenBy(s => s.Id, StringComparer.Ordinal).Take(cities).ToArray();
        if (nodes.Length < 2) return [];
        var inTree = new HashSet<int> { 0 };
        var roads = new List<Road>();
        while (inTree.Count < nodes.Length)
        {
            var (a, b) = inTree.SelectMany(i => Enumerable.Range(0, nodes.Length).Where(j => !inTree.Contains(j)).Select(j => (i, j)))
                .MinBy(p => GeoMath.DistanceKm(nodes[p.i].Location, nodes[p.j].Location));
            inTree.Add(b);
            var (p, q) = (nodes[a].Location, nodes[b].Location);
            var n = Math.Max(1, (int)(GeoMath.DistanceKm(p, q) / 5));
            var line = GeoJsonGeometry.Factory.CreateLineString(Enumerable.Range(0, n + 1)
                .Select(k => new Coordinate(p.Lon + (q.Lon - p.Lon) * k / n, p.Lat + (q.Lat - p.Lat) * k / n)).ToArray());
            roads.Add(new Road($"syn-road-{roads.Count + 1}", $"{nodes[a].Name.Local} – {nodes[b].Name.Local} (synthetic)", "trunk", line, true));
        }
        return roads;
    }

    /// <summary>Plains at 200-400 m with east-west hill ranges up to ~1,500 m: smooth, deterministic, not Kazakhstan's relief.</summary>
    public static SyntheticTerrain Terrain() => new(p =>
        300 + 100 * Math.Sin(GeoMath.ToRad(p.Lon * 7)) + 1200 * Math.Pow(Math.Max(0, Math.Sin(GeoMath.ToRad(p.Lat * 40))), 8));
}

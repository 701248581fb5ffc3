using Dala.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Dala.Fibre.Proxy;

/// <summary>
/// The Gabriel graph of a set of places: u–v is an edge when no other place lies in the circle whose diameter is
/// u–v. It is a connected subgraph of the Delaunay triangulation that contains the minimum spanning tree, so it
/// is a sparse (about 2n edges) stand-in for a road network between settlements. An edge of the triangulation
/// is Gabriel exactly when the angle opposite it is acute in both triangles that share it. Angles are judged in
/// the Mercator projection, which keeps them true locally. Places at the same position are joined to the first
/// of them by a zero-length edge.
/// </summary>
public static class GabrielGraph
{
    public static IReadOnlyList<(int A, int B)> Edges(IReadOnlyList<LonLat> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var firstAt = new Dictionary<(double, double), int>();
        var edges = new List<(int, int)>();
        var unique = new List<Coordinate>();
        for (var i = 0; i < places.Count; i++)
        {
            var key = Mercator(places[i]);
            if (firstAt.TryAdd(key, i)) unique.Add(new Coordinate(key.Item1, key.Item2));
            else edges.Add((firstAt[key], i));
        }
        var triangles = unique.Count >= 3 ? Triangles(unique) : [];
        if (triangles.Count == 0)
        {
            // Fewer than three places, or all on one line: the Gabriel graph is the path in order along the line.
            var sorted = unique.OrderBy(c => c.X).ThenBy(c => c.Y).Select(c => firstAt[(c.X, c.Y)]).ToArray();
            for (var k = 1; k < sorted.Length; k++) edges.Add(Ordered(sorted[k - 1], sorted[k]));
            return edges;
        }
        var all = new HashSet<(int, int)>();
        var obtuse = new HashSet<(int, int)>();
        foreach (var t in triangles)
        {
            var ids = t.Select(c => firstAt[(c.X, c.Y)]).ToArray();
            for (var k = 0; k < 3; k++)
            {
                var (u, v, w) = (k, (k + 1) % 3, (k + 2) % 3);
                var e = Ordered(ids[u], ids[v]);
                all.Add(e);
                if (!Acute(t[u], t[v], t[w])) obtuse.Add(e);
            }
        }
        edges.AddRange(all.Where(e => !obtuse.Contains(e)).OrderBy(e => e.Item1).ThenBy(e => e.Item2));
        return edges;
    }

    /// <summary>Is the angle at <paramref name="opposite"/> of the triangle strictly less than 90°?</summary>
    private static bool Acute(Coordinate a, Coordinate b, Coordinate opposite) =>
        (a.X - opposite.X) * (b.X - opposite.X) + (a.Y - opposite.Y) * (b.Y - opposite.Y) > 0;

    private static List<Coordinate[]> Triangles(List<Coordinate> sites)
    {
        var builder = new DelaunayTriangulationBuilder();
        builder.SetSites(sites);
        var result = new List<Coordinate[]>();
        var polygons = builder.GetTriangles(new GeometryFactory());
        for (var i = 0; i < polygons.NumGeometries; i++)
        {
            var ring = polygons.GetGeometryN(i).Coordinates;
            result.Add([ring[0], ring[1], ring[2]]);
        }
        return result;
    }

    /// <summary>Spherical Mercator in kilometres (conformal: small angles are true).</summary>
    private static (double, double) Mercator(LonLat p)
    {
        var lat = Math.Clamp(p.Lat, -85, 85);
        return (GeoMath.EarthRadiusKm * GeoMath.ToRad(p.Lon),
            GeoMath.EarthRadiusKm * Math.Log(Math.Tan(Math.PI / 4 + GeoMath.ToRad(lat) / 2)));
    }

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}

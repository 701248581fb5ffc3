using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Dala.Geo.Io;

/// <summary>Decodes polygon objects of a TopoJSON topology (quantized or not), e.g. world-atlas countries.</summary>
public static class TopoJson
{
    public sealed record Shape(string? Id, string? Name, Geometry Geometry);

    /// <summary>All polygon and multipolygon geometries of the named object collection.</summary>
    public static IReadOnlyList<Shape> ReadPolygons(JsonElement topology, string objectName)
    {
        if (!topology.TryGetProperty("arcs", out var arcsEl) || !topology.TryGetProperty("objects", out var objects)
            || !objects.TryGetProperty(objectName, out var collection))
            throw new FormatException($"not a TopoJSON topology with object '{objectName}'");
        var arcs = DecodeArcs(arcsEl, topology.TryGetProperty("transform", out var t) ? t : null);
        var shapes = new List<Shape>();
        foreach (var g in collection.GetProperty("geometries").EnumerateArray())
        {
            var type = g.GetProperty("type").GetString();
            var id = g.TryGetProperty("id", out var idEl) ? idEl.ToString() : null;
            var name = g.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() : null;
            Geometry? geometry = type switch
            {
                "Polygon" => Polygon(g.GetProperty("arcs"), arcs),
                "MultiPolygon" => GeoJsonGeometry.Factory.CreateMultiPolygon(
                    g.GetProperty("arcs").EnumerateArray().Select(rings => Polygon(rings, arcs)).ToArray()),
                _ => null,
            };
            if (geometry is not null) shapes.Add(new Shape(id, name, geometry));
        }
        return shapes;
    }

    private static Coordinate[][] DecodeArcs(JsonElement arcs, JsonElement? transform)
    {
        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = transform is not null;
        if (transform is { } tf)
        {
            sx = tf.GetProperty("scale")[0].GetDouble();
            sy = tf.GetProperty("scale")[1].GetDouble();
            tx = tf.GetProperty("translate")[0].GetDouble();
            ty = tf.GetProperty("translate")[1].GetDouble();
        }
        return arcs.EnumerateArray().Select(arc =>
        {
            double x = 0, y = 0;
            return arc.EnumerateArray().Select(pos =>
            {
                if (quantized) { x += pos[0].GetDouble(); y += pos[1].GetDouble(); }
                else { x = pos[0].GetDouble(); y = pos[1].GetDouble(); }
                return new Coordinate(x * sx + tx, y * sy + ty);
            }).ToArray();
        }).ToArray();
    }

    private static Polygon Polygon(JsonElement rings, Coordinate[][] arcs)
    {
        var lr = rings.EnumerateArray().Select(ring =>
        {
            var pts = new List<Coordinate>();
            foreach (var a in ring.EnumerateArray())
            {
                var i = a.GetInt32();
                var arc = i >= 0 ? arcs[i] : arcs[~i].Reverse().ToArray();
                pts.AddRange(pts.Count == 0 ? arc : arc.Skip(1));
            }
            if (!pts[0].Equals2D(pts[^1])) pts.Add(pts[0].Copy());
            return GeoJsonGeometry.Factory.CreateLinearRing(pts.ToArray());
        }).ToArray();
        return GeoJsonGeometry.Factory.CreatePolygon(lr[0], lr[1..]);
    }
}

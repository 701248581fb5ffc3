using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Dala.Geo.Io;

/// <summary>GeoJSON geometry objects to and from NetTopologySuite geometries (WGS84, x = lon, y = lat).</summary>
public static class GeoJsonGeometry
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Reads a geometry object; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Geometry Read(JsonElement g)
    {
        if (g.ValueKind != JsonValueKind.Object || !g.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
            throw new FormatException("geometry has no 'type'");
        var type = t.GetString();
        if (type == "GeometryCollection")
        {
            if (!g.TryGetProperty("geometries", out var gs) || gs.ValueKind != JsonValueKind.Array)
                throw new FormatException("GeometryCollection without 'geometries'");
            return Factory.CreateGeometryCollection(gs.EnumerateArray().Select(Read).ToArray());
        }
        if (!g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{type} without 'coordinates'");
        return type switch
        {
            "Point" => Factory.CreatePoint(Position(c)),
            "MultiPoint" => Factory.CreateMultiPointFromCoords(Positions(c)),
            "LineString" => Factory.CreateLineString(Positions(c)),
            "MultiLineString" => Factory.CreateMultiLineString(c.EnumerateArray().Select(l => Factory.CreateLineString(Positions(l))).ToArray()),
            "Polygon" => Polygon(c),
            "MultiPolygon" => Factory.CreateMultiPolygon(c.EnumerateArray().Select(Polygon).ToArray()),
            _ => throw new FormatException($"unknown geometry type '{type}'"),
        };
    }

    public static Coordinate Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
            throw new FormatException("a position needs [longitude, latitude]");
        var x = p[0];
        var y = p[1];
        if (x.ValueKind != JsonValueKind.Number || y.ValueKind != JsonValueKind.Number)
            throw new FormatException("a coordinate is not a number");
        return new Coordinate(x.GetDouble(), y.GetDouble());
    }

    private static Coordinate[] Positions(JsonElement a) => a.ValueKind == JsonValueKind.Array
        ? a.EnumerateArray().Select(Position).ToArray()
        : throw new FormatException("expected an array of positions");

    private static Polygon Polygon(JsonElement rings)
    {
        var rs = rings.EnumerateArray().Select(r =>
        {
            var pts = Positions(r);
            if (pts.Length < 4) throw new FormatException("a polygon ring needs at least 4 positions");
            if (!pts[0].Equals2D(pts[^1])) pts = [.. pts, pts[0].Copy()];
            return Factory.CreateLinearRing(pts);
        }).ToArray();
        if (rs.Length == 0) throw new FormatException("a polygon without rings");
        return Factory.CreatePolygon(rs[0], rs[1..]);
    }

    public static void Write(Utf8JsonWriter w, Geometry g, int decimals = 6)
    {
        w.WriteStartObject();
        w.WriteString("type", g.GeometryType);
        switch (g)
        {
            case Point p: w.WritePropertyName("coordinates"); WritePos(w, p.Coordinate, decimals); break;
            case LineString l: w.WritePropertyName("coordinates"); WriteSeq(w, l.Coordinates, decimals); break;
            case Polygon p: w.WritePropertyName("coordinates"); WritePolygon(w, p, decimals); break;
            case GeometryCollection gc when g is MultiPolygon or MultiLineString or MultiPoint:
                w.WriteStartArray("coordinates");
                foreach (var part in gc.Geometries)
                {
                    if (part is Polygon pp) WritePolygon(w, pp, decimals);
                    else if (part is LineString ll) WriteSeq(w, ll.Coordinates, decimals);
                    else WritePos(w, part.Coordinate, decimals);
                }
                w.WriteEndArray();
                break;
            case GeometryCollection gc:
                w.WriteStartArray("geometries");
                foreach (var part in gc.Geometries) Write(w, part, decimals);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter w, Polygon p, int decimals)
    {
        w.WriteStartArray();
        WriteSeq(w, p.ExteriorRing.Coordinates, decimals);
        foreach (var hole in p.InteriorRings) WriteSeq(w, hole.Coordinates, decimals);
        w.WriteEndArray();
    }

    private static void WriteSeq(Utf8JsonWriter w, Coordinate[] cs, int decimals)
    {
        w.WriteStartArray();
        foreach (var c in cs) WritePos(w, c, decimals);
        w.WriteEndArray();
    }

    public static void WritePos(Utf8JsonWriter w, Coordinate c, int decimals)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(c.X, decimals));
        w.WriteNumberValue(Math.Round(c.Y, decimals));
        w.WriteEndArray();
    }
}

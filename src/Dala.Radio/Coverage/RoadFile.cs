using Dala.Geo.Io;
using NetTopologySuite.Geometries;

namespace Dala.Radio.Coverage;

/// <summary>Roads from a GeoJSON FeatureCollection of LineString/MultiLineString features (properties: id or osm_id, name, ref, highway).</summary>
public static class RoadFile
{
    /// <summary>Reads the roads; a bad feature raises <see cref="GeoJsonFormatException"/> naming its line.</summary>
    public static IReadOnlyList<Road> Read(string path)
    {
        var features = GeoJsonReader.ReadFeatures(File.ReadAllBytes(path));
        var roads = new List<Road>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            if (f.Geometry is not { } g) throw new GeoJsonFormatException(f.Line, "a road feature without geometry");
            Geometry line;
            try { line = GeoJsonGeometry.Read(g); }
            catch (FormatException e) { throw new GeoJsonFormatException(f.Line, "geometry: " + e.Message); }
            if (line is not (LineString or MultiLineString))
                throw new GeoJsonFormatException(f.Line, $"a road must be a LineString or MultiLineString, not {line.GeometryType}");
            var id = f.Text("id") ?? f.Text("osm_id") ?? $"road-{roads.Count + 1}";
            if (!seen.Add(id)) throw new GeoJsonFormatException(f.Line, $"duplicate road id {id}");
            roads.Add(new Road(id, f.Text("name") ?? f.Text("ref"), f.Text("highway"), line, f.Text("synthetic") == "true"));
        }
        return roads;
    }
}

using System.Text.Json;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Model;

namespace Dala.Registry.Import;

public sealed partial class SettlementImporter
{
    private static List<SettlementRow> ReadGeoJson(InputFile file, ImportTally tally, IProgress<ImportProgress>? progress)
    {
        IReadOnlyList<GeoJsonFeature> features;
        try
        {
            features = GeoJsonReader.ReadFeatures(file.Bytes,
                new Progress<long>(b => progress?.Report(new ImportProgress("reading", b, file.Bytes.Length))));
        }
        catch (GeoJsonFormatException e)
        {
            tally.Reject(e.Line, "file", e.Message);
            return [];
        }
        var rows = new List<SettlementRow>(features.Count);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            tally.Read++;
            if (f.BadText() is { } bad) { tally.Reject(f.Line, bad.Field, bad.Reason); continue; }
            var row = ReadFeature(f, tally);
            if (row is null) continue;
            if (firstLine.TryGetValue(row.Id, out var first))
            {
                tally.Reject(f.Line, "osm_id", $"duplicate id {row.Id} (first on line {first})");
                continue;
            }
            firstLine[row.Id] = f.Line;
            rows.Add(row);
        }
        return rows;
    }

    private static SettlementRow? ReadFeature(GeoJsonFeature f, ImportTally tally)
    {
        var location = ReadPoint(f, tally);
        if (location is null) return null;
        var place = f.Text("place") ?? f.Text("kind");
        if (place == "isolated_dwelling") { tally.Skip("isolated dwelling"); return null; }
        if (SettlementKinds.Parse(place) is not { } kind)
        {
            tally.Skip(place is null ? "no place tag" : $"place={place} is not a settlement kind");
            return null;
        }
        var local = f.Text("name");
        if (local is null) { tally.Skip("unnamed"); return null; }
        var id = FeatureId(f, tally);
        if (id is null) return null;
        var names = new Names(local, f.Text("name:kk") ?? f.Text("name_kk"), f.Text("name:ru") ?? f.Text("name_ru"), f.Text("name:en") ?? f.Text("name_en"));
        if (!NameRules.Check(tally, f.Line, ("name", names.Local), ("name:kk", names.Kk), ("name:ru", names.Ru), ("name:en", names.En))) return null;
        var pop = Parse.Population(f.Text("population"), out var popProblem);
        if (popProblem is not null) { tally.Reject(f.Line, "population", popProblem); return null; }
        return new SettlementRow(f.Line, id, names, kind, pop is null ? Population.Unknown : new Population(pop, "osm"),
            location.Value, f.Text("region"), f.Text("kato"), "osm");
    }

    private static LonLat? ReadPoint(GeoJsonFeature f, ImportTally tally)
    {
        if (f.Geometry is not { } g) { tally.Reject(f.Line, "geometry", "missing"); return null; }
        var type = g.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type != "Point") { tally.Reject(f.Line, "geometry", $"expected a Point, found {type ?? "no type"}"); return null; }
        try
        {
            if (!g.TryGetProperty("coordinates", out var c)) { tally.Reject(f.Line, "coordinates", "missing"); return null; }
            var pos = GeoJsonGeometry.Position(c);
            var p = new LonLat(pos.X, pos.Y);
            if (p.Problem() is { } problem) { tally.Reject(f.Line, "coordinates", problem); return null; }
            return p;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            tally.Reject(f.Line, "coordinates", e.Message);
            return null;
        }
    }

    private static string? FeatureId(GeoJsonFeature f, ImportTally tally)
    {
        if (f.Text("osm_id") is { } osm)
        {
            if (!long.TryParse(osm, out _)) { tally.Reject(f.Line, "osm_id", $"'{Parse.Clip(osm)}' is not an OSM id"); return null; }
            return (f.Text("osm_type") ?? "nodes") switch
            {
                "ways" or "way" => "osm-w" + osm,
                "relations" or "relation" => "osm-r" + osm,
                _ => "osm-" + osm,
            };
        }
        var id = f.Text("id") ?? (f.Element.TryGetProperty("id", out var fid) && fid.ValueKind is JsonValueKind.String or JsonValueKind.Number ? fid.ToString() : null);
        if (id is null) { tally.Reject(f.Line, "osm_id", "missing (no osm_id or id)"); return null; }
        if (!Parse.IsId(id)) { tally.Reject(f.Line, "id", $"'{Parse.Clip(id)}' is not a valid id (1-64 of A-Z a-z 0-9 . _ : -)"); return null; }
        return id;
    }
}

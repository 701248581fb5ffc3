using System.Text.Json;
using Dala.Geo.Io;
using Dala.Registry.Store;

namespace Dala.Registry.Export;

/// <summary>Regions as CSV (codes, names, counts) or GeoJSON (polygons; regions without one are left out).</summary>
public static class RegionExport
{
    public sealed record Counts(int Settlements, long Population);

    public static IReadOnlyDictionary<string, Counts> CountsOf(RegistrySnapshot snap) =>
        snap.Settlements.GroupBy(s => s.RegionCode)
            .ToDictionary(g => g.Key, g => new Counts(g.Count(), g.Sum(s => (long)(s.Population.Count ?? 0))));

    public static void WriteCsv(TextWriter text, RegistrySnapshot snap)
    {
        var counts = CountsOf(snap);
        var csv = new CsvWriter(text);
        csv.Row("code", "name", "name_kk", "name_ru", "name_en", "settlements", "population", "has_polygon");
        foreach (var r in snap.Regions)
        {
            var c = counts.GetValueOrDefault(r.Code) ?? new Counts(0, 0);
            csv.Row(r.Code, r.Name.Local, r.Name.Kk, r.Name.Ru, r.Name.En, c.Settlements, c.Population, r.Area is not null);
        }
    }

    public static void WriteGeoJson(Utf8JsonWriter w, RegistrySnapshot snap, int decimals = 5)
    {
        var counts = CountsOf(snap);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var r in snap.Regions.Where(r => r.Area is not null))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WritePropertyName("geometry");
            GeoJsonGeometry.Write(w, r.Area!, decimals);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteString("code", r.Code);
            w.WriteString("name", r.Name.En ?? r.Name.Local);
            w.WriteString("name_kk", r.Name.Kk);
            w.WriteString("name_ru", r.Name.Ru);
            w.WriteNumber("settlementCount", counts.GetValueOrDefault(r.Code)?.Settlements ?? 0);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

using System.Text.Json;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Query;
using NetTopologySuite.Geometries;

namespace Dala.Registry.Export;

/// <summary>Settlements as CSV or GeoJSON, with a synthetic flag on every row and on the collection.</summary>
public static class SettlementExport
{
    public static readonly string[] CsvColumns =
    [
        "id", "name", "name_kk", "name_ru", "name_en", "kind", "population", "population_source", "lon", "lat",
        "region", "region_name", "kato", "technology", "max_down_mbps", "meets_100mbps", "status_as_of", "synthetic",
    ];

    public static void WriteCsv(TextWriter text, IEnumerable<SettlementSummary> rows)
    {
        var csv = new CsvWriter(text);
        csv.Row(CsvColumns);
        foreach (var r in rows)
        {
            var s = r.Settlement;
            csv.Row(s.Id, s.Name.Local, s.Name.Kk, s.Name.Ru, s.Name.En, s.Kind.WireName(), s.Population.Count,
                s.Population.Source, s.Location.Lon, s.Location.Lat, s.RegionCode, r.RegionName, s.KatoCode,
                r.Status.TechnologyName, r.Status.MaxDownMbps, r.Status.Meets100Mbps, r.Status.AsOf, r.Status.Synthetic);
        }
    }

    public static void WriteGeoJson(Utf8JsonWriter w, IEnumerable<SettlementSummary> rows, string dataset, bool synthetic)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("dataset", dataset);
        w.WriteBoolean("synthetic", synthetic);
        w.WriteStartArray("features");
        foreach (var r in rows)
        {
            var s = r.Settlement;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", s.Id);
            w.WritePropertyName("geometry");
            w.WriteStartObject();
            w.WriteString("type", "Point");
            w.WritePropertyName("coordinates");
            GeoJsonGeometry.WritePos(w, new Coordinate(s.Location.Lon, s.Location.Lat), 6);
            w.WriteEndObject();
            w.WritePropertyName("properties");
            WriteProperties(w, r);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter w, SettlementSummary r)
    {
        var s = r.Settlement;
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name.Local);
        w.WritePropertyName("names");
        w.WriteStartObject();
        w.WriteString("local", s.Name.Local);
        w.WriteString("kk", s.Name.Kk);
        w.WriteString("ru", s.Name.Ru);
        w.WriteString("en", s.Name.En);
        w.WriteEndObject();
        w.WriteString("kind", s.Kind.WireName());
        if (s.Population.Count is { } p) w.WriteNumber("population", p); else w.WriteNull("population");
        w.WriteString("populationSource", s.Population.Source);
        w.WriteString("region", s.RegionCode);
        w.WriteString("regionName", r.RegionName);
        w.WriteString("katoCode", s.KatoCode);
        w.WriteString("technology", r.Status.TechnologyName);
        if (r.Status.MaxDownMbps is { } d) w.WriteNumber("maxDownMbps", d); else w.WriteNull("maxDownMbps");
        w.WriteBoolean("meets100Mbps", r.Status.Meets100Mbps);
        w.WriteBoolean("synthetic", r.Status.Synthetic);
        w.WriteEndObject();
    }
}

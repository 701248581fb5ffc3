using System.Text.Json;
using Dala.Geo.Io;
using Dala.Registry.Store;

namespace Dala.Radio.Coverage;

/// <summary>A coverage run's results as files: settlements as CSV, roads as GeoJSON; both carry the synthetic flag.</summary>
public static class CoverageExport
{
    public static void WriteSettlementsCsv(TextWriter text, CoverageRun run, RegistrySnapshot snap)
    {
        var csv = new CsvWriter(text);
        csv.Row("settlement_id", "name", "region", "lon", "lat", "population", "site_id", "sector_id", "rsrp_dbm", "sinr_db", "peak_mbps",
            "busy_hour_mbps", "covered", "meets_100mbps", "terrain", "synthetic");
        foreach (var p in run.Settlements)
        {
            if (!snap.SettlementsById.TryGetValue(p.TargetId, out var s)) continue;
            csv.Row(p.TargetId, s.Name.Local, s.RegionCode, s.Location.Lon, s.Location.Lat, s.Population.Count, p.SiteId, p.SectorId,
                Round(p.RsrpDbm), Round(p.SinrDb), Round(p.PeakMbps), Round(p.BusyHourMbps), p.Covered, p.Meets100Mbps, p.TerrainUsed, run.Synthetic);
        }
    }

    public static void WriteRoadsGeoJson(Utf8JsonWriter w, CoverageRun run)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteBoolean("synthetic", run.Synthetic);
        w.WriteStartArray("features");
        foreach (var r in run.Roads)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WritePropertyName("geometry");
            GeoJsonGeometry.Write(w, r.Line, 5);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("name", r.Name);
            w.WriteString("highway", r.Highway);
            w.WriteNumber("km", Math.Round(r.Km, 2));
            w.WriteNumber("coveredKm", Math.Round(r.CoveredKm, 2));
            w.WriteNumber("share", Math.Round(r.Share, 4));
            w.WriteBoolean("synthetic", r.Synthetic);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}

using System.Text.Json;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Export;

/// <summary>
/// A plan as GeoJSON: every settlement as a point (technology, year, cost, reason), the new fibre as lines (year,
/// km, tenge) and the sites built as points; the collection carries the plan's id, name, totals and the synthetic flag.
/// </summary>
public static class PlanGeoJson
{
    public static void Write(Utf8JsonWriter w, RolloutPlan plan)
    {
        var s = plan.Summary;
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber("planId", plan.Id);
        w.WriteString("name", plan.Name);
        w.WriteBoolean("synthetic", plan.Synthetic);
        w.WriteString("network", s.Network);
        w.WriteNumber("totalNpvTenge", Math.Round(s.TotalNpvTenge));
        w.WriteNumber("lowerBoundTenge", Math.Round(s.LowerBoundTenge));
        w.WriteBoolean("targetsMet", s.TargetsMet);
        w.WriteStartArray("features");
        foreach (var l in plan.Settlements)
        {
            Point(w, l.Lon, l.Lat);
            w.WriteString("kind", "settlement");
            w.WriteString("id", l.SettlementId);
            w.WriteString("name", l.Name);
            w.WriteString("region", l.Region);
            w.WriteNumber("population", l.Population);
            w.WriteBoolean("populationEstimated", l.PopulationEstimated);
            w.WriteString("technology", l.Technology);
            w.WriteString("option", l.Option);
            Nullable(w, "year", l.Year);
            w.WriteNumber("capexTenge", Math.Round(l.CapexTenge));
            w.WriteNumber("opexTengePerYear", Math.Round(l.OpexTengePerYear));
            w.WriteNumber("npvTenge", Math.Round(l.NpvTenge));
            w.WriteBoolean("meets100Mbps", l.Meets100Mbps);
            w.WriteString("reason", l.Reason);
            Nullable(w, "interimYear", l.InterimYear);
            Nullable(w, "earliestYear", l.EarliestYear);
            if (l.Binding is { } b) w.WriteString("binding", b);
            w.WriteBoolean("synthetic", plan.Synthetic);
            End(w);
        }
        foreach (var f in plan.Fibre)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            Pair(w, f.FromLon, f.FromLat);
            Pair(w, f.ToLon, f.ToLat);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("kind", "fibre");
            w.WriteNumber("year", f.Year);
            w.WriteNumber("km", Math.Round(f.Km, 3));
            w.WriteNumber("capexTenge", Math.Round(f.CapexTenge));
            w.WriteString("region", f.Region);
            w.WriteString("network", s.Network);
            w.WriteBoolean("synthetic", plan.Synthetic);
            End(w);
        }
        foreach (var site in plan.Sites)
        {
            Point(w, site.Lon, site.Lat);
            w.WriteString("kind", "site");
            w.WriteString("id", site.Id);
            w.WriteString("siteKind", site.Kind);
            w.WriteNumber("year", site.Year);
            w.WriteNumber("capexTenge", Math.Round(site.CapexTenge));
            w.WriteNumber("settlements", site.Settlements);
            w.WriteBoolean("candidate", site.Candidate);
            w.WriteBoolean("synthetic", plan.Synthetic);
            End(w);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Point(Utf8JsonWriter w, double lon, double lat)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("geometry");
        w.WriteString("type", "Point");
        w.WriteStartArray("coordinates");
        w.WriteNumberValue(Math.Round(lon, 6));
        w.WriteNumberValue(Math.Round(lat, 6));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("properties");
    }

    private static void Pair(Utf8JsonWriter w, double lon, double lat)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(lon, 6));
        w.WriteNumberValue(Math.Round(lat, 6));
        w.WriteEndArray();
    }

    private static void End(Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}

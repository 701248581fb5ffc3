using System.Text.Json;
using Dala.Fibre.Steiner;
using Dala.Fibre.Roads;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Store;

namespace Dala.Fibre.Planning;

/// <summary>
/// A plan as files: GeoJSON (the routes to build and each settlement's way to the backbone, with the totals and
/// assumptions as members of the collection) and CSV (one line per settlement). Both say which network the plan
/// was drawn on ("proxy" or "roads") and whether it rests on synthetic data.
/// </summary>
public static class FibrePlanExport
{
    public static void WriteGeoJson(Utf8JsonWriter w, FibrePlanReport report, RegistrySnapshot snap, bool paths = true)
    {
        var plan = report.Plan;
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("network", plan.NetworkKind);
        w.WriteString("networkDescription", plan.NetworkDescription);
        w.WriteBoolean("synthetic", report.Selection.Synthetic);
        w.WritePropertyName("totals");
        WriteTotals(w, report);
        w.WritePropertyName("assumptions");
        WriteAssumptions(w, report.Request);
        w.WriteStartArray("features");
        foreach (var r in plan.Routes)
        {
            Feature(w, r.Line, () =>
            {
                w.WriteString("kind", "route");
                w.WriteString("network", plan.NetworkKind);
                Place(w, "from", r.From, snap);
                Place(w, "to", r.To, snap);
                w.WriteNumber("km", Math.Round(r.Km, 3));
                w.WriteNumber("costTenge", Math.Round(r.CostTenge));
                w.WriteString("costClass", Name(r.CostClass));
            });
        }
        foreach (var p in paths ? plan.Paths : [])
        {
            Feature(w, p.Line, () =>
            {
                w.WriteString("kind", "path");
                w.WriteString("network", plan.NetworkKind);
                Place(w, "settlement", p.SettlementId, snap);
                Place(w, "backbone", p.BackboneId, snap);
                w.WriteNumber("via", p.Via.Length);
                w.WriteNumber("km", Math.Round(p.Km, 3));
                w.WriteNumber("costTenge", Math.Round(p.CostTenge));
            });
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteTotals(Utf8JsonWriter w, FibrePlanReport report)
    {
        var plan = report.Plan;
        w.WriteStartObject();
        w.WriteString("network", plan.NetworkKind);
        w.WriteBoolean("proxy", plan.IsProxy);
        w.WriteBoolean("synthetic", report.Selection.Synthetic);
        w.WriteNumber("settlementsToConnect", report.Selection.Connect.Length);
        w.WriteNumber("connected", plan.Paths.Length);
        w.WriteNumber("unreachable", plan.Unreachable.Length);
        w.WriteStartArray("unreachableIds");
        foreach (var id in plan.Unreachable) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteNumber("backboneSettlements", plan.BackboneSettlements);
        w.WriteNumber("routes", plan.Routes.Length);
        w.WriteNumber("km", Math.Round(plan.Km, 1));
        w.WriteNumber("costTenge", Math.Round(plan.CostTenge));
        w.WriteNumber("lowerBoundTenge", Math.Round(plan.LowerBoundTenge));
        w.WriteNumber("gapPercent", Math.Round(plan.Gap * 100, 3));
        w.WriteNumber("seconds", Math.Round(plan.Elapsed.TotalSeconds, 2));
        w.WriteString("finish", plan.Finish);
        w.WriteNumber("work", plan.Work);
        if (plan.StoppedBy is { } stop) w.WriteString("stoppedBy", stop);
        else w.WriteNull("stoppedBy");
        w.WriteNumber("networkNodes", report.NetworkNodes);
        w.WriteNumber("networkEdges", report.NetworkEdges);
        w.WriteString("networkDescription", plan.NetworkDescription);
        w.WriteEndObject();
    }

    public static void WriteAssumptions(Utf8JsonWriter w, FibrePlanRequest request)
    {
        w.WriteStartObject();
        w.WriteNumber("minPopulation", request.MinPopulation);
        w.WriteStartArray("kinds");
        foreach (var k in request.Kinds.Order()) w.WriteStringValue(k.ToString().ToLowerInvariant());
        w.WriteEndArray();
        w.WriteString("backbone", request.Backbone.WireName());
        if (request.Region is { } region) w.WriteString("region", region);
        w.WriteNumber("detour", request.Detour);
        w.WriteStartObject("tengePerKm");
        foreach (var c in Enum.GetValues<CostClass>()) w.WriteNumber(Name(c), request.Costs.PerKm(c));
        w.WriteEndObject();
        if (request.Solver.TimeLimit == TimeSpan.MaxValue) w.WriteNull("seconds");
        else w.WriteNumber("seconds", request.Solver.TimeLimit.TotalSeconds);
        if (request.Solver.WorkLimit is { } work) w.WriteNumber("work", work);
        else w.WriteNull("work");
        w.WriteNumber("seed", request.Solver.Seed);
        w.WriteEndObject();
    }

    public static void WritePathsCsv(TextWriter text, FibrePlanReport report, RegistrySnapshot snap)
    {
        var csv = new CsvWriter(text);
        csv.Row("settlement_id", "name", "region", "population", "backbone_id", "backbone_name", "via", "km", "cost_tenge", "status", "network", "synthetic", "solver_budget", "stopped_by");
        var budget = Budget(report.Request.Solver);
        var stop = report.Plan.StoppedBy ?? report.Plan.Finish;
        foreach (var p in report.Plan.Paths)
        {
            var s = snap.SettlementsById.GetValueOrDefault(p.SettlementId);
            var b = p.BackboneId is null ? null : snap.SettlementsById.GetValueOrDefault(p.BackboneId);
            csv.Row(p.SettlementId, s?.Name.Local, s?.RegionCode, s?.Population.Count, p.BackboneId, b?.Name.Local,
                string.Join(" ", p.Via), Math.Round(p.Km, 3), Math.Round(p.CostTenge), "connected", report.Plan.NetworkKind, report.Selection.Synthetic, budget, stop);
        }
        foreach (var id in report.Plan.Unreachable)
        {
            var s = snap.SettlementsById.GetValueOrDefault(id);
            csv.Row(id, s?.Name.Local, s?.RegionCode, s?.Population.Count, null, null, null, null, null, "unreachable", report.Plan.NetworkKind, report.Selection.Synthetic, budget, stop);
        }
    }

    /// <summary>The budget a plan was solved with, e.g. "seconds=20 seed=1" or "work=5000000 seed=1".</summary>
    public static string Budget(SteinerOptions solver)
    {
        var parts = new List<string>();
        if (solver.TimeLimit != TimeSpan.MaxValue) parts.Add(FormattableString.Invariant($"{(solver.CpuTime ? "cpu-seconds" : "seconds")}={solver.TimeLimit.TotalSeconds}"));
        if (solver.WorkLimit is { } work) parts.Add(FormattableString.Invariant($"work={work}"));
        parts.Add(FormattableString.Invariant($"seed={solver.Seed}"));
        return string.Join(' ', parts);
    }

    /// <summary>The wire name of a cost class: paved-road, minor-road, track, rail, connector.</summary>
    public static string Name(CostClass c) => c switch
    {
        CostClass.PavedRoad => "paved-road",
        CostClass.MinorRoad => "minor-road",
        _ => c.ToString().ToLowerInvariant(),
    };

    private static void Place(Utf8JsonWriter w, string key, string? id, RegistrySnapshot snap)
    {
        if (id is null)
        {
            w.WriteNull(key);
            return;
        }
        w.WriteString(key, id);
        if (snap.SettlementsById.TryGetValue(id, out var s)) w.WriteString(key + "Name", s.Name.Local);
    }

    private static void Feature(Utf8JsonWriter w, IReadOnlyList<LonLat> line, Action properties)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WritePropertyName("geometry");
        GeoJsonGeometry.Write(w, GeoJsonGeometry.Factory.CreateLineString([.. line.Select(p => new NetTopologySuite.Geometries.Coordinate(p.Lon, p.Lat))]), 5);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        properties();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

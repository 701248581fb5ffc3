using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dala.Fibre.Planning;
using Dala.Fibre.Roads;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Query;

namespace Dala.Cli.Commands;

public static partial class FibreCommand
{
    private static Command Plan(StoreOption store, CliContext ctx)
    {
        var region = new Option<string?>("--region") { Description = "Only this region (code): its settlements and its backbone", HelpName = "CODE" };
        var minPop = new Option<int>("--min-population") { Description = "Connect settlements with at least this many people (0 also takes those of unknown population)", DefaultValueFactory = _ => 200, HelpName = "N" };
        var kinds = new Option<string>("--kinds") { Description = "Kinds of settlement to connect (comma list of " + SettlementKinds.Names + ")", DefaultValueFactory = _ => "village,hamlet", HelpName = "KINDS" };
        var backbone = new Option<string>("--backbone") { Description = "towns: every city and town has fibre; fibre: the settlements the registry has on fibre now; towns-and-fibre: both (settlements on fibre then need no connection)", DefaultValueFactory = _ => "towns", HelpName = "WHICH" };
        backbone.AcceptOnlyFromAmong([.. BackboneChoices.WireNames]);
        var detour = new Option<double>("--detour") { Description = "Proxy network: road length over straight-line distance", DefaultValueFactory = _ => 1.2, HelpName = "FACTOR" };
        var prices = new Option<string?>("--tenge-per-km") { Description = "Override the cost book, e.g. paved-road=5000000,track=2000000 (classes: paved-road, minor-road, track, rail, connector)", HelpName = "CLASS=VALUE,..." };
        var roads = new Option<string?>("--roads") { Description = "OSM roads (.osm.pbf or .osm XML) to route along instead of the proxy network", HelpName = "FILE" };
        var roadClasses = new Option<string>("--road-classes") { Description = "With --roads: OSM highway classes to follow (roads = motorway to residential; also living_street, service, track, rail)", DefaultValueFactory = _ => RoadsOption.DefaultClasses, HelpName = "CLASSES" };
        var output = new Option<string?>("--out") { Description = "Write the plan as GeoJSON: routes and each settlement's path, with totals and assumptions", HelpName = "FILE.geojson" };
        var paths = new Option<string?>("--paths") { Description = "Write one CSV line per settlement: its backbone settlement, km and tenge along the plan", HelpName = "FILE.csv" };
        var seconds = Seconds(20);
        var seed = Seed();
        var work = Work();
        var cmd = new Command("plan", "Connect the chosen settlements to the backbone at least cost along roads (or, without road data, along a PROXY " +
                                      "network between settlements); prints km, tenge, the lower bound and the gap.")
            { region, minPop, kinds, backbone, detour, prices, roads, roadClasses, seconds, work, seed, output, paths };
        cmd.SetAction(r =>
        {
            var request = new FibrePlanRequest
            {
                Region = r.GetValue(region), MinPopulation = r.GetValue(minPop), Kinds = Kinds(r.GetValue(kinds)!),
                Backbone = BackboneChoices.Parse(r.GetValue(backbone))!.Value,
                Detour = r.GetValue(detour), Costs = Prices(r.GetValue(prices)), Solver = Options(r, seconds, seed, work),
            };
            if (!(request.Detour >= 1) || !double.IsFinite(request.Detour)) throw new CliException("--detour must be at least 1");
            var snap = store.Open(r, ctx).ReadSnapshot();
            var view = new RegistryView(snap, DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime));
            var roadNetwork = r.GetValue(roads) is { } file ? RoadsOption.Load(ctx, ctx.FullPath(file), request.Costs, RoadsOption.Classes(r.GetValue(roadClasses)!)) : null;
            FibrePlanReport report;
            try
            {
                report = SolveWithProgress(ctx, "fibre plan", request.Solver,
                    () => FibrePlanning.Run(view, request, roadNetwork is null ? null : selection => RoadRoutes.Of(roadNetwork, selection)));
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            Print(ctx, report, view);
            if (r.GetValue(output) is { } geo)
            {
                using var stream = File.Create(ctx.FullPath(geo));
                using var w = new Utf8JsonWriter(stream, JsonOutput.Writer);
                FibrePlanExport.WriteGeoJson(w, report, snap);
                ctx.OutText.WriteLine($"wrote {geo}");
            }
            if (r.GetValue(paths) is { } csv)
            {
                using var text = new StreamWriter(ctx.FullPath(csv));
                FibrePlanExport.WritePathsCsv(text, report, snap);
                ctx.OutText.WriteLine($"wrote {csv}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void Print(CliContext ctx, FibrePlanReport report, RegistryView view)
    {
        var plan = report.Plan;
        var w = ctx.OutText;
        if (plan.IsProxy) w.WriteLine("PROXY NETWORK: no road data loaded; routes follow straight lines between settlements × the detour factor.");
        if (report.Selection.Synthetic) w.WriteLine("SYNTHETIC: the backbone comes from the synthetic connectivity scenario.");
        w.WriteLine($"network: {plan.NetworkDescription} ({report.NetworkNodes:N0} nodes, {report.NetworkEdges:N0} edges)");
        w.WriteLine($"scope: {(report.Request.Region is { } code ? view.RegionName(code) : "Kazakhstan")}; connect {report.Selection.Connect.Length:N0} settlements " +
                    $"({string.Join(", ", report.Request.Kinds.Order().Select(k => k.WireName()))}, population >= {report.Request.MinPopulation:N0}) " +
                    $"to {plan.BackboneSettlements:N0} backbone settlements ({report.Request.Backbone.Describe()})");
        w.WriteLine($"connected: {plan.Paths.Length:N0}");
        if (!plan.Unreachable.IsEmpty)
            w.WriteLine($"unreachable: {plan.Unreachable.Length:N0} ({string.Join(", ", plan.Unreachable.Take(20).Select(id => Name(view, id)))}{(plan.Unreachable.Length > 20 ? ", ..." : "")})");
        w.WriteLine($"routes: {plan.Routes.Length:N0} stretches, {plan.Km:N1} km");
        w.WriteLine($"cost: {plan.CostTenge:N0} tenge");
        w.WriteLine($"lower_bound: {plan.LowerBoundTenge:N0} tenge (no plan on this network costs less)");
        w.WriteLine($"gap: {plan.Gap * 100:0.000} %");
        w.WriteLine($"seconds: {plan.Elapsed.TotalSeconds:0.0} ({plan.Finish})");
        w.WriteLine($"work: {plan.Work} ({FibrePlanExport.Budget(report.Request.Solver)}{(plan.StoppedBy is { } stop ? $"; stopped by {stop}" : "")})");
        var costliest = plan.Paths.OrderByDescending(p => p.Km).Take(5).ToArray();
        if (costliest.Length > 0)
            w.WriteLine("longest ways to the backbone: " + string.Join("; ", costliest.Select(p => $"{Name(view, p.SettlementId)} {p.Km:N1} km to {Name(view, p.BackboneId)}")));
    }

    private static string Name(RegistryView view, string? id) =>
        id is not null && view.Snapshot.SettlementsById.TryGetValue(id, out var s) ? $"{s.Name.Local} ({id})" : id ?? "-";

    private static System.Collections.Immutable.ImmutableHashSet<SettlementKind> Kinds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = parts.Where(p => SettlementKinds.Parse(p) is null).ToArray();
        if (bad.Length > 0 || parts.Length == 0) throw new CliException($"--kinds: '{string.Join(", ", bad)}' is not one of {SettlementKinds.Names}");
        return [.. parts.Select(p => SettlementKinds.Parse(p)!.Value)];
    }

    private static CostBook Prices(string? text)
    {
        var book = CostBook.Default;
        if (string.IsNullOrWhiteSpace(text)) return book;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var cls = Enum.GetValues<CostClass>().Cast<CostClass?>().FirstOrDefault(c => FibrePlanExport.Name(c!.Value) == kv[0]);
            if (kv.Length != 2 || cls is null)
                throw new CliException($"--tenge-per-km: '{part}' is not CLASS=VALUE with CLASS one of {string.Join(", ", Enum.GetValues<CostClass>().Select(FibrePlanExport.Name))}");
            if (!double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0) || !double.IsFinite(v))
                throw new CliException($"--tenge-per-km: '{kv[1]}' is not a positive number of tenge per km");
            book = cls switch
            {
                CostClass.PavedRoad => book with { PavedRoadPerKm = v },
                CostClass.MinorRoad => book with { MinorRoadPerKm = v },
                CostClass.Track => book with { TrackPerKm = v },
                CostClass.Rail => book with { RailPerKm = v },
                _ => book with { ConnectorPerKm = v },
            };
        }
        return book;
    }
}

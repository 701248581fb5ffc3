using System.CommandLine;
using Dala.Registry.Export;
using Dala.Registry.Model;
using Dala.Registry.Query;

namespace Dala.Cli.Commands;

public static partial class ExportCommand
{
    private static Command Settlements(StoreOption store, CliContext ctx)
    {
        var format = Format("csv", "geojson");
        var output = Out();
        var region = new Option<string[]>("--region") { Description = "Region code(s), e.g. KZ-11", HelpName = "CODE", AllowMultipleArgumentsPerToken = true };
        var kind = new Option<string[]>("--kind") { Description = "city, town, village, hamlet", HelpName = "KIND", AllowMultipleArgumentsPerToken = true };
        kind.AcceptOnlyFromAmong(Enum.GetValues<SettlementKind>().Select(k => k.WireName()).ToArray());
        var tech = new Option<string[]>("--technology") { Description = "fibre, 5G, 4G, fixed-wireless, satellite, 3G, none, unknown", HelpName = "TECH", AllowMultipleArgumentsPerToken = true };
        tech.AcceptOnlyFromAmong([.. Technologies.All.Select(t => t.WireName()), "unknown"]);
        var min = new Option<int?>("--min-population") { Description = "Only settlements with at least this many people", HelpName = "N" };
        var max = new Option<int?>("--max-population") { Description = "Only settlements with at most this many people", HelpName = "N" };
        var cmd = new Command("settlements", "Settlements with their current status (csv or geojson), optionally filtered.")
            { format, output, region, kind, tech, min, max };
        cmd.SetAction(r =>
        {
            var (view, from) = View(store, r, ctx);
            var regions = r.GetValue(region) is { Length: > 0 } rs ? rs.ToHashSet() : null;
            var unknown = regions?.Where(c => !view.Snapshot.RegionsByCode.ContainsKey(c)).ToArray() ?? [];
            if (unknown.Length > 0)
                throw new CliException($"unknown region {string.Join(", ", unknown)} (known: {string.Join(", ", view.Snapshot.RegionsByCode.Keys)})");
            var query = new SettlementQuery(regions,
                r.GetValue(kind) is { Length: > 0 } ks ? ks.Select(k => SettlementKinds.Parse(k)!.Value).ToHashSet() : null,
                r.GetValue(tech) is { Length: > 0 } ts ? ts.ToHashSet() : null, r.GetValue(min), r.GetValue(max));
            var rows = view.Filter(query).Select(s => SettlementSummary.Of(view, s)).ToList();
            var dataset = DatasetDescription.Of(view.Snapshot);
            return Emit(ctx, r.GetValue(output), r.GetValue(format)!, from, (t, j) =>
            {
                if (j is not null) SettlementExport.WriteGeoJson(j, rows, dataset.Name, dataset.Synthetic);
                else SettlementExport.WriteCsv(t!, rows);
            });
        });
        return cmd;
    }
}

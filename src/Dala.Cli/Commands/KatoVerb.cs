using System.CommandLine;
using Dala.Registry.Kato;

namespace Dala.Cli.Commands;

/// <summary>dala import kato FILE.csv — the classifier, then the match rate per region with the unmatched listed.</summary>
public static class KatoVerb
{
    public const int UnmatchedShownPerRegion = 12;

    public static Command Build(StoreOption store, CliContext ctx)
    {
        var file = ImportCommand.FileArgument("The KATO CSV (id;parent_id;code;name)");
        var all = new Option<bool>("--all-unmatched") { Description = $"List every unmatched settlement (default: the first {UnmatchedShownPerRegion} per region)" };
        var unmatchedOut = new Option<string?>("--unmatched-csv") { Description = "Write every unmatched settlement with its reason to this CSV file", HelpName = "FILE" };
        var cmd = new Command("kato", "The official KATO classifier (id;parent_id;code;name, semicolons, UTF-8 BOM): " +
                                      "builds the hierarchy and matches settlements to KATO codes by region and normalised name.")
            { file, all, unmatchedOut };
        var replace = new Option<bool>("--replace")
        {
            Description = "Replace the stored classifier even when the file has fewer than half of its units or would un-match " +
                          "many settlements (refused otherwise, as a partial or truncated file)",
        };
        cmd.Add(replace);
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var result = ProgressDisplay.Run(ctx, "import kato", p => new KatoImporter(s, ctx.Clock) { Replace = r.GetValue(replace) }.Import(ctx.FullPath(r.GetValue(file)!), p));
            var exit = ReportOutput.Print(ctx, result.Report, s.Describe());
            if (exit != ExitCodes.Ok) return exit;
            PrintRates(ctx, result.Regions, r.GetValue(all) ? int.MaxValue : UnmatchedShownPerRegion);
            if (r.GetValue(unmatchedOut) is { } path) WriteUnmatched(ctx, ctx.FullPath(path), result.Regions);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void PrintRates(CliContext ctx, IReadOnlyList<KatoRegionStats> regions, int show)
    {
        var t = new Table().Border(TableBorder.Simple).Title("KATO match rate per region")
            .AddColumn("region").AddColumn("name").AddColumn(new TableColumn("settlements").RightAligned())
            .AddColumn(new TableColumn("matched").RightAligned()).AddColumn(new TableColumn("rate").RightAligned());
        foreach (var g in regions)
            t.AddRow(g.RegionCode, Markup.Escape(g.RegionName), g.Settlements.ToString("N0"), g.Matched.ToString("N0"), StatusCommand.Pct(g.MatchRate));
        var n = regions.Sum(g => g.Settlements);
        var m = regions.Sum(g => g.Matched);
        t.AddRow("", "National", n.ToString("N0"), m.ToString("N0"), StatusCommand.Pct(n == 0 ? 0 : (double)m / n));
        ctx.Out.Write(t);
        foreach (var g in regions.Where(g => g.Unmatched.Count > 0))
        {
            ctx.Out.WriteLine($"Unmatched in {g.RegionCode} {g.RegionName} ({g.Unmatched.Count:N0}):");
            foreach (var u in g.Unmatched.Take(show)) ctx.Out.WriteLine($"  {u.SettlementId} {u.Name}: {u.Reason}");
            if (g.Unmatched.Count > show) ctx.Out.WriteLine($"  ... and {g.Unmatched.Count - show:N0} more (--all-unmatched or --unmatched-csv FILE lists them all)");
        }
    }

    private static void WriteUnmatched(CliContext ctx, string path, IReadOnlyList<KatoRegionStats> regions)
    {
        try
        {
            using var w = new StreamWriter(path);
            var csv = new Geo.Io.CsvWriter(w);
            csv.Row("settlement_id", "name", "region", "reason");
            foreach (var u in regions.SelectMany(g => g.Unmatched)) csv.Row(u.SettlementId, u.Name, u.RegionCode, u.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {path}: {e.Message}");
        }
        ctx.Err.WriteLine($"wrote the unmatched settlements to {path}");
    }
}

using System.CommandLine;
using System.Globalization;
using Dala.Quality.Rankings;

namespace Dala.Cli.Commands;

/// <summary>dala quality rankings — Global-Index-style monthly rankings with the minimum sample rule, and tile-weighted Ookla figures.</summary>
public static class QualityRankingsCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var by = new Option<string>("--by") { Description = "What to rank: country, region, operator or region,operator", DefaultValueFactory = _ => "region", HelpName = "UNIT" };
        var month = new Option<string?>("--month") { Description = "Rank this month (default: the latest month with tests)", HelpName = "YYYY-MM" };
        var from = new Option<string?>("--from") { Description = "Rank every month from this one", HelpName = "YYYY-MM" };
        var to = new Option<string?>("--to") { Description = "... up to this one", HelpName = "YYYY-MM" };
        var minTests = new Option<int>("--min-tests") { Description = "A unit is ranked with at least this many valid tests in the month", DefaultValueFactory = _ => SampleRule.DefaultMinTests, HelpName = "N" };
        var minNetworks = new Option<int>("--min-networks") { Description = "... from at least this many distinct client networks (/24, /48)", DefaultValueFactory = _ => SampleRule.DefaultMinNetworks, HelpName = "M" };
        var synthetic = new Option<bool>("--include-synthetic") { Description = "Count SYNTHETIC tests too (the output then says synthetic)" };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var cmd = new Command("rankings", "Monthly rankings by exact median download of valid tests (rank 1 = fastest), with the rank change since the month before; " +
                                          "units below the minimum sample are listed as too few tests. Ookla tiles are shown apart as tile-weighted means.")
            { by, month, from, to, minTests, minNetworks, synthetic, format };
        cmd.SetAction(r =>
        {
            var unit = RankingQueries.ParseUnit(r.GetValue(by)) ?? throw new CliException($"--by: '{r.GetValue(by)}' is not country, region, operator or region,operator", ExitCodes.Rejected);
            var months = new MonthSelection(r.GetValue(month), r.GetValue(from), r.GetValue(to));
            if (months.Problem() is { } p) throw new CliException($"--{p.Name}: {p.Message}", ExitCodes.Rejected);
            if (r.GetValue(minTests) < 1) throw new CliException("--min-tests: must be at least 1", ExitCodes.Rejected);
            if (r.GetValue(minNetworks) < 0) throw new CliException("--min-networks: must be 0 or more", ExitCodes.Rejected);
            var rule = new SampleRule(r.GetValue(minTests), r.GetValue(minNetworks));
            var includeSynthetic = r.GetValue(synthetic);
            var measurements = StoreOption.Measurements(store.Open(r, ctx));
            var rankings = RankingQueries.Rankings(measurements, unit, months, rule, includeSynthetic);
            if (r.GetValue(format) == "csv")
            {
                OpenData.WriteRankingsCsv(ctx.OutText, rankings);
                ctx.OutText.Flush();
                return ExitCodes.Ok;
            }
            if (rankings.Count == 0) ctx.OutText.WriteLine("No valid tests to rank" + (includeSynthetic ? "." : " (SYNTHETIC tests are left out: --include-synthetic counts them)."));
            foreach (var k in rankings) Write(ctx, k);
            var tiles = RankingQueries.Tiles(measurements, unit is RankUnit.Operator or RankUnit.RegionOperator ? RankUnit.Country : unit, quarterly: true, includeSynthetic);
            if (tiles.Count > 0)
            {
                ctx.OutText.WriteLine($"Ookla open-data tiles, {TileWeighted.Method}; not medians, not ranked with the tests:");
                var t = new Table().Border(TableBorder.Simple).AddColumn("quarter").AddColumn("region");
                foreach (var h in new[] { "tiles", "tests", "down mean", "up mean", "latency mean" }) t.AddColumn(new TableColumn(h).RightAligned());
                t.AddColumn("");
                foreach (var f in tiles)
                    t.AddRow(f.Period, f.Region ?? "(country)", N0(f.Tiles), N0(f.Tests), N(f.DownMean), N(f.UpMean), N(f.LatencyMean), f.Synthetic ? "SYNTHETIC" : "");
                ctx.Out.Write(t);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void Write(CliContext ctx, Ranking k)
    {
        var ranked = k.Rows.Count(x => x.Ranked);
        ctx.OutText.WriteLine($"{k.Month}: {ranked} of {k.Rows.Count} {RankingQueries.UnitName(k.By)} units ranked (at least {k.Rule.MinTests} tests from {k.Rule.MinNetworks} networks)" +
                              (k.IncludesSynthetic ? "; SYNTHETIC tests included" : ""));
        ctx.OutText.Flush();
        var t = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("rank").RightAligned()).AddColumn("change").AddColumn("region").AddColumn("operator");
        foreach (var h in new[] { "down median", "up median", "latency median", "tests", "networks" }) t.AddColumn(new TableColumn(h).RightAligned());
        t.AddColumn("note");
        foreach (var x in k.Rows)
            t.AddRow(x.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-", Change(x), x.Region ?? "", x.Operator ?? "", N(x.DownMedian), N(x.UpMedian), N(x.LatencyMedian),
                N0(x.Tests), N0(x.Networks), Markup.Escape(x.Note ?? ""));
        ctx.Out.Write(t);
    }

    private static string Change(RankingRow x) => x.RankChange switch
    {
        null => x.Ranked ? "new" : "",
        0 => "=",
        > 0 and var c => $"up {c}",
        var c => $"down {-c}",
    };

    private static string N(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string N0(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}

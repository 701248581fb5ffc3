using System.CommandLine;
using System.Globalization;
using Dala.Geo.Io;
using Dala.Quality.Aggregates;

namespace Dala.Cli.Commands;

/// <summary>dala quality aggregate|quarantine — what the measurements say.</summary>
public static class QualityCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("quality", "Internet quality from the measurements: medians and spreads by region, operator and month; quarantined lines.");
        var by = new Option<string>("--by") { Description = "Comma list of region, operator, month", DefaultValueFactory = _ => "region,operator,month", HelpName = "KEYS" };
        var region = new Option<string?>("--region") { Description = "Only this region (code)", HelpName = "CODE" };
        var op = new Option<string?>("--operator") { Description = "Only this operator (id)", HelpName = "ID" };
        var month = new Option<string?>("--month") { Description = "Only this month", HelpName = "YYYY-MM" };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var aggregate = new Command("aggregate", "p10, median and p90 of down, up and latency of valid tests, and the share >= 100 Mbit/s, per group.")
            { by, region, op, month, format };
        aggregate.SetAction(r =>
        {
            var keys = r.GetValue(by)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var bad = keys.Where(k => k is not ("region" or "operator" or "month")).ToArray();
            if (bad.Length > 0) throw new CliException($"--by: {string.Join(", ", bad)} is not region, operator or month");
            var groupBy = (keys.Contains("region") ? GroupBy.Region : 0) | (keys.Contains("operator") ? GroupBy.Operator : 0) | (keys.Contains("month") ? GroupBy.Month : 0);
            var rows = StoreOption.Measurements(store.Open(r, ctx)).Aggregate(new AggregateQuery(groupBy, r.GetValue(region), r.GetValue(op), r.GetValue(month)));
            if (r.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(ctx.OutText);
                csv.Row("region", "operator", "month", "tests", "down_p10", "down_median", "down_p90", "up_median", "latency_median", "share_at_least_100mbps");
                foreach (var g in rows)
                    csv.Row(g.Region, g.Operator, g.Month, g.Tests, g.Down?.P10, g.Down?.Median, g.Down?.P90, g.Up?.Median, g.Latency?.Median, g.ShareAtLeast100);
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple).AddColumn("region").AddColumn("operator").AddColumn("month");
            foreach (var h in new[] { "tests", "down p10", "down median", "down p90", "up median", "latency median", ">= 100 Mbit/s" }) t.AddColumn(new TableColumn(h).RightAligned());
            foreach (var g in rows)
                t.AddRow(g.Region ?? "", g.Operator ?? "", g.Month ?? "", g.Tests.ToString("N0", CultureInfo.InvariantCulture), N(g.Down?.P10), N(g.Down?.Median), N(g.Down?.P90),
                    N(g.Up?.Median), N(g.Latency?.Median), g.ShareAtLeast100 is { } s ? StatusCommand.Pct(s) : "-");
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        var limit = new Option<int>("--limit") { Description = "How many lines", DefaultValueFactory = _ => 50, HelpName = "N" };
        var quarantine = new Command("quarantine", "The newest input lines that could not become measurements, with why.") { limit };
        quarantine.SetAction(r =>
        {
            foreach (var q in StoreOption.Measurements(store.Open(r, ctx)).Quarantine(r.GetValue(limit)))
                ctx.OutText.WriteLine($"{q.Origin}:{q.Line}: {string.Join("; ", q.Reasons)}  | {q.Content}");
            return ExitCodes.Ok;
        });
        cmd.Add(aggregate);
        cmd.Add(quarantine);
        cmd.Add(QualityRankingsCommand.Build(store, ctx));
        cmd.Add(QualityRankingsExport.Build(store, ctx));
        cmd.Add(QualityCasesCommand.Build(store, ctx));
        return cmd;
    }

    private static string N(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}

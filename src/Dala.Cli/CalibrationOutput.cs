using System.Globalization;
using Dala.Radio.Calibration;

namespace Dala.Cli;

/// <summary>A calibration on the terminal: what it used, the terms and the held-out bias and RMSE per group.</summary>
public static class CalibrationOutput
{
    public static void Print(CliContext ctx, Calibration c)
    {
        var label = c.Synthetic ? " — SYNTHETIC tests: not a calibration for real networks" : "";
        ctx.Out.WriteLine($"Calibration {c.Id} of coverage run {c.CoverageRunId} (model {c.Model}), tests {Day(c.From)} to {Day(c.To)}, " +
                          $"{c.Grouping.WireName()}, {c.Folds}-fold, seed {c.Seed}{label}");
        ctx.Out.WriteLine("  " + Calibrator.Describe(c.Counts));
        var t = new Table().Border(TableBorder.Simple).AddColumn("group");
        foreach (var h in new[] { "n", "offset dB", "slope dB/decade", "bias before", "RMSE before", "bias after", "RMSE after" })
            t.AddColumn(new TableColumn(h).RightAligned());
        var metrics = c.Metrics.ToDictionary(m => m.Group, StringComparer.Ordinal);
        foreach (var term in c.Terms)
        {
            var m = metrics[term.Group];
            t.AddRow(Markup.Escape(term.Group), m.N.ToString("N0", CultureInfo.InvariantCulture),
                term.Fitted ? F($"{term.OffsetDb:0.00} ± {term.OffsetSeDb:0.00}") : "not fit", term.Fitted ? F($"{term.SlopeDbPerDecade:0.00} ± {term.SlopeSeDb:0.00}") : "",
                F($"{m.BiasBeforeDb:0.00}"), F($"{m.RmseBeforeDb:0.00}"), F($"{m.BiasAfterDb:0.00}"), F($"{m.RmseAfterDb:0.00}"));
        }
        var o = c.Overall;
        t.AddRow("all", o.N.ToString("N0", CultureInfo.InvariantCulture), "", "", F($"{o.BiasBeforeDb:0.00}"), F($"{o.RmseBeforeDb:0.00}"), F($"{o.BiasAfterDb:0.00}"), F($"{o.RmseAfterDb:0.00}"));
        ctx.Out.Write(t);
        ctx.Out.WriteLine("  bias = mean of measured - predicted RSRP (dB), on held-out folds; path loss becomes L + offset + slope x log10(d/km)");
        foreach (var note in c.Terms.Where(x => !x.Fitted)) ctx.Out.WriteLine($"  {Markup.Escape(note.Group)}: {Markup.Escape(note.Note ?? "")}");
        var dead = c.Mismatches.Count(m => m.Kind == SettlementMismatches.CoveredButDead);
        ctx.Out.WriteLine($"  settlements predicted covered but measured dead: {dead}; predicted uncovered but measured live: {c.Mismatches.Count - dead}");
        ctx.OutText.WriteLine($"calibration id: {c.Id}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

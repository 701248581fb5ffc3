using System.Globalization;

namespace Dala.Fibre.Bench;

/// <summary>Writes benchmark rows as a Markdown table and a summary line (solved to optimum, mean gap, slowest).</summary>
public static class ResultsTable
{
    public static void Write(IReadOnlyList<BenchRow> rows, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("| instance | n | m | t | opt | ours | gap % | bound | seconds | cpu s | work |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            w.WriteLine(Invariant($"| {r.Instance} | {r.Nodes} | {r.Edges} | {r.Terminals} | {r.Optimum?.ToString(CultureInfo.InvariantCulture) ?? "?"} | {r.Cost} | {Percent(r.GapPercent)} | {r.LowerBound}{(r.BoundAboveOptimum ? " (ABOVE OPT!)" : "")} | {r.Seconds:0.00} | {r.CpuSeconds:0.00} | {r.Work} |"));
        }
        w.WriteLine();
        w.WriteLine(Summary(rows));
    }

    public static string Write(IReadOnlyList<BenchRow> rows)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        Write(rows, w);
        return w.ToString();
    }

    public static string Summary(IReadOnlyList<BenchRow> rows)
    {
        var known = rows.Where(r => r.GapPercent is not null).ToArray();
        var atOptimum = known.Count(r => r.GapPercent == 0);
        var meanGap = known.Length == 0 ? 0 : known.Average(r => r.GapPercent!.Value);
        var proven = rows.Count(r => r.LowerBound >= r.Cost);
        var slowest = rows.Count == 0 ? 0 : rows.Max(r => r.Seconds);
        var above = rows.Count(r => r.BoundAboveOptimum);
        return Invariant($"{rows.Count} instances: {atOptimum}/{known.Length} at the known optimum, mean gap {meanGap:0.000} %, {proven} proven optimal by our bound, slowest {slowest:0.00} s, bounds above the optimum: {above}");
    }

    private static string Percent(double? p) => p is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "?";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

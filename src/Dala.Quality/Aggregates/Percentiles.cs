namespace Dala.Quality.Aggregates;

/// <summary>
/// Exact percentiles by linear interpolation between the closest ranks (Hyndman-Fan type 7: PostgreSQL's
/// percentile_cont, Excel's PERCENTILE.INC), so both stores give the same figures.
/// </summary>
public static class Percentiles
{
    public static double Of(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(sorted));
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>p10, median and p90 of the values (sorted in place), or null when there are none.</summary>
    public static Spread? Spread(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        return new Spread(Of(span, 0.1), Of(span, 0.5), Of(span, 0.9), values.Count);
    }
}

/// <summary>The 10th percentile, the median and the 90th percentile of a metric, and how many values they come from.</summary>
public sealed record Spread(double P10, double Median, double P90, int Count);

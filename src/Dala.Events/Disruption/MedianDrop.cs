using Dala.Quality.Aggregates;

namespace Dala.Events.Disruption;

/// <summary>
/// The drop of the median (baseline median - event median, Mbit/s) with a percentile bootstrap interval: each of
/// <paramref name="Resamples"/> rounds redraws both samples with replacement and takes the difference of medians;
/// the interval is the (alpha/2, 1 - alpha/2) quantiles of those differences (Efron and Tibshirani 1993, ch. 13).
/// A seeded generator makes it deterministic.
/// </summary>
public static class MedianDrop
{
    public static DropInterval Estimate(IReadOnlyList<double> baseline, IReadOnlyList<double> during, double alpha, int resamples, int seed)
    {
        if (baseline.Count == 0 || during.Count == 0) throw new ArgumentException("both samples need values");
        var drop = Median(baseline) - Median(during);
        var rng = new Random(seed);
        var diffs = new double[resamples];
        var a = new double[baseline.Count];
        var b = new double[during.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < a.Length; i++) a[i] = baseline[rng.Next(a.Length)];
            for (var i = 0; i < b.Length; i++) b[i] = during[rng.Next(b.Length)];
            diffs[r] = SortedMedian(a) - SortedMedian(b);
        }
        Array.Sort(diffs);
        return new DropInterval(drop, Percentiles.Of(diffs, alpha / 2), Percentiles.Of(diffs, 1 - alpha / 2));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var copy = values.ToArray();
        return SortedMedian(copy);
    }

    private static double SortedMedian(double[] values)
    {
        Array.Sort(values);
        return Percentiles.Of(values, 0.5);
    }
}

/// <summary>A drop of the median, Mbit/s (positive: slower during the event), and its interval.</summary>
public sealed record DropInterval(double Drop, double Low, double High);

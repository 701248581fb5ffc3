using MathNet.Numerics.Distributions;

namespace Dala.Quality.Verdicts;

/// <summary>
/// A distribution-free interval for the q-quantile of a population from n tests: order statistics x(l) ≤ ξq ≤ x(u) with
/// P = F(u−1) − F(l−1) ≥ confidence, where F is the Binomial(n, q) CDF (the number of tests below ξq). Equal-tailed: l is the
/// largest rank with F(l−1) ≤ α/2 and u the smallest with F(u−1) ≥ 1 − α/2. When no rank satisfies a tail (too few tests),
/// that bound is infinite: the data cannot bound the quantile on that side.
/// </summary>
public static class QuantileInterval
{
    /// <summary>The ranks (1-based; 0 = no lower bound, n+1 = no upper bound) of the order statistics that bound the q-quantile.</summary>
    public static (int Lower, int Upper) Ranks(int n, double q, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(q > 0 && q < 1)) throw new ArgumentOutOfRangeException(nameof(q), $"quantile {q} is not between 0 and 1");
        Confidence.Check(confidence);
        var alpha = 1 - confidence;
        // F(r − 1) grows with r, so both ranks are found by bisection.
        var lower = LastRank(n, r => Binomial.CDF(q, n, r - 1) <= alpha / 2);
        var upper = LastRank(n, r => Binomial.CDF(q, n, r - 1) < 1 - alpha / 2) + 1;
        return (lower, upper);
    }

    /// <summary>The largest rank r in 1..n for which holds(r) is true (holds is true up to some rank, then false); 0 when none.</summary>
    private static int LastRank(int n, Func<int, bool> holds)
    {
        int lo = 0, hi = n;
        while (lo < hi)
        {
            var mid = lo + (hi - lo + 1) / 2;
            if (holds(mid)) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The interval for the q-quantile of the values (any order; NaN is not allowed).</summary>
    public static Interval Of(IReadOnlyList<double> values, double q, double confidence)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, q, confidence);
    }

    public static Interval OfSorted(IReadOnlyList<double> sorted, double q, double confidence)
    {
        var (l, u) = Ranks(sorted.Count, q, confidence);
        return new Interval(l == 0 ? double.NegativeInfinity : sorted[l - 1], u == sorted.Count + 1 ? double.PositiveInfinity : sorted[u - 1]);
    }
}

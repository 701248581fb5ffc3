using Dala.Quality.Obligations;

namespace Dala.Quality.Verdicts;

/// <summary>
/// How many more tests would likely decide an inconclusive verdict: the smallest m such that, if the m further tests showed
/// what the tests so far show (the same rate), the interval would lie wholly on one side. Exponential search for an m that
/// decides, then bisection below it. None when the estimate sits on the requirement (no number of tests at that rate
/// decides) or more than a million would be needed.
/// </summary>
public static class FurtherTests
{
    public const long Limit = 1_000_000;

    public static (long? Tests, string? Reason) ForShare(long k, long n, double share, double confidence)
    {
        if (n == 0) return (null, "no tests yet: nothing to extrapolate from");
        var rate = (double)k / n;
        if (rate == share) return (null, "the estimate equals the required share: more tests at this rate would not decide");
        return Search(m =>
        {
            var total = n + m;
            var hits = Math.Clamp((long)Math.Round(rate * total, MidpointRounding.AwayFromZero), 0, total);
            return Judge.ShareVerdict(ShareInterval.ClopperPearson(hits, total, confidence), share) != VerdictKind.Inconclusive;
        });
    }

    /// <summary>
    /// Quantile rules: with c values on the requirement's good side so far (at or above the threshold; at or below it for the
    /// median-at-most rule), more tests at the same rate decide when the interval's order statistics both fall on one side.
    /// </summary>
    public static (long? Tests, string? Reason) ForQuantile(double[] sorted, ObligationRule rule, double q, double threshold, double confidence)
    {
        var n = sorted.Length;
        if (n == 0) return (null, "no tests yet: nothing to extrapolate from");
        // below = tests under the threshold (at-least rules) or at or under it (median-at-most): the rank boundary.
        long below = rule == ObligationRule.MedianAtMost ? sorted.Count(v => v <= threshold) : sorted.Count(v => v < threshold);
        var rate = (double)below / n;
        if (rate == q) return (null, "the estimate sits on the threshold: more tests at this rate would not decide");
        return Search(m =>
        {
            var total = n + m;
            if (total > int.MaxValue) return false;
            var b = (long)Math.Round(rate * total, MidpointRounding.AwayFromZero);
            var (l, u) = QuantileInterval.Ranks((int)total, q, confidence);
            // Ranks 1..b hold values below the boundary. Both bounds below it: u <= b; both at or above: l > b (l >= 1).
            return u <= b || (l >= 1 && l > b);
        });
    }

    private static (long? Tests, string? Reason) Search(Func<long, bool> decides)
    {
        long hi = 1;
        while (!decides(hi))
        {
            if (hi >= Limit) return (null, "more than 1,000,000 further tests would be needed");
            hi = Math.Min(hi * 2, Limit);
        }
        long lo = 0; // decides(lo) is false (the verdict is inconclusive now)
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (decides(mid)) hi = mid; else lo = mid;
        }
        return (hi, null);
    }
}

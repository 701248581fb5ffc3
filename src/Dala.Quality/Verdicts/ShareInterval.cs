using MathNet.Numerics;

namespace Dala.Quality.Verdicts;

/// <summary>
/// The exact (Clopper-Pearson) two-sided interval for a binomial share k/n: with α = 1 − confidence, the lower bound is the
/// α/2 quantile of Beta(k, n−k+1) (0 when k = 0) and the upper bound the 1−α/2 quantile of Beta(k+1, n−k) (1 when k = n).
/// With no tests (n = 0) nothing is known: [0, 1].
/// </summary>
public static class ShareInterval
{
    public static Interval ClopperPearson(long k, long n, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k), $"k = {k} is outside 0..{n}");
        Confidence.Check(confidence);
        if (n == 0) return new Interval(0, 1);
        var alpha = 1 - confidence;
        var low = k == 0 ? 0 : BetaQuantile(k, n - k + 1, alpha / 2);
        var high = k == n ? 1 : BetaQuantile(k + 1, n - k, 1 - alpha / 2);
        return new Interval(low, high);
    }

    /// <summary>
    /// The p-quantile of Beta(a, b): the x in [0, 1] with I_x(a, b) = p, by bisection on the regularised incomplete beta
    /// (monotone in x), to the last representable digit — no root-finder tolerance to tune.
    /// </summary>
    public static double BetaQuantile(double a, double b, double p)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (SpecialFunctions.BetaRegularized(a, b, mid) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}

internal static class Confidence
{
    public static void Check(double confidence)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), $"confidence {confidence} is not between 0 and 1");
    }
}

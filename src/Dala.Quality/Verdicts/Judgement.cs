using Dala.Quality.Aggregates;
using Dala.Quality.Obligations;

namespace Dala.Quality.Verdicts;

public enum VerdictKind
{
    Inconclusive,
    Compliant,
    Violation,
}

/// <summary>
/// What the tests of one unit say about one obligation: n tests, k of them at or above the threshold, the estimate (k/n for
/// the share rule, the sample quantile for the quantile rules, type 7), its two-sided interval and the verdict; for an
/// inconclusive verdict the further tests that would likely decide it (null with the reason when none would).
/// </summary>
public sealed record Judgement(long N, long K, double? Estimate, Interval Interval, VerdictKind Verdict, long? FurtherTests, string? FurtherReason)
{
    public static string WireName(VerdictKind v) => v switch
    {
        VerdictKind.Violation => "violation",
        VerdictKind.Compliant => "compliant",
        _ => "inconclusive",
    };
}

/// <summary>
/// The verdict rule: violation only when the whole interval is on the wrong side of the requirement, compliant when it is
/// wholly on the right side, otherwise inconclusive.
/// </summary>
public static class Judge
{
    /// <summary>Share rule: k of n tests at or above the threshold against the required share (Clopper-Pearson). n = 0: inconclusive, [0, 1].</summary>
    public static Judgement Share(long k, long n, double share, double confidence)
    {
        var ci = ShareInterval.ClopperPearson(k, n, confidence);
        var verdict = ShareVerdict(ci, share);
        double? estimate = n == 0 ? null : (double)k / n;
        var (more, why) = verdict == VerdictKind.Inconclusive ? FurtherTests.ForShare(k, n, share, confidence) : (null, null);
        return new Judgement(n, k, estimate, ci, verdict, more, why);
    }

    internal static VerdictKind ShareVerdict(Interval ci, double share) =>
        ci.Below(share) ? VerdictKind.Violation : ci.AtOrAbove(share) ? VerdictKind.Compliant : VerdictKind.Inconclusive;

    /// <summary>
    /// Quantile rules on the values (any order): quantile_at_least (the q-quantile at or above the threshold) or median_at_most
    /// (the median at most the threshold), with the distribution-free order-statistic interval.
    /// </summary>
    public static Judgement Quantile(IReadOnlyList<double> values, ObligationRule rule, double q, double threshold, double confidence)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var ci = QuantileInterval.OfSorted(sorted, q, confidence);
        var verdict = QuantileVerdict(ci, rule, threshold);
        var k = sorted.LongCount(v => v >= threshold);
        double? estimate = sorted.Length == 0 ? null : Percentiles.Of(sorted, q);
        var (more, why) = verdict == VerdictKind.Inconclusive ? FurtherTests.ForQuantile(sorted, rule, q, threshold, confidence) : (null, null);
        return new Judgement(sorted.Length, k, estimate, ci, verdict, more, why);
    }

    internal static VerdictKind QuantileVerdict(Interval ci, ObligationRule rule, double threshold) => rule switch
    {
        ObligationRule.MedianAtMost => ci.Above(threshold) ? VerdictKind.Violation : ci.AtOrBelow(threshold) ? VerdictKind.Compliant : VerdictKind.Inconclusive,
        _ => ci.Below(threshold) ? VerdictKind.Violation : ci.AtOrAbove(threshold) ? VerdictKind.Compliant : VerdictKind.Inconclusive,
    };
}

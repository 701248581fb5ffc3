using MathNet.Numerics.Distributions;

namespace Dala.Quality.Verdicts;

/// <summary>
/// How many tests a campaign needs: the smallest n such that, when the true share is <c>expected</c>, the Clopper-Pearson
/// interval lies wholly on the far side of the required share with probability at least <c>power</c>. Exact: the deciding k
/// form a range (k ≤ kMax for a violation, k ≥ kMin for compliance) and the power is the binomial probability of that range.
/// The CP bound is tested through its definition: high(k, n) &lt; S ⇔ P(X ≤ k | S) &lt; α/2; low(k, n) ≥ S ⇔ P(X ≥ k | S) ≤ α/2.
/// </summary>
public static class SampleSize
{
    public const int Limit = 1_000_000;

    /// <summary>The plan: n tests; a verdict of Decides (violation or compliant) when k is in [KLow, KHigh]; its probability.</summary>
    public sealed record Plan(int N, long KLow, long KHigh, VerdictKind Decides, double Power);

    /// <summary>The plan, or null when even <see cref="Limit"/> tests would not reach the power (or expected equals share).</summary>
    public static Plan? For(double share, double expected, double confidence, double power = 0.8)
    {
        if (!(share > 0 && share < 1)) throw new ArgumentOutOfRangeException(nameof(share), $"share {share} is not between 0 and 1");
        if (!(expected >= 0 && expected <= 1)) throw new ArgumentOutOfRangeException(nameof(expected), $"expected {expected} is not between 0 and 1");
        if (!(power > 0 && power < 1)) throw new ArgumentOutOfRangeException(nameof(power), $"power {power} is not between 0 and 1");
        Confidence.Check(confidence);
        if (expected == share) return null;
        var half = (1 - confidence) / 2;
        if (expected < share)
        {
            // Violation: k ≤ kMax where kMax is the largest k with P(X ≤ k | S) < α/2 (−1 when none); kMax(n+1) ∈ {kMax(n), kMax(n)+1}.
            long kMax = -1;
            for (var n = 1; n <= Limit; n++)
            {
                while (kMax + 1 <= n && Binomial.CDF(share, n, kMax + 1) < half) kMax++;
                if (kMax < 0) continue;
                var p = Binomial.CDF(expected, n, kMax);
                if (p >= power) return new Plan(n, 0, kMax, VerdictKind.Violation, p);
            }
        }
        else
        {
            // Compliant: k ≥ kMin, the smallest k with P(X ≥ k | S) ≤ α/2 (n+1 when none); kMin never decreases as n grows.
            long kMin = 1;
            for (var n = 1; n <= Limit; n++)
            {
                while (kMin > 0 && Upper(share, n, kMin - 1) <= half) kMin--;
                while (kMin <= n && Upper(share, n, kMin) > half) kMin++;
                if (kMin > n) continue;
                var p = Upper(expected, n, kMin);
                if (p >= power) return new Plan(n, kMin, n, VerdictKind.Compliant, p);
            }
        }
        return null;
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    private static double Upper(double p, int n, long k) => k <= 0 ? 1 : 1 - Binomial.CDF(p, n, k - 1);
}

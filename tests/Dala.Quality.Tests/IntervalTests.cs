using Dala.Quality.Verdicts;

namespace Dala.Quality.Tests;

/// <summary>
/// The exact intervals against an independent computation: Clopper-Pearson bounds found by bisection on binomial tail sums
/// (the definition: the p at which observing k or more, or k or fewer, has probability α/2), summed term by term.
/// </summary>
public class IntervalTests
{
    private static double Pmf(int n, int i, double p) =>
        Math.Exp(LogChoose(n, i) + i * Math.Log(p) + (n - i) * Math.Log(1 - p));

    private static double LogChoose(int n, int k)
    {
        double s = 0;
        for (var i = 1; i <= k; i++) s += Math.Log(n - k + i) - Math.Log(i);
        return s;
    }

    /// <summary>P(X >= k) for X ~ Binomial(n, p).</summary>
    private static double Upper(int n, int k, double p) => Enumerable.Range(k, n - k + 1).Sum(i => Pmf(n, i, p));

    private static double Bisect(Func<double, bool> below)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 100; i++) { var m = (lo + hi) / 2; if (below(m)) lo = m; else hi = m; }
        return (lo + hi) / 2;
    }

    [Theory]
    [InlineData(0, 10, 0.95)]
    [InlineData(10, 10, 0.95)]
    [InlineData(5, 10, 0.95)]
    [InlineData(1, 1, 0.95)]
    [InlineData(0, 1, 0.99)]
    [InlineData(37, 50, 0.9)]
    [InlineData(180, 200, 0.95)]
    [InlineData(3, 400, 0.99)]
    public void Clopper_Pearson_agrees_with_the_binomial_tails(int k, int n, double confidence)
    {
        var alpha = 1 - confidence;
        // Lower: P(X >= k | p) = α/2 (increasing in p); upper: P(X <= k | p) = α/2, i.e. P(X >= k+1 | p) = 1 − α/2.
        var low = k == 0 ? 0 : Bisect(p => Upper(n, k, p) < alpha / 2);
        var high = k == n ? 1 : Bisect(p => Upper(n, k + 1, p) < 1 - alpha / 2);
        var ci = ShareInterval.ClopperPearson(k, n, confidence);
        Assert.Equal(low, ci.Low, 1e-9);
        Assert.Equal(high, ci.High, 1e-9);
    }

    [Fact]
    public void Edges_have_closed_forms()
    {
        // k = 0: upper = 1 − (α/2)^(1/n); k = n: lower = (α/2)^(1/n).
        Assert.Equal(1 - Math.Pow(0.025, 0.1), ShareInterval.ClopperPearson(0, 10, 0.95).High, 1e-12);
        Assert.Equal(Math.Pow(0.025, 0.1), ShareInterval.ClopperPearson(10, 10, 0.95).Low, 1e-12);
        Assert.Equal(new Interval(0, 1), ShareInterval.ClopperPearson(0, 0, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.ClopperPearson(3, 2, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.ClopperPearson(1, 2, 1.0));
    }

    [Fact]
    public void Median_of_ten_at_95_percent_lies_between_the_2nd_and_9th_values()
    {
        // P(X <= 1) = 11/1024 <= 0.025 < P(X <= 2) = 56/1024; P(X <= 7) = 968/1024 < 0.975 <= P(X <= 8) = 1013/1024.
        Assert.Equal((2, 9), QuantileInterval.Ranks(10, 0.5, 0.95));
        var ci = QuantileInterval.Of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.5, 0.95);
        Assert.Equal(new Interval(2, 9), ci);
    }

    [Fact]
    public void Too_few_tests_leave_a_bound_open()
    {
        // Five tests cannot bound the median at 95% from either side (P(X <= 0) = 1/32 > 0.025).
        Assert.Equal((0, 6), QuantileInterval.Ranks(5, 0.5, 0.95));
        var ci = QuantileInterval.Of([1, 2, 3, 4, 5], 0.5, 0.95);
        Assert.True(double.IsNegativeInfinity(ci.Low) && double.IsPositiveInfinity(ci.High));
        Assert.Equal((0, 1), QuantileInterval.Ranks(0, 0.5, 0.95));
    }

    [Theory]
    [InlineData(100, 0.1, 0.95)]
    [InlineData(57, 0.9, 0.9)]
    [InlineData(1000, 0.5, 0.99)]
    public void Order_statistic_ranks_have_the_coverage_they_claim(int n, double q, double confidence)
    {
        var (l, u) = QuantileInterval.Ranks(n, q, confidence);
        double Cdf(int x) => x < 0 ? 0 : Enumerable.Range(0, x + 1).Sum(i => Pmf(n, i, q));
        var alpha = 1 - confidence;
        // Equal-tailed: each tail at most α/2, and neither bound can move inwards.
        Assert.True(Cdf(l - 1) <= alpha / 2 + 1e-12 && Cdf(l) > alpha / 2);
        Assert.True(Cdf(u - 1) >= 1 - alpha / 2 - 1e-12 && Cdf(u - 2) < 1 - alpha / 2);
        Assert.True(Cdf(u - 1) - Cdf(l - 1) >= confidence - 1e-12);
    }
}

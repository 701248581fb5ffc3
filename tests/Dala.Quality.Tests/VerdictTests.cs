using System.Text;
using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;

namespace Dala.Quality.Tests;

/// <summary>The verdict rule at its edges, the further tests, the sample-size planner and the obligations file reader.</summary>
public class VerdictTests
{
    [Fact]
    public void No_tests_is_inconclusive_on_the_whole_unit_interval()
    {
        var j = Judge.Share(0, 0, 0.9, 0.95);
        Assert.Equal((VerdictKind.Inconclusive, new Interval(0, 1), (double?)null), (j.Verdict, j.Interval, j.Estimate));
        Assert.Null(j.FurtherTests);
        Assert.NotNull(j.FurtherReason);
        var q = Judge.Quantile([], ObligationRule.QuantileAtLeast, 0.1, 5, 0.95);
        Assert.Equal(VerdictKind.Inconclusive, q.Verdict);
        Assert.True(double.IsNegativeInfinity(q.Interval.Low) && double.IsPositiveInfinity(q.Interval.High));
    }

    [Theory]
    [InlineData(0, 40, VerdictKind.Violation)]
    [InlineData(40, 40, VerdictKind.Compliant)]   // 0.025^(1/40) = 0.912 >= 0.9
    [InlineData(35, 35, VerdictKind.Inconclusive)] // 0.025^(1/35) = 0.8999... < 0.9
    [InlineData(1, 1, VerdictKind.Inconclusive)]
    [InlineData(0, 1, VerdictKind.Inconclusive)]
    public void Violation_and_compliance_need_the_whole_interval_on_one_side(int k, int n, VerdictKind expected) =>
        Assert.Equal(expected, Judge.Share(k, n, 0.9, 0.95).Verdict);

    [Fact]
    public void An_estimate_on_the_required_share_has_no_further_tests()
    {
        var j = Judge.Share(9, 10, 0.9, 0.95);
        Assert.Equal(VerdictKind.Inconclusive, j.Verdict);
        Assert.Null(j.FurtherTests);
        Assert.Contains("equals the required share", j.FurtherReason);
    }

    [Fact]
    public void Further_tests_decide_at_the_same_rate_and_one_fewer_does_not()
    {
        var j = Judge.Share(85, 100, 0.9, 0.95);
        Assert.Equal(VerdictKind.Inconclusive, j.Verdict);
        var m = j.FurtherTests!.Value;
        bool Decides(long extra) => Judge.Share((long)Math.Round(0.85 * (100 + extra), MidpointRounding.AwayFromZero), 100 + extra, 0.9, 0.95).Verdict != VerdictKind.Inconclusive;
        Assert.True(Decides(m));
        Assert.False(Decides(m - 1));
    }

    [Fact]
    public void Median_at_most_judges_from_both_sides()
    {
        double[] low = [.. Enumerable.Range(1, 20).Select(i => (double)i)];       // median 10.5, interval [6, 15]
        Assert.Equal(VerdictKind.Compliant, Judge.Quantile(low, ObligationRule.MedianAtMost, 0.5, 15, 0.95).Verdict);
        Assert.Equal(VerdictKind.Violation, Judge.Quantile(low, ObligationRule.MedianAtMost, 0.5, 5.5, 0.95).Verdict);
        Assert.Equal(VerdictKind.Inconclusive, Judge.Quantile(low, ObligationRule.MedianAtMost, 0.5, 10, 0.95).Verdict);
        Assert.Equal(new Interval(6, 15), Judge.Quantile(low, ObligationRule.MedianAtMost, 0.5, 10, 0.95).Interval);
        Assert.NotNull(Judge.Quantile(low, ObligationRule.MedianAtMost, 0.5, 12, 0.95).FurtherTests);
    }

    [Fact]
    public void Sample_size_decides_with_the_power_and_one_test_fewer_would_not_always()
    {
        var plan = SampleSize.For(0.9, 0.8, 0.95, 0.8)!;
        Assert.Equal(VerdictKind.Violation, plan.Decides);
        Assert.True(plan.Power >= 0.8);
        // Every k in the deciding range puts the whole interval below the share, and the next k does not.
        Assert.True(ShareInterval.ClopperPearson(plan.KHigh, plan.N, 0.95).High < 0.9);
        Assert.False(ShareInterval.ClopperPearson(plan.KHigh + 1, plan.N, 0.95).High < 0.9);
        var up = SampleSize.For(0.9, 0.97, 0.95, 0.8)!;
        Assert.Equal(VerdictKind.Compliant, up.Decides);
        Assert.True(ShareInterval.ClopperPearson(up.KLow, up.N, 0.95).Low >= 0.9);
        Assert.False(ShareInterval.ClopperPearson(up.KLow - 1, up.N, 0.95).Low >= 0.9);
        Assert.Null(SampleSize.For(0.9, 0.9, 0.95));
    }

    [Fact]
    public void The_obligations_file_names_every_problem_by_line_and_field()
    {
        var text = "[\n {\"id\":\"x\",\"technology\":\"6G\",\"metric\":\"down_mbps\",\n  \"threshold\":-1,\n  \"share\":0.9},\n {\"id\":\"x\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":0.9},\n" +
                   " {\"id\":\"x\",\"technology\":\"4G\",\"metric\":\"up_mbps\",\"threshold\":2,\"share\":0.5}\n]";
        var r = ObligationFile.Read(Encoding.UTF8.GetBytes(text), "o.json");
        Assert.Empty(r.Obligations);
        Assert.Equal(["o.json:2: $[0].technology: '6G' is not one of none, 3G, satellite, fixed-wireless, 4G, 5G, fibre",
                      "o.json:3: $[0].threshold: must not be negative", "o.json:6: $[2].id: 'x' is given twice"],
            r.Problems.Select(p => p.ToString()));
        var ok = ObligationFile.Read("[{\"id\":\"a\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":0.9,\"confidence\":0.95,\"by\":[\"operator\",\"region\"]}]"u8, "o.json");
        Assert.Empty(ok.Problems);
        var o = ok.Obligations.Single();
        Assert.Equal((ObligationRule.ShareAtLeast, (double?)0.9, 0.95, null as string), (o.Rule, o.Share, o.Confidence, o.Operator));
        Assert.Equal(o, ObligationJson.ReadStored(ObligationJson.Write(o), 1));
        Assert.Single(ObligationFile.Read("{}"u8, "o.json").Problems);
    }
}

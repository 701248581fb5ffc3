using Dala.Events.Disruption;
using Dala.Events.Model;
using Dala.Events.Synthetic;
using Dala.Geo;

namespace Dala.Events.Tests;

public sealed class DisruptionTests
{
    private static readonly MassEvent Concert = new("concert", "Concert", EventPlace.Circle(new LonLat(71.4021, 51.1081), 0.4),
        DateTimeOffset.Parse("2026-11-28T14:00:00Z"), DateTimeOffset.Parse("2026-11-28T18:00:00Z"), 30_000, true);

    private static readonly string[] Ops = ["synthetic-a", "synthetic-b"];

    private static EventDisruption Run(int seed, double dropB) =>
        DisruptionDetector.Judge(Concert, SyntheticEventTests.Make(Concert, Ops, 40, seed, new Dictionary<string, double> { ["synthetic-b"] = dropB },
            DisruptionSettings.Default).Select(t => t.Test), DisruptionSettings.Default with { Resamples = 500 });

    [Fact]
    public void A_synthetic_disruption_is_flagged_with_its_evidence()
    {
        var r = Run(7, 0.6);
        var b = r.Operators.Single(o => o.OperatorId == "synthetic-b");
        Assert.True(b.Flagged);
        Assert.Equal("disrupted", b.Verdict);
        Assert.Equal((40, 160, 80), (b.EventTests, b.BaselineTests, b.StreamTests));
        Assert.True(b.Drop!.Low > 0 && b.Drop.Drop > 0.3 * b.BaselineMedian!.Value);
        Assert.True(b.ChangeP < 0.05 && b.ChangeIsDrop == true);
        // The change is found after the crowd came in (a quarter into the event), give or take the noise.
        Assert.InRange(b.ChangeAt!.Value, Concert.Start - TimeSpan.FromHours(1), Concert.End);
        Assert.False(r.Operators.Single(o => o.OperatorId == "synthetic-a").Flagged);
        Assert.True(r.Synthetic);
    }

    [Fact]
    public void Over_100_calm_windows_at_most_5_false_alarms()
    {
        var alarms = Enumerable.Range(1, 100).Count(seed => Run(1000 + seed, 0).Operators.Any(o => o.Flagged));
        Assert.InRange(alarms, 0, 5);
    }

    [Fact]
    public void Too_few_tests_are_not_judged()
    {
        var tests = SyntheticEventTests.Make(Concert, Ops, 3, 1, new Dictionary<string, double>(), DisruptionSettings.Default).Select(t => t.Test);
        var r = DisruptionDetector.Judge(Concert, tests, DisruptionSettings.Default);
        Assert.All(r.Operators, o => Assert.Equal(("too few tests", false), (o.Verdict, o.Flagged)));
    }

    [Fact]
    public void The_bootstrap_is_deterministic_for_a_seed()
    {
        double[] a = [10, 12, 14, 9, 11, 13, 15, 10, 12];
        double[] b = [5, 7, 6, 8, 4, 6, 7];
        Assert.Equal(MedianDrop.Estimate(a, b, 0.05, 1000, 3), MedianDrop.Estimate(a, b, 0.05, 1000, 3));
        Assert.Equal(12 - 6, MedianDrop.Estimate(a, b, 0.05, 1000, 3).Drop);
    }

    [Fact]
    public void Pettitt_equals_the_double_sum_and_finds_a_step()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 30).Select(i => (i < 18 ? 20.0 : 8.0) + Math.Round(rng.NextDouble() * 6)).ToArray();
        var r = Pettitt.Test(x)!;
        // K from the definition: max over t of |sum_{i<=t} sum_{j>t} sgn(x_i - x_j)|.
        var k = Enumerable.Range(1, x.Length - 1).Max(t => Math.Abs(Enumerable.Range(0, t).Sum(i => Enumerable.Range(t, x.Length - t).Sum(j => Math.Sign(x[i] - x[j])))));
        Assert.Equal(k, r.K);
        Assert.Equal(18, r.Split);
        Assert.True(r.Drop && r.P < 0.01);
        Assert.Null(Pettitt.Test([1.0]));
    }
}

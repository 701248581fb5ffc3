using Dala.Permits.Analytics;

namespace Dala.Permits.Tests;

public class KaplanMeierTests
{
    [Theory]
    [InlineData(11, 40)]
    [InlineData(12, 200)]
    [InlineData(13, 7)]
    [InlineData(14, 500)]
    [InlineData(15, 1)]
    public void Survival_matches_two_independent_computations_on_held_back_sets(int seed, int count)
    {
        var requests = Requests.Random(seed, count);
        var asOf = Requests.Day(500);
        var result = PermitSurvival.Compute(requests, asOf, PermitGroups.Region);
        Assert.Equal(requests.Count(r => r.Opened > asOf), result.LeftOutOpenedAfter);
        foreach (var region in requests.Where(r => r.Opened <= asOf).Select(r => r.Region).Distinct())
        {
            // The observations straight from the requests, as the pinned interface defines them.
            var obs = requests.Where(r => r.Region == region && r.Opened <= asOf)
                .Select(r => r.OnAir is { } on && on <= asOf ? (on.DayNumber - r.Opened.DayNumber, true) : (asOf.DayNumber - r.Opened.DayNumber, false))
                .ToArray();
            var curve = result.Curves.Single(c => c.Group == region);
            Assert.Equal(obs.Length, curve.N);
            Assert.Equal(obs.Count(o => o.Item2), curve.Events);
            Assert.Equal(obs.Where(o => o.Item2).Select(o => o.Item1).Distinct().Order(), curve.Rows.Select(r => r.Day));
            foreach (var row in curve.Rows)
            {
                Assert.Equal(obs.Count(o => o.Item1 >= row.Day), row.AtRisk);
                Assert.Equal(obs.Count(o => o.Item2 && o.Item1 == row.Day), row.Events);
                Assert.Equal(IndependentKaplanMeier.RedistributeToTheRight(obs, row.Day), row.Survival, 1e-6);
                Assert.Equal(IndependentKaplanMeier.ProductLimit(obs, row.Day), row.Survival, 1e-6);
            }
            for (var day = 0; day <= 800; day += 7)
                Assert.Equal(IndependentKaplanMeier.RedistributeToTheRight(obs, day), curve.At(day), 1e-6);
        }
    }

    [Fact]
    public void Events_and_censorings_on_one_day_censored_are_at_risk_that_day()
    {
        var obs = new[]
        {
            new SurvivalObservation("g", 5, true), new SurvivalObservation("g", 5, false), new SurvivalObservation("g", 5, true),
            new SurvivalObservation("g", 8, true), new SurvivalObservation("g", 10, false),
        };
        var curve = Assert.Single(KaplanMeier.Estimate(obs));
        Assert.Equal([(5, 5, 2), (8, 2, 1)], curve.Rows.Select(r => (r.Day, r.AtRisk, r.Events)));
        Assert.Equal(0.6, curve.Rows[0].Survival, 12);
        Assert.Equal(0.3, curve.Rows[1].Survival, 12);
        Assert.Equal(8, curve.Median);
        Assert.Equal((5, 3, 2), (curve.N, curve.Events, curve.Censored));
    }

    [Fact]
    public void A_group_with_no_events_has_no_rows_and_is_said()
    {
        var requests = new[] { Requests.Make("a", "KZ-11", 0, 30), Requests.Make("b", "KZ-11", 0, null), Requests.Make("c", "KZ-47", 10, null) };
        var result = PermitSurvival.Compute(requests, Requests.Day(100), PermitGroups.Region);
        var none = result.Curves.Single(c => c.Group == "KZ-47");
        Assert.Empty(none.Rows);
        Assert.Equal(1.0, none.At(1000));
        Assert.Null(none.Median);
        Assert.Contains(result.Notes(), n => n.StartsWith("group KZ-47: 1 request(s), none on air", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_opened_after_the_as_of_date_is_left_out_and_one_on_air_later_is_censored()
    {
        var requests = new[]
        {
            Requests.Make("early", "KZ-11", 0, 50), Requests.Make("later-on-air", "KZ-11", 0, 300), Requests.Make("after", "KZ-11", 150, 160),
        };
        var result = PermitSurvival.Compute(requests, Requests.Day(100), PermitGroups.Region);
        Assert.Equal(1, result.LeftOutOpenedAfter);
        var curve = Assert.Single(result.Curves);
        Assert.Equal((2, 1, 1), (curve.N, curve.Events, curve.Censored));
        var row = Assert.Single(curve.Rows);
        Assert.Equal((50, 2, 1, 0.5), (row.Day, row.AtRisk, row.Events, row.Survival));
        Assert.Contains(result.Notes(), n => n.Contains("opened after the as-of date 2024-04-10 left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Grouping_by_operator_and_all()
    {
        var requests = new[] { Requests.Make("a", "KZ-11", 0, 10, "kcell"), Requests.Make("b", "KZ-35", 0, 20, "beeline") };
        Assert.Equal(["beeline", "kcell"], PermitSurvival.Compute(requests, Requests.Day(100), PermitGroups.Operator).Curves.Select(c => c.Group));
        var all = Assert.Single(PermitSurvival.Compute(requests, Requests.Day(100), PermitGroups.All).Curves);
        Assert.Equal(("KZ", 10, 0.5), (all.Group, all.Median!.Value, all.Rows[0].Survival));
        Assert.Throws<ArgumentException>(() => PermitSurvival.Compute(requests, Requests.Day(100), "city"));
    }
}

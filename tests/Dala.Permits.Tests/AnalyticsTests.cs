using Dala.Permits.Analytics;
using Dala.Permits.Model;

namespace Dala.Permits.Tests;

public class AnalyticsTests
{
    private static readonly DateOnly AsOf = Requests.Day(400);

    [Fact]
    public void Forecast_is_the_conditional_median_of_the_region_given_the_days_waited()
    {
        // KZ-11: on air after 100, 200, 300, 400 days (S: 0.75, 0.5, 0.25, 0); one open for 150 days.
        var requests = new List<PermitRequest>
        {
            Requests.Make("a", "KZ-11", 0, 100), Requests.Make("b", "KZ-11", 0, 200), Requests.Make("c", "KZ-11", 0, 300),
            Requests.Make("d", "KZ-11", 0, 400), Requests.Make("open", "KZ-11", 250, null),
        };
        var f = Assert.Single(Forecasts.Compute(requests, AsOf));
        // Waited 150 days: S(150) = 0.8 (5 at risk on day 100, then the open one censored at 150 ... ) -> half is 0.4.
        var curve = PermitSurvival.Compute(requests, AsOf, PermitGroups.Region).Curves.Single();
        var half = curve.At(150) / 2;
        var day = curve.Rows.First(r => r.Day > 150 && r.Survival <= half).Day;
        Assert.Equal(("open", Forecasts.ByRegion, Requests.Day(250 + day)), (f.RequestId, f.Basis, f.OnAir));
        Assert.Equal(150, f.DaysWaited);
        Assert.Equal(PermitStages.LandAllotted, f.Waiting);
    }

    [Fact]
    public void Forecast_falls_back_to_the_country_and_says_none_when_no_curve_reaches_half()
    {
        var requests = new List<PermitRequest>
        {
            Requests.Make("a", "KZ-11", 0, 100), Requests.Make("b", "KZ-11", 0, 120), Requests.Make("c", "KZ-11", 0, 140),
            Requests.Make("slow-1", "KZ-63", 0, null), Requests.Make("slow-2", "KZ-63", 0, null), Requests.Make("slow-3", "KZ-63", 300, null),
            Requests.Make("late", "KZ-63", 390, null),
        };
        var byId = Forecasts.Compute(requests, AsOf).ToDictionary(f => f.RequestId);
        Assert.Equal(Forecasts.ByCountry, byId["late"].Basis);
        Assert.NotNull(byId["late"].OnAir);
        Assert.Equal(Forecasts.None, byId["slow-1"].Basis);
        Assert.Null(byId["slow-1"].OnAir);
        Assert.Contains("no date", byId["slow-1"].Note, StringComparison.Ordinal);
        Assert.DoesNotContain("a", byId.Keys);
    }

    [Fact]
    public void Earliest_on_air_per_region_is_as_of_plus_the_median_and_the_country_for_a_region_without_one()
    {
        var requests = new List<PermitRequest>
        {
            Requests.Make("a", "KZ-11", 0, 100), Requests.Make("b", "KZ-11", 0, 200), Requests.Make("c", "KZ-63", 0, 700),
            Requests.Make("d", "KZ-63", 0, null), Requests.Make("e", "KZ-63", 0, null),
        };
        var leads = EarliestOnAir.Compute(requests, Requests.Day(800)).ToDictionary(l => l.Region);
        Assert.Equal((100, Forecasts.ByRegion), (leads["KZ-11"].MedianDays, leads["KZ-11"].Basis));
        Assert.Equal(Requests.Day(900), leads["KZ-11"].Date);
        // KZ-63: one of three on air (S = 2/3): no median of its own; the country's (5 at risk, S 0.8, 0.6, 0.4 at 700) is 700 days.
        Assert.Equal((700, Forecasts.ByCountry), (leads["KZ-63"].MedianDays, leads["KZ-63"].Basis));
    }

    [Fact]
    public void Stage_days_per_region_skip_a_skipped_stage_and_give_median_and_p90()
    {
        var stages = PermitStages.Default;
        var requests = Enumerable.Range(0, 10).Select(i => new PermitRequest($"r{i}", "kcell", "KZ-35", Requests.Day(0),
            LandAllotted: Requests.Day(10 * (i + 1)), DesignApproved: Requests.Day(10 * (i + 1) + 5))).ToList();
        var rows = StageDurations.Compute(requests, AsOf, stages);
        var land = rows.Single(r => r.Region == "KZ-35" && r.Stage == PermitStages.LandAllotted);
        Assert.Equal((10, 55.0, 91.0, 60), (land.N, land.Median, land.P90, land.SlaDays));
        var design = rows.Single(r => r.Region == "KZ-35" && r.Stage == PermitStages.DesignApproved);
        Assert.Equal((10, 5.0), (design.N, design.Median));
        Assert.DoesNotContain(rows, r => r.Stage == PermitStages.PowerConnected);
        Assert.Equal(10, rows.Single(r => r.Region == PermitGroups.Country && r.Stage == PermitStages.LandAllotted).N);
    }

    [Fact]
    public void Overdue_names_the_stage_its_holder_and_days_over_the_sla()
    {
        var stages = PermitStages.Default.With(PermitStages.PowerConnected, slaDays: 30, holder: "KEGOC");
        var requests = new List<PermitRequest>
        {
            new("waits-power", "kcell", "KZ-11", Requests.Day(0), LandAllotted: Requests.Day(300)),
            new("in-time", "kcell", "KZ-11", Requests.Day(380)),
            new("late-land", "beeline", "KZ-11", Requests.Day(100)),
            Requests.Make("on-air", "KZ-11", 0, 200),
            Requests.Make("future", "KZ-11", 500, null),
        };
        var overdue = Overdue.Compute(requests, AsOf, stages);
        Assert.Equal(["late-land", "waits-power"], overdue.Select(o => o.RequestId));
        var power = overdue.Single(o => o.RequestId == "waits-power");
        Assert.Equal((PermitStages.PowerConnected, "KEGOC", 100, 30, 70), (power.Stage, power.Holder, power.DaysWaiting, power.SlaDays, power.DaysOver));
    }

    [Fact]
    public void Funnel_counts_the_requests_that_reached_each_stage_by_the_as_of_date()
    {
        var requests = new List<PermitRequest>
        {
            new("a", "kcell", "KZ-11", Requests.Day(0), LandAllotted: Requests.Day(10), PowerConnected: Requests.Day(500)),
            new("b", "kcell", "KZ-11", Requests.Day(0), LandAllotted: Requests.Day(10), PowerConnected: Requests.Day(20), OnAir: Requests.Day(30)),
            new("c", "kcell", "KZ-11", Requests.Day(450)),
        };
        var funnel = Funnel.Compute(requests, AsOf, PermitStages.Default);
        Assert.Equal([2, 2, 1, 0, 0, 0, 1], funnel.Select(f => f.Reached));
        Assert.Equal("opened", funnel[0].Stage);
    }

    [Fact]
    public void Stage_settings_refuse_unknown_stages_and_silly_slas()
    {
        Assert.Equal(255, PermitStages.Default.TotalSlaDays);
        Assert.Equal("Zemlya", PermitStages.Default.With(PermitStages.LandAllotted, name: "Zemlya")[PermitStages.LandAllotted].Name);
        Assert.Throws<ArgumentException>(() => PermitStages.Default.With("lunch"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PermitStages.Default.With(PermitStages.Built, slaDays: 0));
    }
}

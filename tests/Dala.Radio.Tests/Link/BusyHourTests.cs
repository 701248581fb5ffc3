using Dala.Radio.Link;

namespace Dala.Radio.Tests.Link;

public class BusyHourTests
{
    [Fact]
    public void The_defaults_are_documented_numbers()
    {
        var a = BusyHourAssumptions.Default;
        Assert.Equal((0.7, 0.05, 100.0), (a.Penetration, a.BusyHourActiveShare, a.TargetMbps));
        Assert.Equal(double.PositiveInfinity, a.PeakUserRateMbps);
    }

    [Fact]
    public void A_village_of_1000_shares_a_saturated_lte_cell_among_35_active_users()
    {
        // 1000 x 0.7 = 700 subscribers; 700 x 0.05 = 35 active; 118.8 / 35 = 3.394 Mbit/s each.
        var r = BusyHourCheck.Evaluate(1000, 118.8);
        Assert.Equal(700, r.Subscribers, 1e-9);
        Assert.Equal(35, r.ActiveUsers, 1e-9);
        Assert.Equal(118.8 / 35, r.PerUserMbps, 1e-12);
        Assert.False(r.MeetsTarget);
    }

    [Fact]
    public void Fewer_than_one_active_user_still_counts_as_one()
    {
        // 20 x 0.7 = 14 subscribers, 0.7 active: the one user gets the whole cell.
        var r = BusyHourCheck.Evaluate(20, 118.8);
        Assert.Equal(0.7, r.ActiveUsers, 1e-12);
        Assert.Equal(118.8, r.PerUserMbps);
        Assert.True(r.MeetsTarget);
    }

    [Fact]
    public void An_nr_cell_serves_a_village_of_500_at_100_mbps_exactly_on_the_target()
    {
        // 500 x 0.7 x 0.05 = 17.5 active; 1750 / 17.5 = 100 Mbit/s: the target is met at equality.
        var r = BusyHourCheck.Evaluate(500, 1750);
        Assert.Equal(17.5, r.ActiveUsers, 1e-12);
        Assert.Equal(100.0, r.PerUserMbps, 1e-12);
        Assert.True(r.MeetsTarget);
        Assert.False(BusyHourCheck.Evaluate(501, 1750).MeetsTarget);
    }

    [Fact]
    public void The_peak_user_rate_caps_what_one_user_gets()
    {
        var capped = new BusyHourAssumptions { PeakUserRateMbps = 50 };
        var r = BusyHourCheck.Evaluate(20, 2000, capped);
        Assert.Equal(50, r.PerUserMbps);
        Assert.False(r.MeetsTarget);
        Assert.True(BusyHourCheck.Evaluate(20, 2000, capped with { TargetMbps = 50 }).MeetsTarget);
    }

    [Fact]
    public void Bad_assumptions_and_inputs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusyHourAssumptions { Penetration = 1.2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusyHourAssumptions { BusyHourActiveShare = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusyHourAssumptions { PeakUserRateMbps = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => BusyHourCheck.Evaluate(-1, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusyHourCheck.Evaluate(100, double.NaN));
    }
}

using Dala.Registry.Model;
using Dala.Registry.Status;

namespace Dala.Registry.Tests.Status;

public class StatusDerivationTests
{
    private static ConnectivityRecord R(string date, Technology t, string? op = "a", double? down = null) =>
        new("s1", t, op, down, null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "test", false);

    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void No_history_is_unknown_not_none()
    {
        var s = StatusDerivation.Of([], Today);
        Assert.Null(s.Technology);
        Assert.Equal("unknown", s.TechnologyName);
    }

    [Fact]
    public void Best_active_technology_wins_across_operators()
    {
        var s = StatusDerivation.Of([R("2015-01-01", Technology.ThreeG, "b", 4), R("2020-01-01", Technology.Fibre, "a", 100), R("2022-01-01", Technology.FourG, "b", 50)], Today);
        Assert.Equal(Technology.Fibre, s.Technology);
        Assert.Equal(100, s.MaxDownMbps);
        Assert.True(s.Meets100Mbps);
        Assert.Equal(new DateOnly(2022, 1, 1), s.AsOf);
        Assert.Equal(3, s.Active.Count);
    }

    [Fact]
    public void Later_record_of_the_same_operator_and_technology_supersedes_the_earlier()
    {
        var s = StatusDerivation.Of([R("2019-01-01", Technology.FourG, "b", 20), R("2023-01-01", Technology.FourG, "b", 60)], Today);
        Assert.Single(s.Active);
        Assert.Equal(60, s.MaxDownMbps);
    }

    [Fact]
    public void None_from_an_operator_ends_its_earlier_records_only()
    {
        var s = StatusDerivation.Of([R("2018-01-01", Technology.FourG, "b", 20), R("2019-01-01", Technology.ThreeG, "a", 4), R("2021-01-01", Technology.None, "b")], Today);
        Assert.Equal(Technology.ThreeG, s.Technology);
    }

    [Fact]
    public void None_without_operator_ends_everything_earlier_but_not_later_records()
    {
        var history = new[] { R("2018-01-01", Technology.FourG, "b", 20), R("2021-01-01", Technology.None, null), R("2024-01-01", Technology.Satellite, "c", 50) };
        Assert.Equal(Technology.None, StatusDerivation.Of(history, new DateOnly(2022, 1, 1)).Technology);
        Assert.Equal(Technology.Satellite, StatusDerivation.Of(history, Today).Technology);
    }

    [Fact]
    public void Records_after_the_date_are_ignored()
    {
        var history = new[] { R("2018-01-01", Technology.FourG, "b", 20), R("2025-06-01", Technology.Fibre, "a", 100) };
        Assert.Equal(Technology.FourG, StatusDerivation.Of(history, new DateOnly(2025, 5, 31)).Technology);
        Assert.Null(StatusDerivation.Of(history, new DateOnly(2017, 1, 1)).Technology);
    }

    [Fact]
    public void Fibre_without_advertised_speed_counts_as_100_capable_but_slow_fibre_does_not()
    {
        Assert.True(StatusDerivation.Of([R("2020-01-01", Technology.Fibre, "a")], Today).Meets100Mbps);
        Assert.False(StatusDerivation.Of([R("2020-01-01", Technology.Fibre, "a", 50)], Today).Meets100Mbps);
        Assert.True(StatusDerivation.Of([R("2020-01-01", Technology.FiveG, "a", 300)], Today).Meets100Mbps);
    }
}

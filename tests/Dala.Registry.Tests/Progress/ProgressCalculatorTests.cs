using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Store;

namespace Dala.Registry.Tests.Progress;

public class ProgressCalculatorTests
{
    private static Settlement S(string id, SettlementKind kind, int? pop, string region = "KZ-11") =>
        new(id, new Names(id), kind, pop is null ? Population.Unknown : new Population(pop, "test"), new LonLat(70, 50), region, null, "test");

    private static ConnectivityRecord C(string id, Technology t, string date, double? down = null) =>
        new(id, t, "op", down, null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "test", false);

    private static RegistryView View(DateOnly asOf) => new(new RegistrySnapshot(1,
        [new Region("KZ-11", new Names("Akmola"), null, "t"), new Region("KZ-15", new Names("Aktobe"), null, "t")],
        [S("a", SettlementKind.Village, 1000), S("b", SettlementKind.Village, 3000), S("c", SettlementKind.Hamlet, null, "KZ-15"),
         S("d", SettlementKind.Village, 500, "KZ-15"), S("town", SettlementKind.Town, 20000)],
        [new Operator("op", "Op")],
        [C("a", Technology.FourG, "2019-01-01", 20), C("a", Technology.Fibre, "2024-06-01", 100), C("b", Technology.FourG, "2020-01-01", 50),
         C("c", Technology.Satellite, "2022-01-01", 150), C("town", Technology.Fibre, "2015-01-01", 1000)],
        [], [], null, null), asOf);

    [Fact]
    public void Rural_scope_counts_villages_and_hamlets_with_population_shares()
    {
        var p = ProgressCalculator.Compute(View(new DateOnly(2026, 11, 21)), "rural", null, Target.Defaults);
        Assert.Equal(4, p.National.Settlements);
        Assert.Equal(4500, p.National.Population);
        Assert.Equal(3, p.National.PopulationKnown);
        Assert.Equal(1, p.National.Unknown);
        Assert.Equal(1, p.National.Fibre.Settlements);
        Assert.Equal(0.25, p.National.Fibre.Share, 12);
        Assert.Equal(1000.0 / 4500, p.National.Fibre.PopulationShare!.Value, 12);
        Assert.Equal(3, p.National.Broadband.Settlements);
        Assert.Equal(2, p.National.Mbps100.Settlements);
        Assert.Equal(["KZ-11", "KZ-15"], p.Regions.Select(r => r.Code));
        Assert.Equal(0.5, p.Regions[0].Figures.Fibre.Share, 12);
    }

    [Fact]
    public void All_scope_includes_towns_and_a_region_filter_narrows()
    {
        var view = View(new DateOnly(2026, 11, 21));
        Assert.Equal(5, ProgressCalculator.Compute(view, "all", null, Target.Defaults).National.Settlements);
        Assert.Equal(2, ProgressCalculator.Compute(view, "rural", "KZ-15", Target.Defaults).National.Settlements);
    }

    [Fact]
    public void Timeline_runs_month_by_month_and_ends_today_with_the_current_shares()
    {
        var p = ProgressCalculator.Compute(View(new DateOnly(2026, 11, 21)), "rural", null, Target.Defaults);
        Assert.Equal(new DateOnly(2019, 1, 31), p.Timeline[0].Date);
        Assert.Equal(new DateOnly(2026, 11, 21), p.Timeline[^1].Date);
        Assert.Equal(0.25, p.Timeline[0].Broadband, 12);
        Assert.Equal(p.National.Fibre.Share, p.Timeline[^1].Fibre, 12);
        var beforeFibre = p.Timeline.Single(t => t.Date == new DateOnly(2024, 5, 31));
        Assert.Equal(0, beforeFibre.Fibre);
    }

    [Fact]
    public void Targets_report_current_share_met_and_projection()
    {
        var p = ProgressCalculator.Compute(View(new DateOnly(2026, 11, 21)), "rural", null,
            [new Target("t", "half on broadband", "broadband", 0.5, new DateOnly(2027, 11, 21)), new Target("f", "all fibre", "fibre", 1, new DateOnly(2027, 11, 21))]);
        Assert.True(p.Targets[0].Met);
        Assert.Equal(0.75, p.Targets[0].Current, 12);
        Assert.False(p.Targets[1].Met);
        Assert.Equal(0.25, p.Targets[1].Projected!.Value, 2);
    }

    [Fact]
    public void Timeline_equals_deriving_every_settlement_on_every_date()
    {
        var rng = new Random(11);
        var techs = Enum.GetValues<Technology>();
        var settlements = Enumerable.Range(0, 300).Select(i => S("s" + i, i % 7 == 0 ? SettlementKind.Town : SettlementKind.Village, 100 + i)).ToArray();
        var records = settlements.SelectMany(s => Enumerable.Range(0, rng.Next(0, 6)).Select(_ =>
                new ConnectivityRecord(s.Id, techs[rng.Next(techs.Length)], rng.Next(3) == 0 ? null : "op" + rng.Next(3),
                    rng.Next(2) == 0 ? null : rng.Next(1, 300), null, new DateOnly(2015, 1, 1).AddDays(rng.Next(4300)), "t", false)))
            .DistinctBy(r => r.Key).ToArray();
        var asOf = new DateOnly(2026, 11, 21);
        var view = new RegistryView(new RegistrySnapshot(1, [new Region("KZ-11", new Names("A"), null, "t")], settlements, [], records, [], [], null, null), asOf);
        var p = ProgressCalculator.Compute(view, "rural", null, Target.Defaults);
        var rural = settlements.Where(s => s.Kind.IsRural()).ToArray();
        Assert.True(p.Timeline.Count > 100);
        foreach (var point in p.Timeline)
        {
            var st = rural.Select(s => Dala.Registry.Status.StatusDerivation.Of(view.Snapshot.HistoryOf(s.Id), point.Date)).ToArray();
            Assert.Equal(st.Count(x => x.OnFibre) / (double)rural.Length, point.Fibre, 12);
            Assert.Equal(st.Count(x => x.Broadband) / (double)rural.Length, point.Broadband, 12);
            Assert.Equal(st.Count(x => x.Meets100Mbps) / (double)rural.Length, point.Mbps100, 12);
        }
    }
}

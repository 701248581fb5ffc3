using Dala.Geo;
using Dala.Geo.Terrain;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Radio.Tests.Coverage;

public class CoverageEngineTests
{
    private static Site Omni(string id, LonLat at, double freq = 800, double eirp = 61, double mast = 30, double bw = 10) =>
        new(id, null, at, null, mast, null, [new Sector("A", 0, 0, freq, bw, eirp, "omni", Technology.FourG)], "test", false);

    private static CoverageEngine Engine(IReadOnlyList<Site> sites, string model = "freespace", ITerrain? terrain = null, double load = 0.5) =>
        new(sites, terrain, new CoverageSettings { Model = model, InterfererLoad = load }, new PatternLibrary());

    private static readonly LonLat Origin = new(70, 50);

    private static LonLat East(double km) => new(Origin.Lon + km / (111.19508 * Math.Cos(50 * Math.PI / 180)), Origin.Lat);

    [Fact]
    public void Rsrp_of_one_omni_site_in_free_space_equals_the_hand_computed_link_budget()
    {
        var place = East(10);
        var d = GeoMath.DistanceKm(Origin, place);
        var p = Engine([Omni("s", Origin)]).Predict(new CoverageTarget("x", place, 500, Clutter.Rural));
        // 10 MHz LTE: 50 resource blocks = 600 subcarriers; free-space loss 32.45 + 20 log f(MHz) + 20 log d(km).
        var expected = 61 - 10 * Math.Log10(600) - (32.45 + 20 * Math.Log10(800) + 20 * Math.Log10(d));
        Assert.Equal(expected, p.RsrpDbm!.Value, 2);
        Assert.Equal("s", p.SiteId);
        Assert.True(p.Covered);
        Assert.Equal(1, p.SitesInRange);
    }

    [Fact]
    public void The_nearer_site_serves_and_the_other_is_interference_at_the_load_factor()
    {
        var place = East(5);
        var engine = Engine([Omni("near", Origin), Omni("far", East(20))], load: 0.5);
        var p = engine.Predict(new CoverageTarget("x", place, 100, Clutter.Rural));
        Assert.Equal("near", p.SiteId);
        double Rx(double km) => 61 - (32.45 + 20 * Math.Log10(800) + 20 * Math.Log10(km)) - 10 * Math.Log10(600) + 10 * Math.Log10(600);
        var s = Rx(GeoMath.DistanceKm(Origin, place));
        var i = Rx(GeoMath.DistanceKm(East(20), place));
        var noise = -174 + 10 * Math.Log10(600 * 15_000.0) + 7;
        var sinr = s - 10 * Math.Log10(0.5 * Math.Pow(10, i / 10) + Math.Pow(10, noise / 10));
        Assert.Equal(sinr, p.SinrDb!.Value, 2);
        Assert.Equal(2, p.SitesInRange);
    }

    [Fact]
    public void Nothing_within_the_radius_is_no_service()
    {
        var p = Engine([Omni("s", Origin)]).Predict(new CoverageTarget("x", East(60), 100, Clutter.Rural));
        Assert.Equal(TargetPrediction.None("x"), p);
        Assert.True(double.IsNaN(Engine([Omni("s", Origin)]).BestRsrpDbm(East(60))));
    }

    [Fact]
    public void Behind_a_sector_is_weaker_than_in_front()
    {
        var site = new Site("s", null, Origin, null, 30, null, [new Sector("E", 90, 2, 800, 10, 61, "3gpp", Technology.FourG)], "t", false);
        var engine = Engine([site]);
        var front = engine.Predict(new CoverageTarget("f", East(5), null, Clutter.Rural)).RsrpDbm!.Value;
        var back = engine.Predict(new CoverageTarget("b", new LonLat(2 * Origin.Lon - East(5).Lon, Origin.Lat), null, Clutter.Rural)).RsrpDbm!.Value;
        Assert.True(front - back > 20, $"front {front:0.0} vs back {back:0.0}");
    }

    [Fact]
    public void A_sector_outside_the_models_frequency_range_stops_the_run_with_its_name()
    {
        var e = Assert.Throws<ArgumentException>(() => Engine([Omni("s1", Origin, freq: 3500)], model: "hata"));
        Assert.Contains("site s1 sector A: 3500 MHz is outside the hata model's range 150..1500 MHz", e.Message);
    }

    [Fact]
    public void A_ridge_between_site_and_place_costs_signal_against_flat_ground()
    {
        var place = East(15);
        var flat = new SyntheticTerrain(_ => 300.0);
        var ridgeLon = East(7.5).Lon;
        var ridge = new SyntheticTerrain(p => 300 + 250 * Math.Exp(-Math.Pow((p.Lon - ridgeLon) / 0.01, 2)));
        var t = new CoverageTarget("x", place, null, Clutter.Rural);
        var a = Engine([Omni("s", Origin)], "itm", flat).Predict(t);
        var b = Engine([Omni("s", Origin)], "itm", ridge).Predict(t);
        Assert.True(a.TerrainUsed && b.TerrainUsed);
        Assert.True(a.RsrpDbm - b.RsrpDbm > 10, $"flat {a.RsrpDbm:0.0} dBm, ridge {b.RsrpDbm:0.0} dBm");
    }

    [Fact]
    public void Without_terrain_itm_runs_in_area_mode()
    {
        var p = Engine([Omni("s", Origin)], "itm").Predict(new CoverageTarget("x", East(10), null, Clutter.Rural));
        Assert.False(p.TerrainUsed);
        Assert.InRange(p.RsrpDbm!.Value, -130, -60);
    }
}

using Dala.Geo;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Radio.Link;

namespace Dala.Radio.Tests.Calibration;

public class CalibrationPartsTests
{
    [Theory]
    [InlineData(-100.0, 5.0, -97.0)]
    [InlineData(-90.0, 12.0, -101.5)]
    public void The_link_chain_inverse_gives_back_the_rsrp_that_made_the_throughput(double rsrp, double sinr, double truth)
    {
        var carrier = Carrier.Lte(800, 10);
        var mbps = LinkChainInverse.MbpsAt(carrier, rsrp, sinr, truth);
        var (outcome, back) = LinkChainInverse.RsrpFor(carrier, rsrp, sinr, mbps);
        Assert.Equal(LinkChainInverse.Outcome.Ok, outcome);
        Assert.Equal(truth, back, 6);
    }

    [Fact]
    public void Throughput_at_saturation_or_below_the_floor_tells_no_rsrp()
    {
        var carrier = Carrier.Lte(800, 10);
        var (floor, top) = LinkChainInverse.Window(carrier);
        Assert.Equal(-10, floor, 3);   // TR 36.942 SINR_min
        Assert.Equal(22.0, top, 0);     // where alpha log2(1 + SINR) reaches 4.4 bit/s/Hz
        Assert.Equal(LinkChainInverse.Outcome.Saturated, LinkChainInverse.RsrpFor(carrier, -90, 0, CellThroughput.PeakDownlinkMbps(carrier, 30)).Outcome);
        Assert.Equal(LinkChainInverse.Outcome.BelowFloor, LinkChainInverse.RsrpFor(carrier, -90, 0, 0).Outcome);
        Assert.Equal(LinkChainInverse.Outcome.BelowFloor, LinkChainInverse.RsrpFor(carrier, -90, 0, CellThroughput.PeakDownlinkMbps(carrier, -9.99) / 2).Outcome);
    }

    [Fact]
    public void A_correction_lowers_the_engines_rsrp_by_offset_plus_slope_times_log_distance_for_its_group_only()
    {
        var sites = CalibrationFixture.Sites();
        var terms = new[] { new GroupTerms("op-a|rural", "op-a", "rural", 100, true, 5, 10, 0.1, 0.1, null) };
        var plain = CalibrationFixture.Predictor(sites);
        var corrected = CalibrationFixture.Predictor(sites, new ModelCorrection(1, CalibrationGrouping.OperatorClutter, terms));
        var at = SyntheticTruth.Offset(sites[0].Location, 45, 6);
        var p = plain.Predict("op-a", Registry.Model.Technology.FourG, at, Clutter.Rural, null)!;
        var c = corrected.Predict("op-a", Registry.Model.Technology.FourG, at, Clutter.Rural, null)!;
        Assert.Equal(p.Prediction.RsrpDbm!.Value - 5 - 10 * Math.Log10(p.DistanceKm), c.Prediction.RsrpDbm!.Value, 6);
        var s = plain.Predict("op-a", Registry.Model.Technology.FourG, at, Clutter.Suburban, null)!;
        var cs = corrected.Predict("op-a", Registry.Model.Technology.FourG, at, Clutter.Suburban, null)!;
        Assert.Equal(s.Prediction.RsrpDbm, cs.Prediction.RsrpDbm);
        Assert.Contains("calibration=1 (operator-clutter)", corrected.Settings.Describe(false), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_tests_and_seed_give_the_same_calibration_and_small_groups_get_no_terms()
    {
        var sites = CalibrationFixture.Sites();
        var predictor = CalibrationFixture.Predictor(sites);
        var tests = new SyntheticTruth(3, MaxKm: 19, Seed: 5).Generate(sites, predictor, 400, CalibrationFixture.End, (_, _) => (6, 0));
        var one = Calibrator.Run(tests, predictor, new CalibrationOptions(Seed: 3, MinSamples: 150));
        var two = Calibrator.Run(tests.Reverse(), predictor, new CalibrationOptions(Seed: 3, MinSamples: 150));
        Assert.Equal(one.Terms, two.Terms);
        Assert.Equal(one.Metrics, two.Metrics);
        Assert.Contains(one.Terms, t => t.Fitted);
        var small = Calibrator.Run(tests.Take(100), predictor, new CalibrationOptions(Seed: 3, MinSamples: 150));
        Assert.All(small.Terms, t => Assert.False(t.Fitted));
        Assert.All(small.Terms, t => Assert.StartsWith("not fit:", t.Note, StringComparison.Ordinal));
        Assert.Equal(small.Overall.RmseBeforeDb, small.Overall.RmseAfterDb);
    }

    [Fact]
    public void Tests_that_cannot_be_joined_are_counted_and_none_at_all_is_refused()
    {
        var sites = CalibrationFixture.Sites();
        var predictor = CalibrationFixture.Predictor(sites);
        var t0 = CalibrationFixture.End;
        CalibrationTest T(string id, LonLat? at, Registry.Model.Technology? tech) => new(id, t0, at, "op-a", tech, null, null, Clutter.Rural, 10, null, false);
        var tests = new[] { T("fibre", new LonLat(70, 50), Registry.Model.Technology.Fibre), T("nowhere", null, Registry.Model.Technology.FourG),
            T("far", new LonLat(60, 40), Registry.Model.Technology.FourG) };
        var e = Assert.Throws<CalibrationException>(() => Calibrator.Run(tests, predictor, new CalibrationOptions()));
        Assert.Contains("3 tests: 1 not 4G/5G or without operator or download, 1 unlocated, 1 without an operator sector in range", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Calibrator.Run(tests, predictor, new CalibrationOptions(Folds: 1)));
    }
}

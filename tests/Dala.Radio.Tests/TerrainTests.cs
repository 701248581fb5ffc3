using Dala.Geo;
using Dala.Geo.Terrain;
using Dala.Radio.Itm;
using Dala.Testing;

namespace Dala.Radio.Tests;

public class TerrainTests(ITestOutputHelper output)
{
    [Fact]
    public void A_ridge_between_the_terminals_adds_loss()
    {
        var flat = IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat()));
        var ridge = IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Ridge()));
        output.WriteLine($"flat {flat.BasicTransmissionLossDb:0.00} dB {flat.Mode}; ridge {ridge.BasicTransmissionLossDb:0.00} dB {ridge.Mode}");

        Assert.True(ridge.BasicTransmissionLossDb > flat.BasicTransmissionLossDb + 10, "the ridge should cost well over 10 dB");
        Assert.True(ridge.Details.TerrainIrregularityM > flat.Details.TerrainIrregularityM);
        Assert.Equal(10_000, ridge.Details.HorizonDistanceM.Tx, 1e-6); // the ridge is both terminals' horizon
        Assert.Equal(10_000, ridge.Details.HorizonDistanceM.Rx, 1e-6);
        Assert.True(flat.Details.HorizonDistanceM.Tx + flat.Details.HorizonDistanceM.Rx > 30_000, "without the ridge the horizons lie beyond the path");
    }

    [Fact]
    public void A_ridge_in_generated_hgt_tiles_adds_loss_against_the_flat_tiles()
    {
        // Two SYNTHETIC 3" tiles (N50E070): a plain at 300 m, and the same plain with a 150 m ridge running north-south
        // across the middle of a 20 km east-west path. Profiles come through the tile reader, its cache and the
        // bilinear interpolation, as in a coverage run.
        using var dir = new TempDir();
        var area = new BBox(70, 50, 71, 51);
        var from = new LonLat(70.10, 50.5);
        var to = new LonLat(70.38, 50.5);
        SyntheticDem.WriteTiles(Path.Combine(dir.Path, "flat"), area, HgtResolution.ThreeArcSecond, new SyntheticTerrain(_ => 300.0));
        SyntheticDem.WriteTiles(Path.Combine(dir.Path, "ridge"), area, HgtResolution.ThreeArcSecond,
            SyntheticDem.PlainWithRidge(300, new LonLat(70.24, 50.3), new LonLat(70.24, 50.7), 150, 0.7));

        ItmResult Loss(string folder)
        {
            var profile = new HgtTerrain(Path.Combine(dir.Path, folder)).Profile(from, to, 90);
            Assert.True(profile.Covered);
            return IrregularTerrainModel.PointToPoint(Paths.Link(new TerrainProfile(profile.StepM, profile.HeightsM)));
        }

        var flat = Loss("flat");
        var ridge = Loss("ridge");
        output.WriteLine($"flat {flat.BasicTransmissionLossDb:0.00} dB; ridge {ridge.BasicTransmissionLossDb:0.00} dB");
        Assert.Equal(0.0, flat.Details.TerrainIrregularityM, 1e-6);
        Assert.True(ridge.BasicTransmissionLossDb > flat.BasicTransmissionLossDb + 10, "the ridge should cost well over 10 dB");
        Assert.InRange(ridge.Details.HorizonDistanceM.Tx, 9_000, 11_000); // the ridge, half way, is the horizon
    }

    [Fact]
    public void The_mode_is_itms_region_so_a_path_past_the_smooth_earth_horizon_is_diffraction()
    {
        // ITM names the region by distance against the smooth-earth line of sight of the effective heights, not by
        // whether terrain blocks the ray: the 20 km ridge path above is still "line of sight". Past ~36 km it is not.
        var far = IrregularTerrainModel.PointToPoint(Paths.Link(TerrainProfile.Sample(60_000, 600, x => 300.0 + 150.0 * Math.Exp(-Math.Pow((x - 30_000) / 700.0, 2)))));
        Assert.Equal(PropagationMode.Diffraction, far.Mode);
        Assert.Equal(PropagationMode.LineOfSight, IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat())).Mode);
    }

    [Fact]
    public void Over_flat_ground_the_loss_is_near_free_space_and_grows_with_frequency()
    {
        var uhf = IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat(), frequencyMHz: 900));
        var shf = IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat(), frequencyMHz: 3500));
        Assert.Equal(0.0, uhf.Details.TerrainIrregularityM);
        Assert.InRange(uhf.BasicTransmissionLossDb - uhf.Details.FreeSpaceLossDb, -10, 30);
        Assert.True(shf.BasicTransmissionLossDb > uhf.BasicTransmissionLossDb);
    }

    [Fact]
    public void Ntia_area_example_and_its_intermediate_values()
    {
        // NTIA's command-line example o_areatls.txt (printed to 0.1 dB, 1 mrad/1000, 1 m).
        var input = new ItmAreaInput(10, 20, 15, 3, SitingCriteria.Random, SitingCriteria.Random, 3500,
            new ItmEnvironment(RadioClimate.ContinentalTemperate, 301, new GroundConstants(15, 0.005), Polarization.Vertical),
            ItmVariability.FromMdvar(1, 50, 50, 50));
        var r = IrregularTerrainModel.Area(input);
        Assert.Equal(134.5, r.BasicTransmissionLossDb, 0.05);
        Assert.Equal(123.3, r.Details.FreeSpaceLossDb, 0.05);
        Assert.Equal(11.2, r.Details.ReferenceAttenuationDb, 0.05);
        Assert.Equal(-1.811e-3, r.Details.HorizonAngleRad.Tx, 0.0005e-3);
        Assert.Equal(-0.567e-3, r.Details.HorizonAngleRad.Rx, 0.0005e-3);
        Assert.Equal(14722, r.Details.HorizonDistanceM.Tx, 0.5);
        Assert.Equal(6206, r.Details.HorizonDistanceM.Rx, 0.5);
        Assert.Equal(PropagationMode.LineOfSight, r.Mode);
        Assert.Equal(ItmWarnings.None, r.Warnings);
    }

    [Fact]
    public void Pfl_round_trips_and_a_wrong_count_is_refused()
    {
        var profile = TerrainProfile.FromPfl([3, 100, 1, 2, 3, 4]);
        Assert.Equal((3, 300.0), (profile.Intervals, profile.DistanceM));
        Assert.Equal([3, 100, 1, 2, 3, 4], profile.ToPfl());
        Assert.Throws<ArgumentException>(() => TerrainProfile.FromPfl([4, 100, 1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => TerrainProfile.FromPfl([2.5, 100, 1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TerrainProfile(0, new double[] { 1, 2 }));
        Assert.Throws<ArgumentException>(() => new TerrainProfile(10, new double[] { 1, double.NaN }));
    }

    [Fact]
    public void The_shortest_profiles_give_a_number_with_warnings_not_a_silent_nan()
    {
        foreach (var profile in new[] { new TerrainProfile(500, new double[] { 100, 100 }), TerrainProfile.FromPfl([2, 10, 100, 130, 100]) })
        {
            var r = IrregularTerrainModel.PointToPoint(Paths.Link(profile));
            Assert.True(double.IsFinite(r.BasicTransmissionLossDb));
            Assert.True(r.Warnings.HasFlag(ItmWarnings.PathDistanceTooSmall2));
        }
    }
}

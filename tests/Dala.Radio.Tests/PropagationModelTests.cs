using Dala.Radio.Itm;

namespace Dala.Radio.Tests;

public class PropagationModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Itm_behind_the_interface_gives_the_point_to_point_answer_for_a_profile()
    {
        IPropagationModel model = new ItmPropagationModel(Paths.Steppe, Paths.Median);
        var profile = Paths.Ridge();
        var viaInterface = model.PathLoss(PathLossRequest.OverTerrain(profile, 900, 30, 10));
        var direct = IrregularTerrainModel.PointToPoint(Paths.Link(profile));
        Assert.Equal(direct.BasicTransmissionLossDb, viaInterface.LossDb);
        Assert.Equal(direct.Mode, viaInterface.Mode);
    }

    [Fact]
    public void Without_a_profile_itm_uses_area_mode_when_told_the_terrain_and_refuses_otherwise()
    {
        var request = new PathLossRequest(900, 20, 30, 10);
        var area = new ItmPropagationModel(Paths.Steppe, Paths.Median, new ItmAreaTerrain(90)).PathLoss(request);
        Assert.Equal(IrregularTerrainModel.Area(Paths.Area()).BasicTransmissionLossDb, area.LossDb);
        Assert.Throws<ArgumentException>(() => new ItmPropagationModel(Paths.Steppe, Paths.Median).PathLoss(request));
    }

    [Fact]
    public void A_request_whose_distance_disagrees_with_its_profile_is_refused()
    {
        var request = new PathLossRequest(900, 25, 30, 10) { Terrain = Paths.Flat() };
        Assert.Throws<ArgumentException>(() => new ItmPropagationModel(Paths.Steppe, Paths.Median).PathLoss(request));
    }

    [Fact]
    public void Free_space_behind_the_interface()
    {
        var r = new FreeSpaceModel().PathLoss(new PathLossRequest(1000, 10, 30, 10));
        Assert.Equal(32.45 + 60 + 20, r.LossDb, 1e-9);
        Assert.True(IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat())).Details.FreeSpaceLossDb > 0);
    }

    [Fact]
    public void A_500_point_profile_evaluates_with_few_allocations()
    {
        // Speed is measured in bench/ (ItmBenchmarks), not asserted here; allocation is deterministic.
        var input = Paths.Link(Paths.Ridge(intervals: 499));
        IrregularTerrainModel.PointToPoint(input); // JIT

        var before = GC.GetAllocatedBytesForCurrentThread();
        IrregularTerrainModel.PointToPoint(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{allocated} bytes per evaluation");

        Assert.True(allocated < 1024, $"{allocated} bytes allocated: only the result records should be");
    }
}

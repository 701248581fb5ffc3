using Dala.Radio.Itm;
using Dala.Radio.Itm.Reference;

namespace Dala.Radio.Tests;

/// <summary>A point-to-point call allocates nothing: its answer is a struct and its scratch lives on the stack.</summary>
public class ItmAllocationTests
{
    [Fact]
    public void Point_to_point_calls_allocate_nothing_per_call_once_warm()
    {
        var cases = ItmGeneratedCases.PointToPoint(ItmGoldenTests.Seed, 40);
        var sink = 0.0;
        foreach (var c in cases) sink += IrregularTerrainModel.PointToPoint(c).BasicTransmissionLossDb; // first calls JIT-compile

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 25; round++)
        {
            foreach (var c in cases) sink += IrregularTerrainModel.PointToPoint(c).BasicTransmissionLossDb;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(double.IsFinite(sink));
        // Under one byte a call (1,000 calls): the runtime's own one-off allocations (tiering) may land here; a
        // result record per call (before: two, 144 bytes) would not fit.
        Assert.InRange(allocated, 0, 25 * cases.Count - 1);
    }
}

using Dala.Geo;
using Dala.Geo.Raster;

namespace Dala.Radio.Coverage;

/// <summary>Best RSRP over an area, one value per cell centre (NaN where no site is within range).</summary>
public static class CoverageRaster
{
    public const float NoData = -9999f;
    public const int MaxCells = 4_000_000;

    public static RasterGrid Compute(BBox area, double cellDeg, Func<LonLat, double> bestRsrpDbm, IProgress<int>? rowsDone = null)
    {
        var width = (int)Math.Ceiling((area.East - area.West) / cellDeg);
        var height = (int)Math.Ceiling((area.North - area.South) / cellDeg);
        if (width < 1 || height < 1) throw new ArgumentException("the raster area is empty");
        if ((long)width * height > MaxCells)
            throw new ArgumentException($"{width} x {height} cells is more than {MaxCells:N0}: use a coarser resolution or a smaller area");
        var spec = new GridSpec(area.West, area.North, cellDeg, cellDeg, width, height);
        var values = new float[width * height];
        var done = 0;
        Parallel.For(0, height, row =>
        {
            for (var col = 0; col < width; col++)
            {
                var v = bestRsrpDbm(spec.CellCentre(col, row));
                values[spec.Index(col, row)] = double.IsNaN(v) ? NoData : (float)v;
            }
            rowsDone?.Report(Interlocked.Increment(ref done));
        });
        return new RasterGrid(spec, NoData, values);
    }
}

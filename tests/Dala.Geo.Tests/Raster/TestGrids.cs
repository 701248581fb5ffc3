using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

/// <summary>Small grids with awkward sizes, fractional values and NoData cells.</summary>
internal static class TestGrids
{
    public const float NoData = -9999f;

    /// <summary>7×5 cells of 0.25° × 0.125° from 51.5°E, 43.75°N; cells (2, 1), (6, 4) NoData and (0, 3) NaN.</summary>
    public static RasterGrid Float7x5()
    {
        var spec = new GridSpec(51.5, 43.75, 0.25, 0.125, 7, 5);
        var values = new float[35];
        for (var i = 0; i < values.Length; i++) values[i] = -120.5f + i * 1.375f;
        values[spec.Index(2, 1)] = NoData;
        values[spec.Index(6, 4)] = NoData;
        values[spec.Index(0, 3)] = float.NaN;
        return new RasterGrid(spec, NoData, values);
    }

    /// <summary>7×5 whole numbers 0..254 with NoData 255 at (3, 2).</summary>
    public static RasterGrid Byte7x5()
    {
        var spec = new GridSpec(76.75, 43.5, 0.01, 0.01, 7, 5);
        var values = new float[35];
        for (var i = 0; i < values.Length; i++) values[i] = i * 7 % 255;
        values[spec.Index(3, 2)] = 255;
        return new RasterGrid(spec, 255, values);
    }
}

namespace Dala.Geo.Raster;

/// <summary>
/// Summary of the cells that have a value (NoData and NaN skipped), as GDAL reports it: population standard
/// deviation. All NaN and <see cref="ValidCount"/> 0 when no cell has a value.
/// </summary>
public readonly record struct RasterStatistics(double Minimum, double Maximum, double Mean, double StdDev, int ValidCount)
{
    public static RasterStatistics Of(ReadOnlySpan<float> values, float noData)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v) || v == noData) continue;
            min = Math.Min(min, v); max = Math.Max(max, v); sum += v; n++;
        }
        if (n == 0) return new RasterStatistics(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        var mean = sum / n;
        double squares = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v) || v == noData) continue;
            squares += (v - mean) * (v - mean);
        }
        return new RasterStatistics(min, max, mean, Math.Sqrt(squares / n), n);
    }
}

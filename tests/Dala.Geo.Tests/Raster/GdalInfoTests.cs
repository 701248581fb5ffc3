using System.Globalization;
using System.Text.Json;
using Dala.Geo.Raster;
using Dala.Testing;

namespace Dala.Geo.Tests.Raster;

/// <summary>GDAL, the reference reader, must see exactly what we meant to write, without a warning.</summary>
public class GdalInfoTests
{
    [GdalInfoFact]
    public void Float32_file_reads_in_GDAL_with_our_size_CRS_transform_NoData_statistics_and_labels()
    {
        var grid = TestGrids.Float7x5();
        var options = new GeoTiffOptions
        {
            Description = "RSRP & \"margin\" <dBm> — Ақтау",
            Unit = "dBm",
            Metadata = new Dictionary<string, string> { ["DALA_DATA"] = "SYNTHETIC" },
            RowsPerStrip = 2,
        };
        var (r, band) = Run(grid, options);

        Assert.Equal("Float32", band.GetProperty("type").GetString());
        Assert.Equal(-9999.0, band.GetProperty("noDataValue").GetDouble());
        AssertStatistics(grid, band);
        Assert.Equal(options.Description, band.GetProperty("description").GetString());
        Assert.Equal("dBm", band.GetProperty("unit").GetString());
        var metadata = r.GetProperty("metadata").GetProperty("");
        Assert.Equal("SYNTHETIC", metadata.GetProperty("DALA_DATA").GetString());
        Assert.Equal("Area", metadata.GetProperty("AREA_OR_POINT").GetString());
    }

    [GdalInfoFact]
    public void Uint8_file_reads_in_GDAL_as_Byte_with_NoData_255()
    {
        var grid = TestGrids.Byte7x5();
        var (_, band) = Run(grid, new GeoTiffOptions { SampleType = GeoTiffSampleType.UInt8, RowsPerStrip = 3 });
        Assert.Equal("Byte", band.GetProperty("type").GetString());
        Assert.Equal(255.0, band.GetProperty("noDataValue").GetDouble());
        AssertStatistics(grid, band);
    }

    [GdalInfoFact]
    public void NaN_NoData_reads_in_GDAL_as_NaN()
    {
        var grid = new RasterGrid(new GridSpec(-180, 90, 120, 180, 3, 1), float.NaN, [1.5f, float.NaN, -0.25f]);
        var (_, band) = Run(grid, null);
        Assert.Equal("NaN", band.GetProperty("noDataValue").GetString());
        AssertStatistics(grid, band);
    }

    private static (JsonElement Report, JsonElement Band) Run(RasterGrid grid, GeoTiffOptions? options)
    {
        using var dir = new TempDir();
        var path = dir.File("grid.tif");
        GeoTiffWriter.WriteFile(grid, path, options);
        var (r, stderr) = GdalInfo.JsonWithStats(path);
        Assert.Equal("", stderr.Trim()); // any libtiff or GDAL warning means a malformed file

        var s = grid.Spec;
        Assert.Equal([s.Width, s.Height], r.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
        var wkt = r.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        Assert.StartsWith("GEOGCRS[\"WGS 84\"", wkt, StringComparison.Ordinal);
        Assert.EndsWith("ID[\"EPSG\",4326]]", wkt, StringComparison.Ordinal);
        Assert.Equal([s.West, s.CellWidth, 0, s.North, 0, -s.CellHeight],
            r.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()));
        var bands = r.GetProperty("bands");
        Assert.Equal(1, bands.GetArrayLength());
        return (r, bands[0]);
    }

    /// <summary>Compares with GDAL's full-precision STATISTICS_* items (the top-level numbers are rounded).</summary>
    private static void AssertStatistics(RasterGrid grid, JsonElement band)
    {
        var expected = grid.Statistics();
        var items = band.GetProperty("metadata").GetProperty("");
        double Item(string name) => double.Parse(items.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(expected.Minimum, Item("STATISTICS_MINIMUM"), 9);
        Assert.Equal(expected.Maximum, Item("STATISTICS_MAXIMUM"), 9);
        Assert.Equal(expected.Mean, Item("STATISTICS_MEAN"), 9);
        Assert.Equal(expected.StdDev, Item("STATISTICS_STDDEV"), 9);
        Assert.Equal(100.0 * expected.ValidCount / grid.Spec.CellCount, Item("STATISTICS_VALID_PERCENT"), 2);
    }
}

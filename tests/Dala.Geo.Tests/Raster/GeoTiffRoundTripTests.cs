using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class GeoTiffRoundTripTests
{
    internal static byte[] Tiff(RasterGrid grid, GeoTiffOptions? options = null)
    {
        using var ms = new MemoryStream();
        GeoTiffWriter.Write(grid, ms, options);
        return ms.ToArray();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(2)]
    public void Float32_values_geometry_and_NoData_survive_a_round_trip(int? rowsPerStrip)
    {
        var grid = TestGrids.Float7x5();
        var image = TiffReader.Read(Tiff(grid, new GeoTiffOptions { RowsPerStrip = rowsPerStrip }));

        Assert.Equal((7, 5, 32, 3), (image.Width, image.Height, image.BitsPerSample, image.SampleFormat));
        Assert.Equal(grid.Spec, image.Spec());
        Assert.Equal("-9999", image.NoDataText);
        var back = image.ToGrid();
        Assert.Equal(grid.NoData, back.NoData);
        for (var i = 0; i < 35; i++)
        {
            // NaN cells are NoData, and are written as the NoData value so every reader agrees.
            var expected = grid.IsNoData(grid.Values[i]) ? grid.NoData : grid.Values[i];
            Assert.Equal(expected, back.Values[i]);
        }
        Assert.Equal(rowsPerStrip is null ? 1 : (5 + rowsPerStrip.Value - 1) / rowsPerStrip.Value, image.Strips.Count);
    }

    [Fact]
    public void Uint8_round_trips_with_NoData_255()
    {
        var grid = TestGrids.Byte7x5();
        var image = TiffReader.Read(Tiff(grid, new GeoTiffOptions { SampleType = GeoTiffSampleType.UInt8, RowsPerStrip = 3 }));
        Assert.Equal((8, 1), (image.BitsPerSample, image.SampleFormat));
        Assert.Equal("255", image.NoDataText);
        Assert.Equal(grid.Values.ToArray(), image.Samples);
        Assert.Equal([(long)21, 14], image.Strips.Select(s => s.Length));
    }

    [Fact]
    public void NaN_NoData_is_written_as_nan_and_read_back()
    {
        var spec = new GridSpec(0, 1, 1, 1, 3, 1);
        var image = TiffReader.Read(Tiff(new RasterGrid(spec, float.NaN, [1.5f, float.NaN, -0.25f])));
        Assert.Equal("nan", image.NoDataText);
        var back = image.ToGrid();
        Assert.True(float.IsNaN(back.NoData));
        Assert.Equal([1.5f, float.NaN, -0.25f], back.Values.ToArray());
    }

    [Fact]
    public void Uint8_refuses_values_it_cannot_hold()
    {
        var spec = new GridSpec(0, 1, 1, 1, 3, 1);
        var options = new GeoTiffOptions { SampleType = GeoTiffSampleType.UInt8 };
        var e = Assert.Throws<ArgumentException>(() => Tiff(new RasterGrid(spec, 0, [1, 2.5f, 3]), options));
        Assert.Contains("cell (1, 0) is 2.5", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Tiff(new RasterGrid(spec, -9999, [1, 2, 3]), options));
        Assert.Contains("NoData in 0..255", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_replaces_the_file_and_leaves_no_temporary_behind()
    {
        using var dir = new Dala.Testing.TempDir();
        var path = dir.File("rsrp.tif");
        File.WriteAllText(path, "old");
        GeoTiffWriter.WriteFile(TestGrids.Float7x5(), path);
        Assert.Equal(7, TiffReader.ReadFile(path).Width);
        Assert.Equal(["rsrp.tif"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_one_cell_grid_is_a_valid_file()
    {
        var image = TiffReader.Read(Tiff(new RasterGrid(new GridSpec(-180, 90, 360, 180, 1, 1), -1, [42f])));
        Assert.Equal([42f], image.Samples);
        Assert.Equal(new BBox(-180, -90, 180, 90), image.Spec().Bounds);
    }
}

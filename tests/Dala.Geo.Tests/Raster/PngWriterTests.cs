using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class PngWriterTests
{
    private static byte[] Png(int width, int height, byte[] rgba)
    {
        using var ms = new MemoryStream();
        PngWriter.Write(ms, width, height, rgba);
        return ms.ToArray();
    }

    [Fact]
    public void Pixels_IHDR_and_every_CRC_survive_a_decode()
    {
        var rgba = new byte[7 * 5 * 4];
        for (var i = 0; i < rgba.Length; i++) rgba[i] = (byte)(i * 37 % 256);
        var png = PngTestDecoder.Decode(Png(7, 5, rgba));
        Assert.Equal((7, 5), (png.Width, png.Height));
        Assert.Equal(rgba, png.Rgba);
        Assert.Equal(["IHDR", "IDAT", "IEND"], png.Chunks.Select(c => c.Type));
        Assert.Equal(0xAE426082u, png.Chunks[^1].Crc);
    }

    [Fact]
    public void Large_images_split_IDAT_and_still_decode()
    {
        var rgba = new byte[1024 * 1024 * 4];
        new Random(7).NextBytes(rgba); // incompressible: more than one 1 MiB IDAT
        var png = PngTestDecoder.Decode(Png(1024, 1024, rgba));
        Assert.True(png.Chunks.Count(c => c.Type == "IDAT") > 1);
        Assert.Equal(rgba, png.Rgba);
    }

    [Fact]
    public void Wrong_buffer_length_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Png(2, 2, new byte[15]));
        Assert.Contains("expected 16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rendered_grid_is_north_up_with_transparent_NoData()
    {
        var grid = TestGrids.Float7x5();
        using var ms = new MemoryStream();
        RasterPng.Write(grid, ColourRamp.Rsrp, ms);
        var png = PngTestDecoder.Decode(ms.ToArray());
        Assert.Equal((7, 5), (png.Width, png.Height));
        Rgba At(int col, int row)
        {
            var i = (row * 7 + col) * 4;
            return new Rgba(png.Rgba[i], png.Rgba[i + 1], png.Rgba[i + 2], png.Rgba[i + 3]);
        }
        Assert.Equal(Rgba.Transparent, At(2, 1));  // NoData
        Assert.Equal(Rgba.Transparent, At(0, 3));  // NaN
        Assert.Equal(Rgba.Transparent, At(6, 4));
        Assert.Equal(ColourRamp.Rsrp.ColourOf(-120.5), At(0, 0)); // top-left pixel = north-west cell
        Assert.Equal(ColourRamp.Rsrp.ColourOf(grid[5, 4]), At(5, 4));
        Assert.Equal(255, At(5, 4).A);
    }
}

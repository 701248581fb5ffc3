namespace Dala.Geo.Raster;

/// <summary>Renders a grid through a colour ramp to RGBA pixels (row 0 = north = top), NoData transparent.</summary>
public static class RasterPng
{
    /// <summary>The raw RGBA pixels (4 bytes a cell), not a PNG file: <see cref="Write"/> encodes them.</summary>
    public static byte[] RenderRgba(RasterGrid grid, ColourRamp ramp)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(ramp);
        var values = grid.Values;
        var rgba = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            var c = grid.IsNoData(values[i]) ? Rgba.Transparent : ramp.ColourOf(values[i]);
            rgba[i * 4] = c.R; rgba[i * 4 + 1] = c.G; rgba[i * 4 + 2] = c.B; rgba[i * 4 + 3] = c.A;
        }
        return rgba;
    }

    public static void Write(RasterGrid grid, ColourRamp ramp, Stream output) =>
        PngWriter.Write(output, grid.Width, grid.Height, RenderRgba(grid, ramp));
}

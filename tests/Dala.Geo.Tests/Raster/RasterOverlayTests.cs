using System.Text.Json;
using Dala.Geo.Raster;
using Dala.Testing;

namespace Dala.Geo.Tests.Raster;

public class RasterOverlayTests
{
    [Fact]
    public void World_file_gives_cell_size_and_the_centre_of_the_top_left_pixel()
    {
        var text = WorldFile.Format(new GridSpec(51.5, 43.75, 0.25, 0.125, 7, 5));
        Assert.Equal("0.25\n0\n0\n-0.125\n51.625\n43.6875\n", text);
    }

    [Theory]
    [InlineData("/x/rsrp.png", "/x/rsrp.pgw")]
    [InlineData("/x/rsrp.tif", "/x/rsrp.tfw")]
    [InlineData("/x/a.b.jpeg", "/x/a.b.jgw")]
    public void World_file_names_follow_the_ESRI_convention(string image, string world) =>
        Assert.Equal(world, WorldFile.PathFor(image));

    [Fact]
    public void Overlay_writes_png_world_file_and_a_descriptor_with_bounds_legend_and_labels()
    {
        using var dir = new TempDir();
        var grid = TestGrids.Float7x5();
        var files = RasterOverlay.Write(grid, ColourRamp.Rsrp, ColourRamp.Rsrp.Legend("RSRP", "dBm"), dir.File("rsrp.png"),
            new Dictionary<string, string> { ["data"] = "SYNTHETIC" });

        Assert.Equal(dir.File("rsrp.pgw"), files.WorldFilePath);
        Assert.Equal(dir.File("rsrp.overlay.json"), files.DescriptorPath);
        var png = PngTestDecoder.Decode(File.ReadAllBytes(files.PngPath));
        Assert.Equal((7, 5), (png.Width, png.Height));
        Assert.Equal(WorldFile.Format(grid.Spec), File.ReadAllText(files.WorldFilePath));

        using var doc = JsonDocument.Parse(File.ReadAllBytes(files.DescriptorPath));
        var d = doc.RootElement;
        Assert.Equal("rsrp.png", d.GetProperty("image").GetString());
        Assert.Equal("EPSG:4326", d.GetProperty("crs").GetString());
        var b = d.GetProperty("bounds");
        Assert.Equal(new BBox(51.5, 43.125, 53.25, 43.75),
            new BBox(b.GetProperty("west").GetDouble(), b.GetProperty("south").GetDouble(),
                b.GetProperty("east").GetDouble(), b.GetProperty("north").GetDouble()));
        var stops = d.GetProperty("legend").GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal([-120.0, -95, -70], stops.Select(s => s.GetProperty("value").GetDouble()));
        Assert.Equal("#ffff00", stops[1].GetProperty("colour").GetString());
        Assert.Equal("dBm", d.GetProperty("legend").GetProperty("unit").GetString());
        Assert.Equal("SYNTHETIC", d.GetProperty("metadata").GetProperty("data").GetString());
    }
}

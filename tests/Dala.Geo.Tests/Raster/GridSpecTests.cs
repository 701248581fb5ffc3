using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class GridSpecTests
{
    private static readonly GridSpec Spec = new(50, 55, 0.5, 0.25, 4, 3);

    [Fact]
    public void Edges_and_bounds_follow_from_the_north_west_corner()
    {
        Assert.Equal(52, Spec.East);
        Assert.Equal(54.25, Spec.South);
        Assert.Equal(new BBox(50, 54.25, 52, 55), Spec.Bounds);
        Assert.Equal(12, Spec.CellCount);
    }

    [Fact]
    public void Cell_centres_count_rows_from_the_north()
    {
        Assert.Equal(new LonLat(50.25, 54.875), Spec.CellCentre(0, 0));
        Assert.Equal(new LonLat(51.75, 54.375), Spec.CellCentre(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spec.CellCentre(4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spec.CellCentre(0, -1));
    }

    [Theory]
    [InlineData(50.25, 54.875, 0, 0)]
    [InlineData(50.0, 55.0, 0, 0)]       // north-west corner
    [InlineData(50.5, 54.75, 1, 1)]      // inner edges go east / south
    [InlineData(52.0, 54.25, 3, 2)]      // south-east corner stays in the grid
    [InlineData(51.99, 54.26, 3, 2)]
    public void A_point_maps_to_the_cell_containing_it(double lon, double lat, int col, int row)
    {
        Assert.True(Spec.TryGetCell(new LonLat(lon, lat), out var c, out var r));
        Assert.Equal((col, row), (c, r));
    }

    [Fact]
    public void Every_centre_maps_back_to_its_own_cell()
    {
        for (var row = 0; row < Spec.Height; row++)
            for (var col = 0; col < Spec.Width; col++)
            {
                Assert.True(Spec.TryGetCell(Spec.CellCentre(col, row), out var c, out var r));
                Assert.Equal((col, row), (c, r));
            }
    }

    [Theory]
    [InlineData(49.999, 54.5)]
    [InlineData(52.001, 54.5)]
    [InlineData(51, 55.001)]
    [InlineData(51, 54.2)]
    [InlineData(double.NaN, 54.5)]
    public void Points_outside_have_no_cell(double lon, double lat) =>
        Assert.False(Spec.TryGetCell(new LonLat(lon, lat), out _, out _));

    [Theory]
    [InlineData(0, 0, 0, 0.1, 1, 1, "cell width")]
    [InlineData(0, 0, 0.1, double.NaN, 1, 1, "cell height")]
    [InlineData(0, 0, 0.1, 0.1, 0, 1, "at least 1×1")]
    [InlineData(179, 0, 0.5, 0.1, 3, 1, "longitudes")]
    [InlineData(0, -89, 0.1, 0.5, 1, 3, "latitudes")]
    [InlineData(0, 91, 0.1, 0.5, 1, 1, "latitudes")]
    public void Invalid_grids_say_what_is_wrong(double w, double n, double cw, double ch, int width, int height, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new GridSpec(w, n, cw, ch, width, height));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_world_at_a_tenth_of_a_degree_fits_despite_rounding()
    {
        var world = new GridSpec(-180, 90, 0.1, 0.1, 3600, 1800);
        Assert.Equal(180, world.East, 9);
        Assert.Equal(-90, world.South, 9);
    }
}

using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class RasterGridTests
{
    [Fact]
    public void Values_are_copied_and_read_by_column_and_row()
    {
        var spec = new GridSpec(0, 1, 0.5, 0.5, 2, 2);
        var values = new[] { 1f, 2f, 3f, 4f };
        var grid = new RasterGrid(spec, -1, values);
        values[0] = 99;
        Assert.Equal(1f, grid[0, 0]);
        Assert.Equal(3f, grid[0, 1]);
        Assert.Equal(2f, grid.ValueAt(new LonLat(0.75, 0.75)));
        Assert.Null(grid.ValueAt(new LonLat(5, 5)));
    }

    [Fact]
    public void NoData_and_NaN_cells_have_no_value()
    {
        var grid = TestGrids.Float7x5();
        Assert.False(grid.HasValue(2, 1));
        Assert.False(grid.HasValue(0, 3));
        Assert.True(grid.HasValue(0, 0));
        Assert.Null(grid.ValueAt(grid.Spec.CellCentre(2, 1)));
    }

    [Fact]
    public void A_wrong_number_of_values_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new RasterGrid(new GridSpec(0, 1, 1, 1, 3, 2), 0, new float[5]));
        Assert.Contains("5 values for 3×2 = 6 cells", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCentres_evaluates_at_each_cell_centre()
    {
        var grid = RasterGrid.FromCentres(new GridSpec(10, 20, 1, 1, 3, 2), -1, p => (float)(p.Lon * 100 + p.Lat));
        Assert.Equal(1050f + 19.5f, grid[0, 0]);
        Assert.Equal(1250f + 18.5f, grid[2, 1]);
    }

    [Fact]
    public void Statistics_skip_NoData_and_use_the_population_deviation()
    {
        var grid = new RasterGrid(new GridSpec(0, 1, 1, 1, 5, 1), -9999, [2, 4, -9999, float.NaN, 6]);
        var s = grid.Statistics();
        Assert.Equal((2.0, 6.0, 4.0, 3), (s.Minimum, s.Maximum, s.Mean, s.ValidCount));
        Assert.Equal(Math.Sqrt(8.0 / 3), s.StdDev, 12);
    }
}

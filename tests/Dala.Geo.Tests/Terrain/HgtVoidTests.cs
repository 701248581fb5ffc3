using Dala.Geo.Terrain;
using Dala.Testing;

namespace Dala.Geo.Tests.Terrain;

public class HgtVoidTests
{
    private static readonly HgtTileName Tile = Surfaces.N43E076;

    /// <summary>The plane over N43E076 with the samples in rows r0..r1, columns c0..c1 void.</summary>
    private static HgtTile WithVoid(int r0, int r1, int c0, int c1)
    {
        var s = HgtWriter.Sample(Tile, HgtResolution.ThreeArcSecond, Surfaces.Plane());
        for (var r = r0; r <= r1; r++)
        for (var c = c0; c <= c1; c++) s[r * 1201 + c] = HgtFormat.Void;
        return new HgtTile(Tile, s);
    }

    private static LonLat At(double row, double col) => new(76 + col / 1200, 44 - row / 1200);

    [Fact]
    public void One_void_sample_is_filled_from_its_neighbours()
    {
        var tile = WithVoid(600, 600, 600, 600);
        // On the void sample: the ring around it is symmetric, so the plane comes back exactly.
        Assert.Equal(Surfaces.PlaneAt(At(600, 600)), tile.HeightAt(At(600, 600))!.Value, 1e-6);

        // In a cell with the void at its north-west corner: the three others, bilinear weights renormalised.
        double fx = 0.6, fy = 0.3;
        var p = At(600 + fy, 600 + fx);
        double ne = tile.Sample(600, 601), sw = tile.Sample(601, 600), se = tile.Sample(601, 601);
        double wne = fx * (1 - fy), wsw = (1 - fx) * fy, wse = fx * fy;
        var expected = (ne * wne + sw * wsw + se * wse) / (wne + wsw + wse);
        Assert.Equal(expected, tile.HeightAt(p)!.Value, 1e-6);
    }

    [Fact]
    public void An_all_void_3x3_block_is_filled_from_around()
    {
        var tile = WithVoid(599, 601, 599, 601);
        Assert.Equal(Surfaces.PlaneAt(At(600, 600)), tile.HeightAt(At(600, 600))!.Value, 1e-6);
        var p = At(599.4, 600.7);
        var h = tile.HeightAt(p);
        Assert.NotNull(h);
        Assert.InRange(h.Value, Surfaces.PlaneAt(p) - 20, Surfaces.PlaneAt(p) + 20); // 3 m/row, 6 m/column
    }

    [Fact]
    public void The_search_reaches_3_samples_and_no_further()
    {
        Assert.NotNull(WithVoid(598, 602, 598, 602).HeightAt(At(600, 600))); // 5 x 5: ring 3 is valid
        Assert.Null(WithVoid(597, 603, 597, 603).HeightAt(At(600, 600)));    // 7 x 7: rings 1..3 void
        Assert.Equal(3, HgtInterpolation.VoidSearchRadius);
    }

    [Fact]
    public void A_void_tile_is_unknown_and_profiles_over_it_say_how_many_samples_are_uncovered()
    {
        using var dir = new TempDir();
        HgtWriter.WriteTile(dir.Path, Surfaces.N43E076, HgtResolution.ThreeArcSecond, Surfaces.Plane());
        HgtWriter.WriteTile(dir.Path, Surfaces.N43E077, HgtResolution.ThreeArcSecond, _ => null);
        var terrain = new HgtTerrain(dir.Path);
        Assert.Null(terrain.HeightAt(new LonLat(77.5, 43.5)));
        Assert.True(terrain.Covers(new LonLat(77.5, 43.5)));

        var profile = terrain.Profile(new LonLat(76.5, 43.5), new LonLat(77.5, 43.5), 1000);
        Assert.False(profile.Covered);
        var heights = profile.HeightsM.Span;
        var unknown = 0;
        for (var i = 0; i < heights.Length; i++) if (double.IsNaN(heights[i])) unknown++;
        Assert.Equal(unknown, profile.UnknownCount);
        Assert.InRange(unknown, profile.Spacing.Samples / 2 - 2, profile.Spacing.Samples / 2 + 2);
        Assert.False(double.IsNaN(heights[0]));
        Assert.True(double.IsNaN(heights[^1]));
        var e = Assert.Throws<InvalidOperationException>(() => profile.ToPfl());
        Assert.Contains("area mode", e.Message, StringComparison.Ordinal);
    }
}

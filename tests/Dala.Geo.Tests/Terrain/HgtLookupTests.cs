using Dala.Geo.Terrain;
using Dala.Testing;

namespace Dala.Geo.Tests.Terrain;

public class HgtLookupTests(PlaneTiles tiles) : IClassFixture<PlaneTiles>
{
    [Fact]
    public void Random_points_equal_the_plane()
    {
        var rng = new Random(20240601);
        for (var i = 0; i < 20_000; i++)
        {
            var p = new LonLat(76 + 2 * rng.NextDouble(), 43 + 2 * rng.NextDouble());
            var h = tiles.Terrain.HeightAt(p);
            Assert.NotNull(h);
            Assert.Equal(Surfaces.PlaneAt(p), h.Value, 1e-6);
        }
    }

    [Theory]
    [InlineData(76, 43)]
    [InlineData(78, 43)]
    [InlineData(76, 45)]
    [InlineData(78, 45)]
    [InlineData(77, 44)]
    [InlineData(77, 43.123456)]
    [InlineData(76.987654, 44)]
    [InlineData(78, 44.5)]
    [InlineData(76.5, 45)]
    public void Corners_and_edges_equal_the_plane(double lon, double lat)
    {
        var p = new LonLat(lon, lat);
        Assert.Equal(Surfaces.PlaneAt(p), tiles.Terrain.HeightAt(p)!.Value, 1e-6);
        Assert.True(tiles.Terrain.Covers(p));
    }

    [Fact]
    public void A_point_on_the_boundary_between_two_tiles_reads_the_same_from_either()
    {
        var south = HgtReader.Read(Path.Combine(tiles.Folder, "N43E076.hgt"));
        var north = HgtReader.Read(Path.Combine(tiles.Folder, "N44E076.hgt"));
        var east = HgtReader.Read(Path.Combine(tiles.Folder, "N43E077.hgt"));
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var onLat44 = new LonLat(76 + rng.NextDouble(), 44);
            Assert.Equal(south.HeightAt(onLat44)!.Value, north.HeightAt(onLat44)!.Value);
            var onLon77 = new LonLat(77, 43 + rng.NextDouble());
            Assert.Equal(south.HeightAt(onLon77)!.Value, east.HeightAt(onLon77)!.Value);
        }
    }

    [Fact]
    public void A_missing_neighbour_leaves_its_side_of_a_shared_edge_to_the_present_tile()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(tiles.Folder, "N43E076.hgt"), dir.File("N43E076.hgt"));
        var terrain = new HgtTerrain(dir.Path);
        var top = new LonLat(76.25, 44);
        var right = new LonLat(77, 43.75);
        Assert.Equal(Surfaces.PlaneAt(top), terrain.HeightAt(top)!.Value, 1e-6);
        Assert.Equal(Surfaces.PlaneAt(right), terrain.HeightAt(right)!.Value, 1e-6);
        Assert.Equal(Surfaces.PlaneAt(new LonLat(77, 44)), terrain.HeightAt(new LonLat(77, 44))!.Value, 1e-6);
        Assert.Null(terrain.HeightAt(new LonLat(76.25, 44.0001)));
        Assert.False(terrain.Covers(new LonLat(77.0001, 43.5)));
    }

    [Fact]
    public void Outside_every_tile_the_height_is_unknown_not_zero()
    {
        Assert.Null(tiles.Terrain.HeightAt(new LonLat(75.5, 43.5)));
        Assert.Null(tiles.Terrain.HeightAt(new LonLat(76.5, 45.0001)));
        Assert.False(tiles.Terrain.Covers(new LonLat(75.5, 43.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tiles.Terrain.HeightAt(new LonLat(200, 0)));
    }

    [Fact]
    public void A_one_arc_second_tile_in_the_southern_western_hemisphere()
    {
        using var dir = new TempDir();
        var tile = new HgtTileName(-12, -77);
        var plane = Surfaces.Plane(-77, -12);
        HgtWriter.WriteTile(dir.Path, tile, HgtResolution.OneArcSecond, plane);
        Assert.Equal(25_934_402, new FileInfo(dir.File("S12W077.hgt")).Length);
        var terrain = new HgtTerrain(dir.Path);
        var rng = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var p = new LonLat(-77 + rng.NextDouble(), -12 + rng.NextDouble());
            Assert.Equal(plane(p)!.Value, terrain.HeightAt(p)!.Value, 1e-6);
        }
        Assert.Equal(100, terrain.HeightAt(new LonLat(-77, -12)));          // south-west corner
        Assert.Equal(100 + 3600 + 7200, terrain.HeightAt(new LonLat(-76, -11))); // north-east corner
        Assert.Equal(100 + 1 + 2, terrain.HeightAt(new LonLat(-77 + 1.0 / 3600, -12 + 1.0 / 3600))!.Value, 1e-9);
        Assert.Equal(HgtResolution.OneArcSecond, terrain.Cache.Get(tile).Resolution);
    }
}

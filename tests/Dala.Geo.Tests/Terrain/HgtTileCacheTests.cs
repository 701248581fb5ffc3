using Dala.Geo.Terrain;

namespace Dala.Geo.Tests.Terrain;

public class HgtTileCacheTests(PlaneTiles tiles) : IClassFixture<PlaneTiles>
{
    private const long TileBytes = 2L * 1201 * 1201;

    private static readonly LonLat InA = new(76.3, 43.3), InB = new(77.3, 43.3), InC = new(76.3, 44.3), InD = new(77.6, 44.6);

    private static void AssertPlane(HgtTerrain t, LonLat p) => Assert.Equal(Surfaces.PlaneAt(p), t.HeightAt(p)!.Value, 1e-6);

    [Fact]
    public void Tiles_load_lazily_on_first_use()
    {
        var terrain = new HgtTerrain(tiles.Folder);
        Assert.Equal(4, terrain.Tiles.Count);
        Assert.Equal(0, terrain.Cache.LoadedTiles);
        Assert.True(terrain.Covers(InA));
        Assert.Equal(0, terrain.Cache.LoadedTiles);
        AssertPlane(terrain, InA);
        AssertPlane(terrain, InA);
        Assert.Equal(1, terrain.Cache.LoadedTiles);
        Assert.Equal(TileBytes, terrain.Cache.LoadedBytes);
        Assert.Equal(1, terrain.Cache.Loads);
    }

    [Fact]
    public void A_budget_under_two_tiles_keeps_one_and_reloads_stay_correct()
    {
        var terrain = new HgtTerrain(tiles.Folder, cacheBytes: TileBytes * 3 / 2);
        foreach (var p in new[] { InA, InB, InC, InA, InB, InC })
        {
            AssertPlane(terrain, p);
            Assert.Equal(1, terrain.Cache.LoadedTiles);
            Assert.Equal(TileBytes, terrain.Cache.LoadedBytes);
        }
        Assert.Equal(6, terrain.Cache.Loads);
        Assert.Equal(5, terrain.Cache.Evictions);
    }

    [Fact]
    public void The_least_recently_used_tile_goes_first()
    {
        var terrain = new HgtTerrain(tiles.Folder, cacheBytes: TileBytes * 5 / 2);
        AssertPlane(terrain, InA);
        AssertPlane(terrain, InB);
        AssertPlane(terrain, InA);
        AssertPlane(terrain, InC);
        Assert.True(terrain.Cache.IsLoaded(Surfaces.N43E076));
        Assert.False(terrain.Cache.IsLoaded(Surfaces.N43E077));
        Assert.True(terrain.Cache.IsLoaded(Surfaces.N44E076));
        Assert.Equal(2, terrain.Cache.LoadedTiles);
    }

    [Fact]
    public void A_tile_larger_than_the_budget_still_loads()
    {
        var terrain = new HgtTerrain(tiles.Folder, cacheBytes: 1024);
        AssertPlane(terrain, InA);
        AssertPlane(terrain, InB);
        Assert.Equal(1, terrain.Cache.LoadedTiles);
    }

    [Fact]
    public void Parallel_readers_get_correct_heights_within_the_budget()
    {
        var terrain = new HgtTerrain(tiles.Folder, cacheBytes: TileBytes * 2);
        Parallel.For(0, 8, worker =>
        {
            var rng = new Random(worker);
            var points = new[] { InA, InB, InC, InD };
            for (var i = 0; i < 100; i++)
            {
                var corner = points[rng.Next(4)];
                var p = new LonLat(corner.Lon + 0.3 * rng.NextDouble(), corner.Lat + 0.3 * rng.NextDouble());
                for (var j = 0; j < 100; j++) AssertPlane(terrain, p);
            }
        });
        Assert.InRange(terrain.Cache.LoadedTiles, 1, 2);
        Assert.InRange(terrain.Cache.LoadedBytes, TileBytes, 2 * TileBytes);
    }

    [Fact]
    public void One_load_however_many_threads_ask_at_once()
    {
        var loads = 0;
        var cache = new HgtTileCache(t =>
        {
            Interlocked.Increment(ref loads);
            Thread.Sleep(50);
            return new HgtTile(t, new short[1201 * 1201]);
        });
        Parallel.For(0, 16, _ => Assert.Equal(Surfaces.N43E076, cache.Get(Surfaces.N43E076).Name));
        Assert.Equal(1, loads);
        Assert.Equal(1, cache.Loads);
    }
}

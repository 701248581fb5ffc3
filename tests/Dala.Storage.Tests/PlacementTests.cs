using Dala.Geo;
using Dala.Quality.Intake;
using Dala.Registry.Import;
using Dala.Testing;

namespace Dala.Storage.Tests;

/// <summary>The region of a point from classified cells is the exact polygon test's, first time and when the cell is remembered.</summary>
public class PlacementTests
{
    [Fact]
    public void Region_from_cells_equals_the_exact_polygon_test_for_points_anywhere_asked_twice()
    {
        using var t = TestStore.Create(TestStore.Sqlite);
        Assert.True(new RegionImporter(t.Store, FakeClock.At("2026-11-21T12:00:00Z")).Import(SharedData.RegionsGeoJson).Committed);
        var snapshot = t.Store.ReadSnapshot();
        var exact = new PolygonLocator<string>(snapshot.Regions.Where(r => r.Area is not null).Select(r => (r.Code, r.Area!)));
        var placement = new Placement(snapshot);
        var random = new Random(11);
        // Points across the country's box and beyond it, and clusters of near points (cells met again, borders crossed).
        var points = new List<LonLat>();
        for (var i = 0; i < 4000; i++) points.Add(new LonLat(45 + random.NextDouble() * 43, 39 + random.NextDouble() * 17));
        for (var i = 0; i < 4000; i++)
        {
            var c = points[random.Next(200)];
            points.Add(new LonLat(c.Lon + (random.NextDouble() - 0.5) * 0.02, c.Lat + (random.NextDouble() - 0.5) * 0.02));
        }
        var regions = 0;
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var p in points)
            {
                var want = exact.TryLocate(p, out var code) ? code : null;
                Assert.True(want == placement.RegionAt(p), $"round {round}, {p}: {want} expected");
                if (want is not null && round == 1) regions++;
            }
        }
        Assert.True(regions > 1000, $"{regions} points in a region");
    }
}

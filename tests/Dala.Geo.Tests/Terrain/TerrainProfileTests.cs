using System.Buffers;
using Dala.Geo.Terrain;

namespace Dala.Geo.Tests.Terrain;

public class TerrainProfileTests(PlaneTiles tiles) : IClassFixture<PlaneTiles>
{
    private const double R = 6371008.8; // mean Earth radius, m

    private static double Rad(double d) => d * Math.PI / 180;

    private static double Deg(double r) => r * 180 / Math.PI;

    /// <summary>Haversine distance, m, written out here rather than taken from the library.</summary>
    private static double Distance(LonLat a, LonLat b)
    {
        double dLat = Rad(b.Lat - a.Lat), dLon = Rad(b.Lon - a.Lon);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }

    /// <summary>The point <paramref name="d"/> m from <paramref name="a"/> on the initial great-circle bearing towards <paramref name="b"/>.</summary>
    private static LonLat Along(LonLat a, LonLat b, double d)
    {
        double f1 = Rad(a.Lat), f2 = Rad(b.Lat), dl = Rad(b.Lon - a.Lon);
        var bearing = Math.Atan2(Math.Sin(dl) * Math.Cos(f2), Math.Cos(f1) * Math.Sin(f2) - Math.Sin(f1) * Math.Cos(f2) * Math.Cos(dl));
        var delta = d / R;
        var f = Math.Asin(Math.Sin(f1) * Math.Cos(delta) + Math.Cos(f1) * Math.Sin(delta) * Math.Cos(bearing));
        var l = Rad(a.Lon) + Math.Atan2(Math.Sin(bearing) * Math.Sin(delta) * Math.Cos(f1), Math.Cos(delta) - Math.Sin(f1) * Math.Sin(f));
        return new LonLat(Deg(l), Deg(f));
    }

    [Theory]
    [InlineData(76.2, 43.3, 77.8, 44.6, 90)]   // crosses from N43E076 through N44E076 into N44E077
    [InlineData(76.9, 43.5, 77.1, 43.5, 30)]   // crosses the 77 E edge
    [InlineData(77.7, 44.9, 76.1, 43.05, 250)] // north-east to south-west
    public void Heights_equal_the_surface_at_independently_computed_points(double lon1, double lat1, double lon2, double lat2, double step)
    {
        LonLat a = new(lon1, lat1), b = new(lon2, lat2);
        var profile = tiles.Terrain.Profile(a, b, step);
        var d = Distance(a, b);
        var n = (int)Math.Ceiling(d / step);
        Assert.Equal(n, profile.Intervals);
        Assert.Equal(d / n, profile.StepM, 1e-6);
        Assert.True(profile.StepM <= step);
        Assert.Equal(d, profile.DistanceM, 1e-6);
        Assert.True(profile.Covered);
        var heights = profile.HeightsM.Span;
        Assert.Equal(n + 1, heights.Length);
        Assert.Equal(Surfaces.PlaneAt(a), heights[0], 1e-6);
        Assert.Equal(Surfaces.PlaneAt(b), heights[n], 1e-6);
        for (var i = 0; i <= n; i++)
        {
            var p = Along(a, b, i * d / n);
            Assert.Equal(Surfaces.PlaneAt(p), heights[i], 1e-5); // 7200 m/degree: 1e-5 m is ~1e-9 degree
        }
    }

    [Fact]
    public void Pfl_layout_and_a_pooled_buffer_agree()
    {
        LonLat a = new(76.2, 43.3), b = new(76.4, 43.35);
        var profile = tiles.Terrain.Profile(a, b, 100);
        var pfl = profile.ToPfl();
        Assert.Equal(profile.Intervals, pfl[0]);
        Assert.Equal(profile.StepM, pfl[1]);
        Assert.Equal(profile.Intervals + 3, pfl.Length);
        Assert.Equal(profile.HeightsM.ToArray(), pfl[2..]);

        var rented = ArrayPool<double>.Shared.Rent(pfl.Length + 10);
        try
        {
            var fill = tiles.Terrain.FillPfl(a, b, 100, rented);
            Assert.True(fill.Covered);
            Assert.Equal(profile.Spacing, fill.Spacing);
            Assert.Equal(pfl, rented[..fill.Spacing.PflLength]);
            Assert.Throws<ArgumentException>(() => tiles.Terrain.FillPfl(a, b, 100, new double[3]));
        }
        finally { ArrayPool<double>.Shared.Return(rented); }
    }

    [Theory]
    [InlineData(1000, 100, 10, 100)]
    [InlineData(1001, 100, 11, 91)]
    [InlineData(99, 100, 1, 99)]
    [InlineData(0, 100, 1, 0)]
    public void Spacing_is_equal_intervals_no_longer_than_asked(double distance, double step, int intervals, double used)
    {
        var s = ProfileSpacing.For(distance, step);
        Assert.Equal(intervals, s.Intervals);
        Assert.Equal(used, s.StepM, 1e-9);
        Assert.Equal(intervals + 3, s.PflLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProfileSpacing.For(distance, 0));
    }

    [Fact]
    public void Any_terrain_works_and_a_path_off_the_tiles_is_reported()
    {
        var synthetic = new SyntheticTerrain(p => p.Lon < 77 ? 100 + p.Lon : null);
        var profile = synthetic.Profile(new LonLat(76.5, 43), new LonLat(77.5, 43), 5000);
        Assert.False(profile.Covered);
        Assert.True(profile.UnknownCount > 0);
        Assert.Equal(176.5, profile.HeightsM.Span[0], 1e-9);

        Assert.True(tiles.Terrain.CoversPath(new LonLat(76.1, 43.1), new LonLat(77.9, 44.9), 500));
        Assert.False(tiles.Terrain.CoversPath(new LonLat(76.1, 43.1), new LonLat(78.5, 44.9), 500));
        var off = tiles.Terrain.Profile(new LonLat(77.5, 44.5), new LonLat(78.5, 44.5), 1000);
        Assert.False(off.Covered);
    }

    [Fact]
    public void The_arc_ends_exactly_at_its_points()
    {
        LonLat a = new(76.2, 43.3), b = new(77.8, 44.6);
        var points = new LonLat[11];
        TerrainProfiler.FillPoints(new GreatCircleArc(a, b), points);
        Assert.Equal(a, points[0]);
        Assert.Equal(b, points[^1]);
        var mid = Along(a, b, Distance(a, b) / 2);
        Assert.Equal(mid.Lon, points[5].Lon, 1e-9);
        Assert.Equal(mid.Lat, points[5].Lat, 1e-9);
        Assert.Throws<ArgumentException>(() => new GreatCircleArc(new LonLat(0, 0), new LonLat(180, 0)));
    }
}

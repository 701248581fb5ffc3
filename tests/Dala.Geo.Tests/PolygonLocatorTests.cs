using Dala.Geo.Io;
using NetTopologySuite.Geometries;

namespace Dala.Geo.Tests;

public class PolygonLocatorTests
{
    private static Polygon Box(double w, double s, double e, double n) => GeoJsonGeometry.Factory.CreatePolygon(
        [new(w, s), new(e, s), new(e, n), new(w, n), new(w, s)]);

    [Fact]
    public void Finds_the_containing_polygon_and_breaks_border_ties_by_order()
    {
        var loc = new PolygonLocator<string>([("B", Box(1, 0, 2, 1)), ("A", Box(0, 0, 1, 1))]);
        Assert.True(loc.TryLocate(new LonLat(0.5, 0.5), out var a));
        Assert.Equal("A", a);
        Assert.True(loc.TryLocate(new LonLat(1, 0.5), out var border));
        Assert.Equal("B", border);
        Assert.False(loc.TryLocate(new LonLat(5, 5), out _));
    }

    [Fact]
    public void Distance_between_Astana_and_Almaty_is_about_970_km()
    {
        var d = GeoMath.DistanceKm(new LonLat(71.4460, 51.1801), new LonLat(76.9167, 43.25));
        Assert.InRange(d, 960, 980);
    }
}

using Dala.Geo;

namespace Dala.Registry.Store;

/// <summary>
/// The k-nearest search both stores run in their database: ask for the nearest within a window around the
/// point, widen the window until the k-th distance found lies inside it (then nothing outside can be nearer).
/// </summary>
public static class NearestSearch
{
    private const double KmPerDegree = Math.PI * GeoMath.EarthRadiusKm / 180;

    /// <param name="nearestInBox">The store's query: up to count settlements in the box, nearest first, ties by id.</param>
    public static IReadOnlyList<Nearby> Run(LonLat p, int count, Func<BBox, int, IReadOnlyList<Nearby>> nearestInBox)
    {
        if (count <= 0) return [];
        for (var radius = 25.0; ; radius *= 4)
        {
            var box = Window(p, radius, out var whole);
            var found = nearestInBox(box, count);
            if (whole || (found.Count >= count && found[^1].DistanceKm <= radius)) return found;
        }
    }

    /// <summary>A box containing every point within radiusKm of p (the whole world when that is simpler).</summary>
    public static BBox Window(LonLat p, double radiusKm, out bool wholeWorld)
    {
        var dLat = radiusKm / KmPerDegree;
        var south = p.Lat - dLat;
        var north = p.Lat + dLat;
        var cos = Math.Cos(GeoMath.ToRad(Math.Max(Math.Abs(south), Math.Abs(north))));
        wholeWorld = radiusKm >= Math.PI * GeoMath.EarthRadiusKm || south <= -90 || north >= 90 || cos < 1e-6 || radiusKm / (KmPerDegree * cos) >= 180;
        if (wholeWorld) return new BBox(-180, -90, 180, 90);
        var dLon = radiusKm / (KmPerDegree * cos);
        return new BBox(Math.Max(-180, p.Lon - dLon), south, Math.Min(180, p.Lon + dLon), north);
    }
}

using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>Lower bounds on great-circle distance for the grid search.</summary>
internal static class SpherePlane
{
    /// <summary>
    /// A lower bound (km) on the great-circle distance from <paramref name="q"/> to any point whose latitude or
    /// longitude differs from q's by at least <paramref name="degrees"/>. From the haversine formula: a latitude
    /// gap d gives at least R·d; a longitude gap d, for a point within d of q's latitude (else the first case
    /// holds), gives h ≥ cos φq · cos(|φq| + d) · sin²(d/2).
    /// </summary>
    public static double RingBoundKm(LonLat q, double degrees)
    {
        if (degrees <= 0) return 0;
        var d = GeoMath.ToRad(Math.Min(degrees, 180));
        var byLat = GeoMath.EarthRadiusKm * d;
        var phi = GeoMath.ToRad(Math.Abs(q.Lat));
        var far = Math.Min(Math.PI / 2, phi + d);
        var h = Math.Max(0, Math.Cos(phi) * Math.Cos(far)) * Math.Pow(Math.Sin(d / 2), 2);
        var byLon = 2 * GeoMath.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        return Math.Min(byLat, byLon);
    }
}

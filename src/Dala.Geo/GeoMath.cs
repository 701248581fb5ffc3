namespace Dala.Geo;

public static class GeoMath
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public static double DistanceKm(LonLat a, LonLat b)
    {
        var dLat = ToRad(b.Lat - a.Lat);
        var dLon = ToRad(b.Lon - a.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(ToRad(a.Lat)) * Math.Cos(ToRad(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static double ToRad(double degrees) => degrees * Math.PI / 180.0;
}

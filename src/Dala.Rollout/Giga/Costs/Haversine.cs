namespace Dala.Rollout.Giga.Costs;

/// <summary>
/// Great-circle distance by the haversine formula. Giga uses two earth radii: sklearn's haversine_distances × 6,371,000 m
/// (VectorizedDistanceModel, the fibre network) and the haversine package's mean radius 6,371.0088 km (PairwiseDistanceModel,
/// the default of its greedy connector: cellular range and the P2P network).
/// </summary>
public static class Haversine
{
    public const double FibreRadiusM = 6_371_000.0;
    public const double MeanRadiusM = 6_371.0088 * 1000.0;

    private const double DegToRad = Math.PI / 180.0;

    public static double Metres(double lat1, double lon1, double lat2, double lon2, double radiusM)
    {
        var p1 = lat1 * DegToRad;
        var p2 = lat2 * DegToRad;
        var dLat = p2 - p1;
        var dLon = lon2 * DegToRad - lon1 * DegToRad;
        var a = Math.Pow(Math.Sin(dLat * 0.5), 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dLon * 0.5), 2);
        return 2 * Math.Asin(Math.Sqrt(a)) * radiusM;
    }
}

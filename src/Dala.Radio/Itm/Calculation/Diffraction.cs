namespace Dala.Radio.Itm.Calculation;

/// <summary>Diffraction loss: smooth-earth and double knife-edge losses, weighted by terrain roughness, plus clutter.</summary>
internal static class Diffraction
{
    public static double Loss(in LongleyRicePath path, double distanceM)
    {
        var g = path.Geometry;
        var f = path.Radio.FrequencyMHz;
        var knifeEdge = KnifeEdge(path, distanceM);
        var smoothEarth = SmoothEarthDiffraction.Loss(path, distanceM);

        // Clutter factor [ERL 79-ITS 67, Eqn 3.38c], with roughness over d_sML [ERL 79-ITS 67, p. 3-13].
        var sigmaH = TerrainStatistics.SigmaH(TerrainStatistics.Roughness(path.SmoothEarthLineOfSightM, g.DeltaHM));
        var clutter = Math.Min(15.0, 5 * Math.Log10(1.0 + 1e-5 * g.StructuralHeightM.Tx * g.StructuralHeightM.Rx * f * sigmaH));

        // Weighting between smooth earth and knife edge [ERL 79-ITS 67, Eqn 3.23]; C ~ 10 for low antennas with known paths.
        var deltaHd = TerrainStatistics.Roughness(distanceM, g.DeltaHM);
        var q = g.StructuralHeightM.Tx * g.StructuralHeightM.Rx;
        var qk = g.EffectiveHeightM.Tx * g.EffectiveHeightM.Rx - q;
        if (path.PointToPoint) q += 10.0;
        var term = Math.Sqrt(1.0 + qk / q);
        q = (term + (-path.ThetaLos * path.EarthRadiusM + path.LineOfSightM) / distanceM) * Math.Min(deltaHd * f / 47.7, 6283.2);
        var w = 25.1 / (25.1 + Math.Sqrt(q));

        return w * smoothEarth + (1.0 - w) * knifeEdge + clutter;
    }

    /// <summary>Two knife edges at the horizons [TN101, Eqns I.1, I.7].</summary>
    private static double KnifeEdge(in LongleyRicePath path, double distanceM)
    {
        var horizons = path.Geometry.HorizonDistanceM;
        var thetaNlos = distanceM / path.EarthRadiusM - path.ThetaLos; // [Algorithm, Eqn 4.12]
        var dNlos = distanceM - path.LineOfSightM;
        var k = 0.0795775 * path.Radio.WaveNumber * Numeric.Square(thetaNlos); // 1 / (4 pi) = 0.0795775
        var v1 = k * horizons.Tx * dNlos / (dNlos + horizons.Tx);
        var v2 = k * horizons.Rx * dNlos / (dNlos + horizons.Rx);
        return FresnelIntegral(v1) + FresnelIntegral(v2);
    }

    /// <summary>Ideal knife-edge loss A(v, 0) as a function of v^2 [TN101v2, Eqns III.24b-c].</summary>
    public static double FresnelIntegral(double v2) =>
        v2 < 5.76 ? 6.02 + 9.11 * Math.Sqrt(v2) - 1.27 * v2 : 12.953 + 10 * Math.Log10(v2);
}

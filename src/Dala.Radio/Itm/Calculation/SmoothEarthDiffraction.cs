namespace Dala.Radio.Itm.Calculation;

/// <summary>Smooth-earth diffraction by Vogler's three-radii method [Vogler 1964; Algorithm, Eqn 4.20].</summary>
internal static class SmoothEarthDiffraction
{
    private const double FourThirdsEarthRadiusM = 4.0 / 3.0 * 6370e3;

    public static double Loss(in LongleyRicePath path, double distanceM)
    {
        var g = path.Geometry;
        var f = path.Radio.FrequencyMHz;
        var zg = path.Radio.GroundImpedance.Magnitude;
        var thetaNlos = distanceM / path.EarthRadiusM - path.ThetaLos; // [Algorithm, Eqn 4.12]

        // The diffraction path's own radius and each terminal's horizon radius [Vogler 1964, Eqn 3].
        var a0 = (distanceM - path.LineOfSightM) / (distanceM / path.EarthRadiusM - path.ThetaLos);
        var a1 = 0.5 * Numeric.Square(g.HorizonDistanceM.Tx) / g.EffectiveHeightM.Tx;
        var a2 = 0.5 * Numeric.Square(g.HorizonDistanceM.Rx) / g.EffectiveHeightM.Rx;

        var x1 = NormalizedDistance(a1, g.HorizonDistanceM.Tx / 1000.0, f, zg, out var k1);
        var x2 = NormalizedDistance(a2, g.HorizonDistanceM.Rx / 1000.0, f, zg, out var k2);
        var x0 = NormalizedDistance(a0, a0 * thetaNlos / 1000.0, f, zg, out _) + x1 + x2;

        var distanceGain = 0.05751 * x0 - 10.0 * Math.Log10(x0); // [TN101, Eqn 8.4], [Vogler 1964, Eqn 13]
        return distanceGain - HeightGain(x1, k1) - HeightGain(x2, k2) - 20;
    }

    /// <summary>Vogler's x for a radius and a distance (km), with the K it uses [Vogler 1964, Eqns 2, 6a/7a, Fig. 4].</summary>
    private static double NormalizedDistance(double radiusM, double distanceKm, double f, double zg, out double k)
    {
        var c0 = Math.Pow(FourThirdsEarthRadiusM / radiusM, 1.0 / 3.0);
        k = 0.017778 * c0 * Math.Pow(f, -1.0 / 3.0) / zg;
        var b0 = 1.607 - k;
        return b0 * Numeric.Square(c0) * Math.Pow(f, 1.0 / 3.0) * distanceKm;
    }

    /// <summary>Height gain F(x, K), dB.</summary>
    public static double HeightGain(double x, double k)
    {
        if (x < 200.0)
        {
            var w = -Math.Log(k);
            if (k < 1e-5 || x * Math.Pow(w, 3) > 5495.0)
                return x > 1.0 ? 17.372 * Math.Log(x) - 117.0 : -117.0;
            return 2.5e-5 * Numeric.Square(x) / k - 8.686 * w - 15.0;
        }

        var result = 0.05751 * x - 4.343 * Math.Log(x);
        if (x < 2000)
        {
            var w = 0.0134 * x * Math.Exp(-0.005 * x);
            result = (1.0 - w) * result + w * (17.372 * Math.Log(x) - 117.0);
        }
        return result;
    }
}

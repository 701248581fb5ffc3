namespace Dala.Radio.Itm.Calculation;

/// <summary>The troposcatter frequency gain function H_0 [TN101v1, Ch. 9.2; Algorithm, 4.64-4.67, 6.13].</summary>
internal static class FrequencyGain
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    /// <returns>H_0 in dB, or null when it is undefined (both r_1 and r_2 below 0.2).</returns>
    public static double? H0(in LongleyRicePath path, double distanceM, double previous)
    {
        var g = path.Geometry;
        var wn = path.Radio.WaveNumber;
        var ad = g.HorizonDistanceM.Tx - g.HorizonDistanceM.Rx;
        var rr = g.EffectiveHeightM.Rx / g.EffectiveHeightM.Tx;
        if (ad < 0.0)
        {
            ad = -ad;
            rr = 1.0 / rr;
        }

        var theta = g.HorizonAngleRad.Tx + g.HorizonAngleRad.Rx + distanceM / path.EarthRadiusM; // angular distance
        var r1 = 2.0 * wn * theta * g.EffectiveHeightM.Tx; // [TN101, Eqn 9.4a]
        var r2 = 2.0 * wn * theta * g.EffectiveHeightM.Rx;
        if (r1 < 0.2 && r2 < 0.2) return null;

        var s = (distanceM - ad) / (distanceM + ad); // asymmetry
        var q = Math.Min(Math.Max(0.1, rr / s), 10.0); // [TN101, Eqn 9.5], truncated at 0.1 and 10
        s = Math.Max(0.1, s);

        var crossover = (distanceM - ad) * (distanceM + ad) * theta * 0.25 / distanceM; // [Algorithm, 4.66]
        var ns = path.Radio.SurfaceRefractivity;
        var etaS = crossover / 1.7556e3 * (1.0 + (0.031 - ns * 2.32e-3 + Numeric.Square(ns) * 5.67e-6) * Math.Exp(-Math.Pow(Math.Min(1.7, crossover / 8.0e3), 6))); // [TN101, Eqn 9.3a]

        var h00 = (Curve(r1, etaS) + Curve(r2, etaS)) / 2;
        var delta = Math.Min(h00, 6.0 * (0.6 - Math.Log10(Math.Max(etaS, 1.0))) * Math.Log10(s) * Math.Log10(q));
        var h0 = Math.Max(h00 + delta, 0.0); // [TN101v1, p. 9.4]
        if (etaS < 1.0) // interpolate with the special case eta_s = 0
            h0 = etaS * h0 + (1.0 - etaS) * 10 * Math.Log10(Numeric.Square((1.0 + Sqrt2 / r1) * (1.0 + Sqrt2 / r2)) * (r1 + r2) / (r1 + r2 + 2 * Sqrt2));
        if (h0 > 15.0 && previous >= 0.0) h0 = previous; // [Algorithm, p. 12]
        return h0;
    }

    /// <summary>H_0(r, eta_s), interpolated between the curves for whole eta_s = 1..5.</summary>
    private static double Curve(double r, double etaS)
    {
        etaS = Math.Min(Math.Max(etaS, 1), 5);
        var i = (int)etaS;
        var fraction = etaS - i;
        var result = Curve(i - 1, r);
        if (fraction != 0.0) result = (1.0 - fraction) * result + fraction * Curve(i, r);
        return result;
    }

    private static double Curve(int j, double r)
    {
        ReadOnlySpan<double> a = [25.0, 80.0, 177.0, 395.0, 705.0];
        ReadOnlySpan<double> b = [24.0, 45.0, 68.0, 80.0, 105.0];
        return 10 * Math.Log10(1 + a[j] * Math.Pow(1 / r, 4) + b[j] * Numeric.Square(1.0 / r)); // [Algorithm, 6.13]
    }
}

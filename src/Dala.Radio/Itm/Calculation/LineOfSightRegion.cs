namespace Dala.Radio.Itm.Calculation;

/// <summary>
/// Within the smooth-earth line of sight, A_ref = A_o + k1 d + k2 ln d [ERL 79-ITS 67, Eqn 3.19], fitted through two
/// two-ray losses and the diffraction line at d_sML.
/// </summary>
internal static class LineOfSightRegion
{
    public static double Attenuation(in LongleyRicePath path, DiffractionLine line, double distanceM)
    {
        var g = path.Geometry;
        var dsml = path.SmoothEarthLineOfSightM;
        var dml = path.LineOfSightM;
        var aSml = line.At(dsml);

        var d0 = 0.04 * path.Radio.FrequencyMHz * g.EffectiveHeightM.Tx * g.EffectiveHeightM.Rx; // [ERL 79-ITS 67, Eqn 3.16a]
        double d1;
        if (line.InterceptDb >= 0.0)
        {
            d0 = Math.Min(d0, 0.5 * dml);
            d1 = d0 + 0.25 * (dml - d0); // [ERL 79-ITS 67, Eqn 3.16d]
        }
        else
        {
            d1 = Math.Max(-line.InterceptDb / line.SlopeDbPerM, 0.25 * dml);
        }

        var a1 = TwoRayLoss.Loss(path, line, d1);
        var fitted = false;
        double k1 = 0, k2 = 0;
        if (d0 < d1)
        {
            var a0 = TwoRayLoss.Loss(path, line, d0);
            var q = Math.Log(dsml / d0);
            k2 = Math.Max(0.0, ((dsml - d0) * (a1 - a0) - (d1 - d0) * (aSml - a0)) / ((dsml - d0) * Math.Log(d1 / d0) - (d1 - d0) * q)); // Eqn 3.20
            fitted = line.InterceptDb > 0.0 || k2 > 0.0;
            if (fitted)
            {
                k1 = (aSml - a0 - k2 * q) / (dsml - d0); // [ERL 79-ITS 67, Eqn 3.21]
                if (k1 < 0.0)
                {
                    k1 = 0.0;
                    k2 = Numeric.Dim(aSml, a0) / q;
                    if (k2 == 0.0) k1 = line.SlopeDbPerM;
                }
            }
        }

        if (!fitted)
        {
            k1 = Numeric.Dim(aSml, a1) / (dsml - d1);
            k2 = 0.0;
            if (k1 == 0.0) k1 = line.SlopeDbPerM;
        }

        var ao = aSml - k1 * dsml - k2 * Math.Log(dsml);
        return ao + k1 * distanceM + k2 * Math.Log(distanceM);
    }
}

namespace Dala.Radio.Itm.Calculation;

/// <summary>
/// The loss relative to free space at the requested time, location and situation quantiles: the reference
/// attenuation less the climate's all-year median adjustment and the combined variabilities [Algorithm, Sec. 5].
/// </summary>
internal static class Variability
{
    private const double EarthRadius9000KmM = 9000e3;

    public static double Attenuation(double referenceDb, in PathGeometry g, double frequencyMHz, RadioClimate climate, ItmVariability v, ref ItmWarnings warnings)
    {
        var curves = ClimateCurves.For(climate);
        var zT = NormalQuantile.InverseComplementary(v.TimePercent / 100);
        var zL = NormalQuantile.InverseComplementary(v.LocationPercent / 100);
        var zS = NormalQuantile.InverseComplementary(v.SituationPercent / 100);
        var wn = frequencyMHz / 47.7;
        var de = EffectiveDistance(g, wn);

        // Direct situation variability is dropped for interference studies (mdvar + 20) [Hufford, 1982].
        var sigmaS = v.EliminateSituationVariability ? 0.0 : 5.0 + 3.0 * Math.Exp(-de / 100e3); // [Algorithm, Eqn 5.10]
        var median = curves.Median.At(de);

        switch (v.Mode)
        {
            case VariabilityMode.SingleMessage: zT = zS; zL = zS; break;
            case VariabilityMode.Accidental: zL = zS; break;
            case VariabilityMode.Mobile: zL = zT; break;
        }
        if (Math.Abs(zT) > 3.10 || Math.Abs(zL) > 3.10 || Math.Abs(zS) > 3.10) warnings |= ItmWarnings.ExtremeVariabilities;

        var sigmaL = 0.0;
        if (!v.EliminateLocationVariability)
        {
            var deltaHd = TerrainStatistics.Roughness(g.DistanceM, g.DeltaHM);
            sigmaL = 10.0 * wn * deltaHd / (wn * deltaHd + 13.0); // context of [Algorithm, Eqn 5.9]
        }
        var yL = sigmaL * zL;

        var sigmaT = TimeSigma(curves, de, wn, zT);
        var yT = sigmaT * zT;

        var ySq = Numeric.Square(sigmaS) + Numeric.Square(yT) / (7.8 + Numeric.Square(zS)) + Numeric.Square(yL) / (24.0 + Numeric.Square(zS)); // part of [Algorithm, Eqn 5.11]
        var (yR, yS) = v.Mode switch
        {
            VariabilityMode.SingleMessage => (0.0, Math.Sqrt(Numeric.Square(sigmaT) + Numeric.Square(sigmaL) + ySq) * zS),
            VariabilityMode.Accidental => (yT, Math.Sqrt(Numeric.Square(sigmaL) + ySq) * zS),
            VariabilityMode.Mobile => (Math.Sqrt(Numeric.Square(sigmaT) + Numeric.Square(sigmaL)) * zT, Math.Sqrt(ySq) * zS),
            _ => (yT + yL, Math.Sqrt(ySq) * zS),
        };

        var result = referenceDb - median - yR - yS;
        return result < 0.0 ? result * (29.0 - result) / (29.0 - 10.0 * result) : result; // [Algorithm, Eqn 5.2]
    }

    /// <summary>Effective distance d_e, m [Algorithm, Eqn 5.3]: 130 km at the smooth-earth horizon distance plus a frequency term.</summary>
    private static double EffectiveDistance(in PathGeometry g, double wn)
    {
        var dex = Math.Sqrt(2 * EarthRadius9000KmM * g.EffectiveHeightM.Tx) + Math.Sqrt(2 * EarthRadius9000KmM * g.EffectiveHeightM.Rx)
            + Math.Pow(575.7e12 / wn, 1.0 / 3.0);
        return g.DistanceM < dex ? 130e3 * g.DistanceM / dex : 130e3 + g.DistanceM - dex;
    }

    /// <summary>Time variability sigma_T: a different spread below and above the median, flattening past z_D.</summary>
    private static double TimeSigma(ClimateCurves c, double de, double wn, double zT)
    {
        var sigmaMinus = c.SigmaMinus.At(de) * c.FactorMinus.At(wn);
        var sigmaPlus = c.SigmaPlus.At(de) * c.FactorPlus.At(wn);
        var sigmaTD = c.Cd * sigmaPlus;
        var tgtd = (sigmaPlus - sigmaTD) * c.Zd;
        if (zT < 0.0) return sigmaMinus;
        return zT <= c.Zd ? sigmaPlus : sigmaTD + tgtd / zT;
    }
}

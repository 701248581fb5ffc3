using System.Numerics;

namespace Dala.Radio.Itm.Calculation;

/// <summary>Line-of-sight loss: a direct and a ground-reflected ray, blended with the extended diffraction line.</summary>
internal static class TwoRayLoss
{
    public static double Loss(in LongleyRicePath path, DiffractionLine line, double distanceM)
    {
        var g = path.Geometry;
        var he = g.EffectiveHeightM;
        var wn = path.Radio.WaveNumber;
        var zg = path.Radio.GroundImpedance;
        var sigmaH = TerrainStatistics.SigmaH(TerrainStatistics.Roughness(distanceM, g.DeltaHM));

        // Reflection coefficient, reduced by terrain roughness [Algorithm, Eqns 4.46-4.48].
        var sinPsi = (he.Tx + he.Rx) / Math.Sqrt(Numeric.Square(distanceM) + Numeric.Square(he.Tx + he.Rx));
        var reflection = (sinPsi - zg) / (sinPsi + zg) * Math.Exp(-Math.Min(10.0, wn * sigmaH * sinPsi));
        var q = reflection.Real * reflection.Real + reflection.Imaginary * reflection.Imaginary;
        if (q < 0.25 || q < sinPsi) reflection *= Math.Sqrt(sinPsi / q);

        // Phase difference between the rays [Algorithm, Eqns 4.49-4.50].
        var deltaPhi = wn * 2.0 * he.Tx * he.Rx / distanceM;
        if (deltaPhi > Math.PI / 2.0) deltaPhi = Math.PI - Numeric.Square(Math.PI / 2.0) / deltaPhi;

        var sum = new Complex(Math.Cos(deltaPhi), -Math.Sin(deltaPhi)) + reflection;
        var twoRay = -10 * Math.Log10(sum.Real * sum.Real + sum.Imaginary * sum.Imaginary);

        var w = 1 / (1 + path.Radio.FrequencyMHz * g.DeltaHM / Math.Max(10e3, path.SmoothEarthLineOfSightM));
        return w * twoRay + (1 - w) * line.At(distanceM);
    }
}

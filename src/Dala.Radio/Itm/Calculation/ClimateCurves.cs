namespace Dala.Radio.Itm.Calculation;

/// <summary>A curve of effective distance, (c1 + c2 / (1 + ((d_e - x2) / x3)^2)) (d_e / x1)^2 / (1 + (d_e / x1)^2) [TN101v2, Eqns III.69-70].</summary>
internal readonly record struct DistanceCurve(double C1, double C2, double X1, double X2, double X3)
{
    public double At(double effectiveDistanceM)
    {
        var r = Numeric.Square(effectiveDistanceM / X1);
        return (C1 + C2 / (1.0 + Numeric.Square((effectiveDistanceM - X2) / X3))) * r / (1.0 + r);
    }
}

/// <summary>A frequency factor g(f) = b1 + b2 / ((b3 ln(0.133 k))^2 + 1) for the time variability.</summary>
internal readonly record struct FrequencyFactor(double B1, double B2, double B3)
{
    public double At(double waveNumber) => B1 + B2 / (Numeric.Square(B3 * Math.Log(0.133 * waveNumber)) + 1.0);
}

/// <summary>One radio climate's variability curves (asymptotes from TN101, Fig. 10.13) and [Algorithm, Table 5.1].</summary>
internal sealed record ClimateCurves(
    DistanceCurve Median,
    DistanceCurve SigmaMinus,
    DistanceCurve SigmaPlus,
    FrequencyFactor FactorMinus,
    FrequencyFactor FactorPlus,
    double Cd,
    double Zd)
{
    private static readonly ClimateCurves[] Table =
    [
        new(new(-9.67, 12.7, 144.9e3, 190.3e3, 133.8e3), new(2.13, 159.5, 762.2e3, 123.6e3, 94.5e3), new(2.11, 102.3, 636.9e3, 134.8e3, 95.6e3), new(1.0, 0.0, 0.0), new(1.0, 0.0, 0.0), 1.224, 1.282),
        new(new(-0.62, 9.19, 228.9e3, 205.2e3, 143.6e3), new(2.66, 7.67, 100.4e3, 172.5e3, 136.4e3), new(6.87, 15.53, 138.7e3, 143.7e3, 98.6e3), new(1.0, 0.0, 0.0), new(0.93, 0.31, 2.00), 0.801, 2.161),
        new(new(1.26, 15.5, 262.6e3, 185.2e3, 99.8e3), new(6.11, 6.65, 138.2e3, 242.2e3, 178.6e3), new(10.08, 9.60, 165.3e3, 225.7e3, 129.7e3), new(1.0, 0.0, 0.0), new(1.0, 0.0, 0.0), 1.380, 1.282),
        new(new(-9.21, 9.05, 84.1e3, 101.1e3, 98.6e3), new(1.98, 13.11, 139.1e3, 132.7e3, 193.5e3), new(3.68, 159.3, 464.4e3, 93.1e3, 94.2e3), new(1.0, 0.0, 0.0), new(0.93, 0.19, 1.79), 1.000, 20.0),
        new(new(-0.62, 9.19, 228.9e3, 205.2e3, 143.6e3), new(2.68, 7.16, 93.7e3, 186.8e3, 133.5e3), new(4.75, 8.12, 93.2e3, 135.9e3, 113.4e3), new(0.92, 0.25, 1.77), new(0.93, 0.31, 2.00), 1.224, 1.282),
        new(new(-0.39, 2.86, 141.7e3, 315.9e3, 167.4e3), new(6.86, 10.38, 187.8e3, 169.6e3, 108.9e3), new(8.58, 13.97, 216.0e3, 152.0e3, 122.7e3), new(1.0, 0.0, 0.0), new(1.0, 0.0, 0.0), 1.518, 1.282),
        new(new(3.15, 857.9, 2222.0e3, 164.8e3, 116.3e3), new(8.51, 169.8, 609.8e3, 119.9e3, 106.6e3), new(8.43, 8.19, 136.2e3, 188.5e3, 122.9e3), new(1.0, 0.0, 0.0), new(1.0, 0.0, 0.0), 1.518, 1.282),
    ];

    public static ClimateCurves For(RadioClimate climate) => Table[(int)climate - 1];
}

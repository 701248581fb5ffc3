namespace Dala.Radio.Itm.Calculation;

/// <summary>Forward-scatter loss beyond the horizon [Algorithm, Eqn 4.63; TN101, Ch. 9].</summary>
internal static class Troposcatter
{
    /// <summary>Returned when the scatter loss is undefined (both r_1 and r_2 below 0.2) [Algorithm, p. 11].</summary>
    public const double Undefined = 1001;

    /// <param name="path">The path.</param>
    /// <param name="distanceM">Distance to evaluate at, m.</param>
    /// <param name="h0">
    /// The frequency gain H_0 from a previous call at a longer distance, or -1 for none; set to this call's H_0.
    /// Above 15 dB it is reused, since H_0 would then exceed 15 dB nearer too [Algorithm, p. 12].
    /// </param>
    public static double Loss(in LongleyRicePath path, double distanceM, ref double h0)
    {
        var wn = path.Radio.WaveNumber;
        double gain;
        if (h0 > 15.0)
        {
            gain = h0;
        }
        else
        {
            var computed = FrequencyGain.H0(path, distanceM, h0);
            if (computed is not { } value) return Undefined;
            gain = value;
        }

        h0 = gain;
        var th = distanceM / path.EarthRadiusM - path.ThetaLos;
        const double d0 = 40e3; // [Algorithm, 6.8]
        const double h = 47.7; // [Algorithm, 4.63]
        return Attenuation(th * distanceM) + 10 * Math.Log10(wn * h * Math.Pow(th, 4))
            - 0.1 * (path.Radio.SurfaceRefractivity - 301.0) * Math.Exp(-th * distanceM / d0) + gain;
    }

    /// <summary>The attenuation function F(theta d) [Algorithm, 6.9].</summary>
    public static double Attenuation(double thetaD) => thetaD switch
    {
        <= 10e3 => 133.4 + 0.332e-3 * thetaD + -10 * Math.Log10(thetaD),
        <= 70e3 => 104.6 + 0.212e-3 * thetaD + -2.5 * Math.Log10(thetaD),
        _ => 71.8 + 0.157e-3 * thetaD + 5 * Math.Log10(thetaD),
    };
}

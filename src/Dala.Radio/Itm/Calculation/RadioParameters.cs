using System.Numerics;

namespace Dala.Radio.Itm.Calculation;

/// <summary>The frequency, the ground's surface impedance and the atmosphere's effective earth for one path.</summary>
/// <param name="FrequencyMHz">Frequency, MHz.</param>
/// <param name="GroundImpedance">Complex surface transfer impedance Z_g (polarization included).</param>
/// <param name="EarthCurvature">Curvature of the effective earth gamma_e, 1/m.</param>
/// <param name="SurfaceRefractivity">Surface refractivity N_s at the path's elevation, N-units.</param>
internal readonly record struct RadioParameters(double FrequencyMHz, Complex GroundImpedance, double EarthCurvature, double SurfaceRefractivity)
{
    /// <summary>Curvature of the actual earth, ~1/6370 km.</summary>
    private const double ActualEarthCurvature = 157e-9;

    public double EffectiveEarthRadiusM => 1 / EarthCurvature;

    /// <summary>Wave number k = f / 47.7 MHz, 1/m.</summary>
    public double WaveNumber => FrequencyMHz / 47.7;

    /// <param name="systemElevationM">Mean elevation of the path above sea level, m (0 in area mode).</param>
    public static RadioParameters For(double frequencyMHz, double systemElevationM, ItmEnvironment environment)
    {
        var n0 = environment.SurfaceRefractivityN0;
        var ns = systemElevationM == 0.0 ? n0 : n0 * Math.Exp(-systemElevationM / 9460.0); // [TN101, Eq 4.3]
        var gammaE = ActualEarthCurvature * (1.0 - 0.04665 * Math.Exp(ns / 179.3)); // [TN101, Eq 4.4]

        var epsilonR = new Complex(environment.Ground.RelativePermittivity, 18000 * environment.Ground.ConductivitySPerM / frequencyMHz);
        var zg = Complex.Sqrt(epsilonR - 1.0);
        if (environment.Polarization == Polarization.Vertical) zg /= epsilonR;
        return new RadioParameters(frequencyMHz, zg, gammaE, ns);
    }
}

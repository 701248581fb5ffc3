namespace Dala.Radio.Itm.Calculation;

/// <summary>Small terrain formulas shared by several parts of the model.</summary>
internal static class TerrainStatistics
{
    /// <summary>Interdecile range of terrain heights over a path of length d: Delta h(d) [ERL 79-ITS 67, Eqn 3].</summary>
    public static double Roughness(double distanceM, double deltaHM) => deltaHM * (1.0 - 0.8 * Math.Exp(-distanceM / 50e3));

    /// <summary>RMS deviation of terrain within the first Fresnel zone, sigma_h [ERL 79-ITS 67, Eqn 3.6a].</summary>
    public static double SigmaH(double deltaHM) => 0.78 * deltaHM * Math.Exp(-0.5 * Math.Pow(deltaHM, 0.25));

    /// <summary>Horizon distance over irregular terrain, [Algorithm, Eqn 3.3]: the smooth-earth horizon shortened by Delta h.</summary>
    public static double HorizonDistance(double smoothEarthHorizonM, double deltaHM, double effectiveHeightM) =>
        smoothEarthHorizonM * Math.Exp(-0.07 * Math.Sqrt(deltaHM / Math.Max(effectiveHeightM, 5.0)));

    /// <summary>Horizon angle over irregular terrain, [Algorithm, Eqn 3.4].</summary>
    public static double HorizonAngle(double smoothEarthHorizonM, double horizonM, double deltaHM, double effectiveHeightM) =>
        (0.65 * deltaHM * (smoothEarthHorizonM / horizonM - 1.0) - 2.0 * effectiveHeightM) / smoothEarthHorizonM;
}

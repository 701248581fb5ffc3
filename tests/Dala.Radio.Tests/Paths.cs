using Dala.Radio.Itm;

namespace Dala.Radio.Tests;

/// <summary>Inputs for the model tests: a 20 km UHF link over flat ground or over a ridge.</summary>
internal static class Paths
{
    public static ItmEnvironment Steppe => ItmEnvironment.ContinentalTemperate;

    public static ItmVariability Median => ItmVariability.Median;

    public static TerrainProfile Flat(int intervals = 200) => TerrainProfile.Sample(20_000, intervals, _ => 300.0);

    /// <summary>A 150 m ridge (Gaussian, ~1 km wide) halfway along the path.</summary>
    public static TerrainProfile Ridge(int intervals = 200) =>
        TerrainProfile.Sample(20_000, intervals, x => 300.0 + 150.0 * Math.Exp(-Math.Pow((x - 10_000) / 700.0, 2)));

    public static ItmPointToPointInput Link(TerrainProfile profile, double frequencyMHz = 900, double txM = 30, double rxM = 10) =>
        new(profile, txM, rxM, frequencyMHz, Steppe, Median);

    public static ItmAreaInput Area(double distanceKm = 20, double deltaHM = 90, double frequencyMHz = 900) =>
        new(distanceKm, deltaHM, 30, 10, SitingCriteria.Random, SitingCriteria.Random, frequencyMHz, Steppe, Median);
}

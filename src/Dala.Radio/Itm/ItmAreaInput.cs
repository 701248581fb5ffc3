namespace Dala.Radio.Itm;

/// <summary>An area prediction: terrain known only through its irregularity Delta h and how the terminals were sited.</summary>
/// <param name="DistanceKm">Path length, km (> 0; 1..2000 is ITM's range).</param>
/// <param name="TerrainIrregularityM">Terrain irregularity Delta h, m (>= 0; 0 is smooth earth, 90 average rolling terrain).</param>
/// <param name="TxHeightM">Transmitter antenna height above ground, m (0.5..3000).</param>
/// <param name="RxHeightM">Receiver antenna height above ground, m (0.5..3000).</param>
/// <param name="TxSiting">How carefully the transmitter was sited.</param>
/// <param name="RxSiting">How carefully the receiver was sited.</param>
/// <param name="FrequencyMHz">Frequency, MHz (20..20,000).</param>
/// <param name="Environment">Climate, refractivity, ground and polarization.</param>
/// <param name="Variability">The time/location/situation quantiles and their mode.</param>
public sealed record ItmAreaInput(
    double DistanceKm,
    double TerrainIrregularityM,
    double TxHeightM,
    double RxHeightM,
    SitingCriteria TxSiting,
    SitingCriteria RxSiting,
    double FrequencyMHz,
    ItmEnvironment Environment,
    ItmVariability Variability);

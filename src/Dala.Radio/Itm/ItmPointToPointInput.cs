namespace Dala.Radio.Itm;

/// <summary>A point-to-point prediction: one path over a known terrain profile.</summary>
/// <param name="Profile">Ground elevations from the transmitter to the receiver.</param>
/// <param name="TxHeightM">Transmitter antenna height above ground, m (0.5..3000).</param>
/// <param name="RxHeightM">Receiver antenna height above ground, m (0.5..3000).</param>
/// <param name="FrequencyMHz">Frequency, MHz (20..20,000).</param>
/// <param name="Environment">Climate, refractivity, ground and polarization.</param>
/// <param name="Variability">The time/location/situation quantiles and their mode.</param>
public sealed record ItmPointToPointInput(
    TerrainProfile Profile,
    double TxHeightM,
    double RxHeightM,
    double FrequencyMHz,
    ItmEnvironment Environment,
    ItmVariability Variability);

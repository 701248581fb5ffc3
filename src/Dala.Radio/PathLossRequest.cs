namespace Dala.Radio;

/// <summary>One transmitter-receiver link as every propagation model sees it.</summary>
/// <param name="FrequencyMHz">Carrier frequency, MHz.</param>
/// <param name="DistanceKm">Great-circle distance between the terminals, km.</param>
/// <param name="TxHeightM">Transmitter antenna height above ground, m.</param>
/// <param name="RxHeightM">Receiver antenna height above ground, m.</param>
public sealed record PathLossRequest(double FrequencyMHz, double DistanceKm, double TxHeightM, double RxHeightM)
{
    /// <summary>Ground elevations from transmitter to receiver, when known; terrain-aware models use it.</summary>
    public TerrainProfile? Terrain { get; init; }

    /// <summary>A request over a terrain profile: the distance is the profile's length.</summary>
    public static PathLossRequest OverTerrain(TerrainProfile terrain, double frequencyMHz, double txHeightM, double rxHeightM)
    {
        ArgumentNullException.ThrowIfNull(terrain);
        return new PathLossRequest(frequencyMHz, terrain.DistanceM / 1000.0, txHeightM, rxHeightM) { Terrain = terrain };
    }
}

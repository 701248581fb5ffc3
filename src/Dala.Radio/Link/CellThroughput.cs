namespace Dala.Radio.Link;

/// <summary>
/// Peak downlink cell throughput at one SINR: bit/s/Hz per layer x occupied bandwidth (12 N_RB x subcarrier spacing)
/// x layers x (1 - overhead). It is what the whole cell delivers to a user at that SINR, before sharing.
/// </summary>
public static class CellThroughput
{
    /// <summary>Mbit/s on <paramref name="carrier"/> at <paramref name="sinrDb"/>; the technology's defaults when <paramref name="assumptions"/> is null.</summary>
    public static double PeakDownlinkMbps(Carrier carrier, double sinrDb, ThroughputAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        var a = assumptions ?? ThroughputAssumptions.For(carrier.Technology);
        return a.Mapping.BitsPerSecondPerHz(sinrDb) * carrier.OccupiedBandwidthHz / 1e6 * a.MimoLayers * (1.0 - a.OverheadFraction);
    }
}

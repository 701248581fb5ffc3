namespace Dala.Radio.Link;

/// <summary>One downlink carrier: centre frequency, channel bandwidth, technology and subcarrier spacing.</summary>
public sealed record Carrier
{
    public Carrier(double frequencyMHz, double bandwidthMHz, RadioTechnology technology, int subcarrierSpacingKHz)
    {
        if (!double.IsFinite(frequencyMHz) || frequencyMHz <= 0)
            throw new ArgumentOutOfRangeException(nameof(frequencyMHz), frequencyMHz, "the carrier frequency must be a positive number of MHz");
        ResourceBlockCount = ResourceBlocks.Count(technology, bandwidthMHz, subcarrierSpacingKHz);
        FrequencyMHz = frequencyMHz;
        BandwidthMHz = bandwidthMHz;
        Technology = technology;
        SubcarrierSpacingKHz = subcarrierSpacingKHz;
    }

    /// <summary>An LTE carrier (15 kHz subcarriers).</summary>
    public static Carrier Lte(double frequencyMHz, double bandwidthMHz) => new(frequencyMHz, bandwidthMHz, RadioTechnology.Lte, 15);

    /// <summary>An NR FR1 carrier, 30 kHz subcarriers unless told otherwise.</summary>
    public static Carrier Nr(double frequencyMHz, double bandwidthMHz, int subcarrierSpacingKHz = 30) =>
        new(frequencyMHz, bandwidthMHz, RadioTechnology.Nr, subcarrierSpacingKHz);

    public double FrequencyMHz { get; }

    /// <summary>Channel bandwidth, MHz (5, 10, 20, 100 ...).</summary>
    public double BandwidthMHz { get; }

    public RadioTechnology Technology { get; }

    public int SubcarrierSpacingKHz { get; }

    /// <summary>N_RB from the 3GPP table.</summary>
    public int ResourceBlockCount { get; }

    /// <summary>12 x N_RB: the resource elements one OFDM symbol carries.</summary>
    public int Subcarriers => ResourceBlocks.SubcarriersPerBlock * ResourceBlockCount;

    /// <summary>Occupied (transmission) bandwidth, Hz: subcarriers x spacing, e.g. 18 MHz for a 20 MHz LTE channel.</summary>
    public double OccupiedBandwidthHz => Subcarriers * SubcarrierSpacingKHz * 1000.0;
}

namespace Dala.Radio.Link;

/// <summary>
/// Downlink budget: received power = EIRP towards the receiver + receive gain - losses - path loss; RSRP = received
/// power - 10 log10(12 N_RB) (equal power on every resource element, reference signals not boosted); SINR = S / (sum of
/// load x interferer power + N), all powers over the carrier's occupied bandwidth, N = -174 dBm/Hz + 10 log10(B) + NF.
/// </summary>
public static class LinkBudget
{
    /// <summary>Total power received from <paramref name="link"/>'s sector over its occupied bandwidth, dBm.</summary>
    public static double ReceivedPowerDbm(RadioLink link, ReceiverProfile receiver)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(link.Sector);
        ArgumentNullException.ThrowIfNull(receiver);
        if (!double.IsFinite(link.PathLossDb) || link.PathLossDb < 0)
            throw new ArgumentOutOfRangeException(nameof(link), link.PathLossDb, "the path loss must be a finite number of dB >= 0");
        return link.Sector.EirpTowardsDbm(link.Geometry) + receiver.AntennaGainDbi - receiver.LossesDb - link.PathLossDb;
    }

    /// <summary>RSRP, dBm per resource element, from the total received power of <paramref name="carrier"/>.</summary>
    public static double RsrpDbm(double receivedPowerDbm, Carrier carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        return receivedPowerDbm - 10.0 * Math.Log10(carrier.Subcarriers);
    }

    /// <summary>
    /// The budget of <paramref name="serving"/> with co-channel <paramref name="interferers"/> (same carrier, else
    /// <see cref="ArgumentException"/>), whose powers are weighted by <paramref name="interfererLoad"/> (0..1, the share of
    /// their resources in use).
    /// </summary>
    public static LinkBudgetResult Evaluate(RadioLink serving, IReadOnlyList<RadioLink> interferers, ReceiverProfile receiver, double interfererLoad = 1.0)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(interferers);
        if (!(interfererLoad >= 0 && interfererLoad <= 1))
            throw new ArgumentOutOfRangeException(nameof(interfererLoad), interfererLoad, "the interferer load must be within 0..1");
        var carrier = serving.Sector.Carrier;
        var signal = ReceivedPowerDbm(serving, receiver);
        var interferenceMw = 0.0;
        for (var i = 0; i < interferers.Count; i++)
        {
            var other = interferers[i] ?? throw new ArgumentException($"interferer {i} is null", nameof(interferers));
            if (other.Sector?.Carrier != carrier)
                throw new ArgumentException($"interferer {i} is on {other.Sector?.Carrier}, not on the serving carrier {carrier}: only co-channel interference is summed", nameof(interferers));
            interferenceMw += interfererLoad * Decibel.ToLinear(ReceivedPowerDbm(other, receiver));
        }
        var noise = ThermalNoise.PowerDbm(carrier.OccupiedBandwidthHz, receiver.NoiseFigureDb);
        var sinr = signal - Decibel.FromLinear(interferenceMw + Decibel.ToLinear(noise));
        return new LinkBudgetResult(signal, RsrpDbm(signal, carrier), Decibel.FromLinear(interferenceMw), noise, sinr);
    }
}

namespace Dala.Radio.Link;

/// <summary>The downlink budget at one receiver.</summary>
/// <param name="ReceivedPowerDbm">Total received power of the serving carrier over its occupied bandwidth, dBm.</param>
/// <param name="RsrpDbm">Reference signal received power, dBm per resource element.</param>
/// <param name="InterferenceDbm">Load-weighted sum of the co-channel interferers' received powers, dBm (-infinity without interferers).</param>
/// <param name="NoiseDbm">Thermal noise over the occupied bandwidth, with the noise figure, dBm.</param>
/// <param name="SinrDb">Signal over interference plus noise, dB.</param>
public sealed record LinkBudgetResult(double ReceivedPowerDbm, double RsrpDbm, double InterferenceDbm, double NoiseDbm, double SinrDb)
{
    /// <summary>Signal over noise alone, dB.</summary>
    public double SnrDb => ReceivedPowerDbm - NoiseDbm;
}

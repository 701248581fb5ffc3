namespace Dala.Radio.Link;

/// <summary>The receiving terminal.</summary>
/// <param name="NoiseFigureDb">Receiver noise figure, dB (7 dB: a typical UE, TR 36.942's is 9 dB).</param>
/// <param name="AntennaGainDbi">Receive antenna gain, dBi (0 for a handset; a fixed-wireless CPE has more).</param>
/// <param name="LossesDb">Other losses, dB: body, cable, building penetration.</param>
public sealed record ReceiverProfile(double NoiseFigureDb = 7, double AntennaGainDbi = 0, double LossesDb = 0)
{
    public static ReceiverProfile Handset { get; } = new();
}

namespace Dala.Radio.Link;

/// <summary>Thermal noise at the receiver: -174 dBm/Hz (kT at 290 K, as TR 36.942 takes it) + 10 log10(bandwidth) + noise figure.</summary>
public static class ThermalNoise
{
    public const double DensityDbmPerHz = -174.0;

    public static double PowerDbm(double bandwidthHz, double noiseFigureDb)
    {
        if (!double.IsFinite(bandwidthHz) || bandwidthHz <= 0) throw new ArgumentOutOfRangeException(nameof(bandwidthHz), bandwidthHz, "the bandwidth must be a positive number of Hz");
        if (!double.IsFinite(noiseFigureDb) || noiseFigureDb < 0) throw new ArgumentOutOfRangeException(nameof(noiseFigureDb), noiseFigureDb, "the noise figure must be a finite number of dB >= 0");
        return DensityDbmPerHz + 10.0 * Math.Log10(bandwidthHz) + noiseFigureDb;
    }
}

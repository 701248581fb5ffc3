namespace Dala.Radio.Link;

/// <summary>
/// The attenuated and truncated Shannon bound of 3GPP TR 36.942 Annex A: 0 below SINR_min,
/// alpha log2(1 + SINR) from SINR_min up to SINR_max, and Thr_max above, SINR_max being where the two meet.
/// </summary>
public sealed record AttenuatedShannon : ISpectralEfficiencyMapping
{
    /// <param name="alpha">Attenuation: the implementation loss against Shannon, (0, 1].</param>
    /// <param name="sinrMinDb">Lowest SINR at which the link works, dB.</param>
    /// <param name="maxBitsPerSecondPerHz">Thr_max, the highest modulation and coding scheme's efficiency, bit/s/Hz.</param>
    public AttenuatedShannon(double alpha, double sinrMinDb, double maxBitsPerSecondPerHz)
    {
        Alpha = alpha;
        SinrMinDb = sinrMinDb;
        MaxBitsPerSecondPerHz = maxBitsPerSecondPerHz;
    }

    /// <summary>LTE downlink, TR 36.942 Annex A: alpha 0.6, SINR_min -10 dB, Thr_max 4.4 bit/s/Hz.</summary>
    public static AttenuatedShannon Lte { get; } = new(0.6, -10, 4.4);

    /// <summary>
    /// NR downlink, Dala's assumption (3GPP gives no NR table of this kind): alpha 0.75 (NR's LDPC codes and finer MCS
    /// steps sit closer to Shannon than LTE's 0.6), SINR_min -10 dB as for LTE, and Thr_max 7.4063 bit/s/Hz, the top
    /// entry of TS 38.214 Table 5.1.3.1-2 (MCS 27: 256QAM, code rate 948/1024, 8 x 948/1024).
    /// </summary>
    public static AttenuatedShannon Nr { get; } = new(0.75, -10, 8.0 * 948.0 / 1024.0);

    public double Alpha { get; init => field = double.IsFinite(value) && value > 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Alpha), value, "alpha must be within (0, 1]"); }

    public double SinrMinDb { get; init => field = double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(SinrMinDb), value, "SINR_min must be a finite number of dB"); }

    public double MaxBitsPerSecondPerHz { get; init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBitsPerSecondPerHz), value, "Thr_max must be a positive number of bit/s/Hz"); }

    /// <summary>SINR_max, dB: where alpha log2(1 + SINR) reaches Thr_max (22.0 dB for LTE).</summary>
    public double SinrMaxDb => Decibel.FromLinear(Math.Pow(2.0, MaxBitsPerSecondPerHz / Alpha) - 1.0);

    public double BitsPerSecondPerHz(double sinrDb)
    {
        if (double.IsNaN(sinrDb)) throw new ArgumentOutOfRangeException(nameof(sinrDb), sinrDb, "the SINR is not a number");
        if (sinrDb < SinrMinDb) return 0.0;
        return Math.Min(Alpha * Math.Log2(1.0 + Decibel.ToLinear(sinrDb)), MaxBitsPerSecondPerHz);
    }
}

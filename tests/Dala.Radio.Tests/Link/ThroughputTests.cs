using Dala.Radio.Link;

namespace Dala.Radio.Tests.Link;

/// <summary>
/// The attenuated, truncated Shannon mapping. LTE parameters from 3GPP TR 36.942 Annex A (downlink: alpha 0.6,
/// SINR_min -10 dB, Thr_max 4.4 bit/s/Hz); NR's Thr_max from TS 38.214 Table 5.1.3.1-2, MCS 27 (256QAM, R = 948/1024).
/// </summary>
public class ThroughputTests
{
    private static readonly AttenuatedShannon Lte = AttenuatedShannon.Lte;

    [Fact]
    public void At_sinr_min_the_link_starts_and_just_below_it_gives_nothing()
    {
        // alpha log2(1 + 10^(-10/10)) = 0.6 log2(1.1) = 0.6 x 0.137504 = 0.0825 bit/s/Hz.
        Assert.Equal(0.0825, Lte.BitsPerSecondPerHz(-10), 0.0001);
        Assert.Equal(0.0, Lte.BitsPerSecondPerHz(-10.001));
        Assert.Equal(0.0, Lte.BitsPerSecondPerHz(double.NegativeInfinity));
    }

    [Fact]
    public void A_midpoint_by_hand()
    {
        // 10 dB is 10x: 0.6 log2(11) = 0.6 x 3.459432 = 2.0757 bit/s/Hz.
        Assert.Equal(2.0757, Lte.BitsPerSecondPerHz(10), 0.0001);
        // 0 dB is 1x: 0.6 log2(2) = 0.6 exactly.
        Assert.Equal(0.6, Lte.BitsPerSecondPerHz(0), 1e-12);
    }

    [Fact]
    public void At_saturation_it_stays_at_thr_max()
    {
        // 0.6 log2(1 + SINR) = 4.4 at SINR = 2^(4.4/0.6) - 1 = 160.3, i.e. 22.05 dB.
        Assert.Equal(22.05, Lte.SinrMaxDb, 0.005);
        Assert.Equal(4.4, Lte.BitsPerSecondPerHz(Lte.SinrMaxDb), 1e-9);
        Assert.Equal(4.4 * (1 - 1e-3), Lte.BitsPerSecondPerHz(Lte.SinrMaxDb - 0.01), 0.01);
        Assert.Equal(4.4, Lte.BitsPerSecondPerHz(40));
        Assert.Equal(4.4, Lte.BitsPerSecondPerHz(double.PositiveInfinity));
    }

    [Fact]
    public void Nr_saturates_at_256qam_rate_948_over_1024()
    {
        var nr = AttenuatedShannon.Nr;
        Assert.Equal(7.40625, nr.MaxBitsPerSecondPerHz, 1e-12); // 8 bits x 948/1024
        Assert.Equal(0.75, nr.Alpha);
        Assert.Equal(0.75 * Math.Log2(101), nr.BitsPerSecondPerHz(20), 1e-12); // 4.99 bit/s/Hz
        Assert.Equal(10 * Math.Log10(Math.Pow(2, 7.40625 / 0.75) - 1), nr.SinrMaxDb, 1e-9); // 29.7 dB
        Assert.Equal(7.40625, nr.BitsPerSecondPerHz(35));
    }

    [Fact]
    public void Cell_throughput_is_efficiency_times_occupied_bandwidth_layers_and_payload_share()
    {
        // LTE 20 MHz (18 MHz occupied), 2 layers, 25 % overhead, saturated: 4.4 x 18 x 2 x 0.75 = 118.8 Mbit/s.
        Assert.Equal(118.8, CellThroughput.PeakDownlinkMbps(Carrier.Lte(1800, 20), 30), 1e-9);
        // NR 100 MHz at 30 kHz (273 x 12 x 30 kHz = 98.28 MHz), 4 layers, 25 %: 7.40625 x 98.28 x 4 x 0.75 = 2183.66 Mbit/s.
        Assert.Equal(2183.66, CellThroughput.PeakDownlinkMbps(Carrier.Nr(3500, 100), 35), 0.005);
        // At 10 dB on LTE 10 MHz (9 MHz), 2 layers, no overhead: 2.0757 x 9 x 2 = 37.36 Mbit/s.
        var noOverhead = new ThroughputAssumptions(AttenuatedShannon.Lte, 2, 0);
        Assert.Equal(37.36, CellThroughput.PeakDownlinkMbps(Carrier.Lte(800, 10), 10, noOverhead), 0.005);
        Assert.Equal(0.0, CellThroughput.PeakDownlinkMbps(Carrier.Lte(800, 10), -12));
    }

    [Fact]
    public void Defaults_follow_the_technology_and_bad_assumptions_are_refused()
    {
        Assert.Equal(2, ThroughputAssumptions.For(RadioTechnology.Lte).MimoLayers);
        Assert.Equal(4, ThroughputAssumptions.For(RadioTechnology.Nr).MimoLayers);
        Assert.Equal(0.25, ThroughputAssumptions.Lte.OverheadFraction);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThroughputAssumptions(AttenuatedShannon.Lte, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThroughputAssumptions.Lte with { OverheadFraction = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttenuatedShannon(1.2, -10, 4.4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lte.BitsPerSecondPerHz(double.NaN));
    }
}

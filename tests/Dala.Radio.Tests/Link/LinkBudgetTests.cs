using Dala.Radio.Link;

namespace Dala.Radio.Tests.Link;

public class LinkBudgetTests
{
    private static readonly LinkGeometry Boresight = new(0, 0);

    private static RadioLink Omni(Carrier carrier, double eirpDbm, double pathLossDb) =>
        new(new Sector(carrier, eirpDbm, OmniPattern.Instance, 0), pathLossDb, Boresight);

    [Fact]
    public void Rsrp_of_a_20_MHz_lte_carrier_is_the_total_less_30_8_dB()
    {
        // 100 RB x 12 = 1200 subcarriers; 10 log10(1200) = 30.79 dB.
        var r = LinkBudget.Evaluate(Omni(Carrier.Lte(1800, 20), 60, 120), [], ReceiverProfile.Handset);
        Assert.Equal(-60.0, r.ReceivedPowerDbm, 1e-12);
        Assert.Equal(-60.0 - 30.79, r.RsrpDbm, 0.005);
        Assert.Equal(-60.0 - 10 * Math.Log10(1200), r.RsrpDbm, 1e-12);
    }

    [Theory]
    [InlineData(100, 30, 273, 35.15)] // n78 100 MHz at 30 kHz: 3276 subcarriers
    [InlineData(20, 15, 106, 31.04)] // 20 MHz at 15 kHz: 1272 subcarriers
    [InlineData(40, 30, 106, 31.04)] // 40 MHz at 30 kHz: also 106 RB
    [InlineData(10, 30, 24, 24.59)] // 10 MHz at 30 kHz: 288 subcarriers
    public void Rsrp_of_nr_carriers(double mhz, int scsKHz, int nRb, double dbBelowTotal)
    {
        var carrier = Carrier.Nr(3500, mhz, scsKHz);
        Assert.Equal(nRb, carrier.ResourceBlockCount);
        Assert.Equal(-70.0 - dbBelowTotal, LinkBudget.RsrpDbm(-70.0, carrier), 0.005);
    }

    [Fact]
    public void Received_power_takes_the_pattern_receiver_gain_and_losses()
    {
        var sector = Sector.FromTransmitter(Carrier.Lte(800, 10), txPowerDbm: 46, antennaGainDbi: 17, ThreeGppSectorPattern.Planning, azimuthDeg: 120, downtiltDeg: 4, feederLossDb: 2);
        Assert.Equal(61.0, sector.EirpDbm);
        var geometry = new LinkGeometry(120 + 32.5, -4); // half the 65 deg beamwidth off, on the tilted boresight
        var rx = new ReceiverProfile(NoiseFigureDb: 7, AntennaGainDbi: 8, LossesDb: 3);
        Assert.Equal(61.0 - 3.0 + 8 - 3 - 130, LinkBudget.ReceivedPowerDbm(new RadioLink(sector, 130, geometry), rx), 1e-12);
    }

    [Fact]
    public void Without_interferers_sinr_is_signal_over_thermal_noise()
    {
        var r = LinkBudget.Evaluate(Omni(Carrier.Lte(1800, 20), 43, 140), [], ReceiverProfile.Handset);
        // Noise over 18 MHz occupied with a 7 dB noise figure: -174 + 72.55 + 7 = -94.45 dBm.
        var noise = -174 + 10 * Math.Log10(18e6) + 7;
        Assert.Equal(-94.45, noise, 0.005);
        Assert.Equal(noise, r.NoiseDbm, 1e-12);
        Assert.Equal(double.NegativeInfinity, r.InterferenceDbm);
        Assert.Equal(-97.0 - noise, r.SinrDb, 1e-12);
        Assert.Equal(r.SnrDb, r.SinrDb, 1e-12);
    }

    [Fact]
    public void Interferers_add_in_milliwatts_weighted_by_their_load()
    {
        var carrier = Carrier.Lte(1800, 20);
        var noise = ThermalNoise.PowerDbm(carrier.OccupiedBandwidthHz, 7);
        var serving = Omni(carrier, 43, 140); // -97 dBm
        // Two interferers, each received exactly at the noise level: I + N = 3 N at full load, 2 N at half load.
        var atNoise = Omni(carrier, noise + 140, 140);
        var full = LinkBudget.Evaluate(serving, [atNoise, atNoise], ReceiverProfile.Handset);
        Assert.Equal(noise + 10 * Math.Log10(2), full.InterferenceDbm, 1e-9);
        Assert.Equal(-97.0 - noise - 10 * Math.Log10(3), full.SinrDb, 1e-9);
        var half = LinkBudget.Evaluate(serving, [atNoise, atNoise], ReceiverProfile.Handset, interfererLoad: 0.5);
        Assert.Equal(-97.0 - noise - 10 * Math.Log10(2), half.SinrDb, 1e-9);
        var idle = LinkBudget.Evaluate(serving, [atNoise], ReceiverProfile.Handset, interfererLoad: 0);
        Assert.Equal(-97.0 - noise, idle.SinrDb, 1e-9);
    }

    [Fact]
    public void A_strong_interferer_dominates()
    {
        var carrier = Carrier.Nr(3500, 100);
        var r = LinkBudget.Evaluate(Omni(carrier, 60, 110), [Omni(carrier, 60, 115)], ReceiverProfile.Handset);
        // Signal -50 dBm, interferer -55 dBm, noise over 98.28 MHz -87.1 dBm: SINR is the 5 dB signal-to-interference, less 0.003 dB.
        Assert.Equal(-87.08, r.NoiseDbm, 0.005);
        Assert.Equal(5.0 - 10 * Math.Log10(1 + Math.Pow(10, (r.NoiseDbm + 55) / 10)), r.SinrDb, 1e-9);
        Assert.Equal(5.0, r.SinrDb, 0.01);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        var lte = Carrier.Lte(1800, 20);
        Assert.Throws<ArgumentException>(() => LinkBudget.Evaluate(Omni(lte, 43, 140), [Omni(Carrier.Lte(2600, 20), 43, 140)], ReceiverProfile.Handset));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkBudget.Evaluate(Omni(lte, 43, 140), [], ReceiverProfile.Handset, interfererLoad: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkBudget.Evaluate(Omni(lte, 43, double.NaN), [], ReceiverProfile.Handset));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThermalNoise.PowerDbm(0, 7));
    }
}

using Dala.Radio.Models;

namespace Dala.Radio.Tests.Models;

/// <summary>Okumura-Hata against values published by others, each recomputed here from the numbers as printed.</summary>
public class OkumuraHataPublishedTests
{
    // ns-3 network simulator, src/propagation/test/okumura-hata-test-suite.cc (OkumuraHataPropagationLossModelTestSuite):
    // "reference values obtained with the octave scripts in src/propagation/test/reference/", for f = 869 MHz,
    // d = 2000 m, h_b = 30 m, h_m = 1 m: "original OH Urban Large city" 137.93 dB, "original OH Urban small city"
    // 137.88 dB, "original OH SubUrban" 128.03 dB, "original OH OpenAreas" 110.21 dB (printed to 0.01 dB).
    private const double F = 869, D = 2, Hb = 30, Hm = 1, Printed = 0.006;

    [Theory]
    [InlineData(HataEnvironment.LargeCity, 137.93)]
    [InlineData(HataEnvironment.SmallMediumCity, 137.88)]
    [InlineData(HataEnvironment.Suburban, 128.03)]
    public void Ns3_reference_values_at_869_MHz(HataEnvironment environment, double ns3Db) =>
        Assert.Equal(ns3Db, OkumuraHataModel.LossDb(F, D, Hb, Hm, environment), Printed);

    [Fact]
    public void Ns3_open_area_value_differs_by_its_4_70_coefficient_where_Hata_has_4_78()
    {
        // ns-3's loss_OH_openareas.m writes "-4.70*(log10(f))^2"; Hata (1980) and every textbook have 4.78. So the
        // published 110.21 dB is 0.08 (log10 869)^2 = 0.69 dB above Hata's open-area loss, which is the one Dala gives.
        var hataOpen = 110.21 - 0.08 * Math.Pow(Math.Log10(F), 2);
        Assert.Equal(hataOpen, OkumuraHataModel.LossDb(F, D, Hb, Hm, HataEnvironment.Open), Printed);
    }

    [Fact]
    public void Stallings_medium_city_example_at_900_MHz()
    {
        // W. Stallings, "Wireless Communications and Networks", 2nd ed., Pearson 2005, section 5.3, worked example of
        // the Okumura-Hata model (quoted from memory: the example number and page could not be checked here):
        // "Let fc = 900 MHz, ht = 40 m, hr = 5 m, and d = 10 km. Estimate the path loss for a medium-size city."
        // a(hr) = (1.1 log 900 - 0.7)5 - (1.56 log 900 - 0.8) = 12.75 - 3.8 = 8.95 dB;
        // L = 69.55 + 26.16 log 900 - 13.82 log 40 - 8.95 + (44.9 - 6.55 log 40) log 10 = 69.55 + 77.28 - 22.14 - 8.95 + 34.4 = 150.14 dB.
        var printed = 69.55 + 77.28 - 22.14 - 8.95 + 34.4;
        Assert.Equal(150.14, printed, 1e-9);
        // The printed terms are rounded to 0.01 (34.4 to 0.1): allow their sum of roundings.
        Assert.Equal(printed, OkumuraHataModel.LossDb(900, 10, 40, 5, HataEnvironment.SmallMediumCity), 0.05);
    }

    [Fact]
    public void Behind_the_propagation_model_interface_the_transmitter_is_the_base_station()
    {
        IPropagationModel model = new OkumuraHataModel(HataEnvironment.LargeCity);
        var result = model.PathLoss(new PathLossRequest(F, D, Hb, Hm));
        Assert.Equal(137.93, result.LossDb, Printed);
        Assert.Equal(PropagationMode.NotSet, result.Mode);
    }

    [Fact]
    public void Large_city_uses_the_low_band_correction_at_and_below_200_MHz()
    {
        // Hata (1980): a(h_m) = 8.29 (log 1.54 h_m)^2 - 1.1 for f <= 200 MHz; with h_m = 1.5 m, 1.54 x 1.5 = 2.31.
        var aLow = 8.29 * Math.Pow(Math.Log10(2.31), 2) - 1.1;
        var aSmall = (1.1 * Math.Log10(200) - 0.7) * 1.5 - (1.56 * Math.Log10(200) - 0.8);
        var small = OkumuraHataModel.LossDb(200, 5, 50, 1.5, HataEnvironment.SmallMediumCity);
        var large = OkumuraHataModel.LossDb(200, 5, 50, 1.5, HataEnvironment.LargeCity);
        Assert.Equal(aSmall - aLow, large - small, 1e-9);
    }
}

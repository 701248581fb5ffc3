using Dala.Radio.Models;

namespace Dala.Radio.Tests.Models;

/// <summary>Free space is the existing <see cref="FreeSpaceModel"/>; the empirical models never fall below it in their ranges.</summary>
public class FreeSpaceReuseTests
{
    [Fact]
    public void Rappaport_example_free_space_part_at_900_MHz_and_50_km()
    {
        // T. S. Rappaport, "Wireless Communications: Principles and Practice", 2nd ed., Example 4.10 (Okumura's model;
        // quoted from memory, not checked here): for d = 50 km at 900 MHz "L_F = 10 log[lambda^2 / ((4 pi)^2 d^2)] = 125.5 dB".
        var lambda = 299_792_458.0 / 900e6;
        var byHand = -10 * Math.Log10(lambda * lambda / Math.Pow(4 * Math.PI * 50e3, 2));
        Assert.Equal(125.5, byHand, 0.05);
        Assert.Equal(byHand, FreeSpaceModel.LossDb(50, 900), 0.01);
    }

    [Theory]
    [InlineData(150, 1, 200, 10)]
    [InlineData(1500, 1, 200, 10)]
    [InlineData(900, 2, 100, 3)]
    public void Where_Hata_open_area_falls_below_free_space_free_space_is_given_with_a_warning(double f, double d, double hb, double hm)
    {
        // Inside every validity range, Hata's open-area formula can predict less loss than free space.
        var formula = OkumuraHataModel.FormulaLossDb(f, d, hb, hm, HataEnvironment.Open);
        var freeSpace = FreeSpaceModel.LossDb(d, f);
        Assert.True(formula < freeSpace, $"{formula} >= {freeSpace}");
        Assert.Equal(freeSpace, OkumuraHataModel.LossDb(f, d, hb, hm, HataEnvironment.Open));
        var r = new OkumuraHataModel(HataEnvironment.Open).PathLoss(new PathLossRequest(f, d, hb, hm));
        Assert.Equal(freeSpace, r.LossDb);
        Assert.StartsWith("Okumura-Hata (Open) gives ", Assert.Single(r.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Above_free_space_the_formula_is_returned_without_warning()
    {
        var r = new OkumuraHataModel(HataEnvironment.Open).PathLoss(new PathLossRequest(900, 20, 30, 1.5));
        Assert.Equal(OkumuraHataModel.FormulaLossDb(900, 20, 30, 1.5, HataEnvironment.Open), r.LossDb);
        Assert.Empty(r.Warnings);
        var c = new Cost231HataModel(Cost231Environment.MediumCitySuburban).PathLoss(new PathLossRequest(1500, 1, 200, 10));
        Assert.Empty(c.Warnings);
    }
}

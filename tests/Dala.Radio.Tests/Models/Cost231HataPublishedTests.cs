using Dala.Radio.Models;

namespace Dala.Radio.Tests.Models;

/// <summary>COST-231 Hata against published numbers, recomputed here from the numbers as printed.</summary>
public class Cost231HataPublishedTests
{
    [Fact]
    public void Textbook_example_at_1800_MHz_from_its_printed_Hata_terms()
    {
        // Scilab Textbook Companion (FOSSEE, IIT Bombay; github.com/FOSSEE/Scilab-TBC-Uploads, 3739/CH6/EX6.19/EX6_19.sce,
        // which does not name the textbook), chapter 6, Example 6.19, page 275: f = 1800 MHz,
        // d = 10 km, h_b = 40 m, h_m = 3 m, with the book's "Hata model data" A = 132.57 (= 69.55 + 26.16 log f
        // - 13.82 log h_b) and B = 34.4 (= 44.9 - 6.55 log h_b). COST-231 changes 69.55 -> 46.3 and 26.16 -> 33.9
        // (COST 231 final report, EUR 18957, ch. 4), so L = A + B log d - a(h_m) - 23.25 + 7.74 log f + C_m.
        const double a = 132.57, b = 34.4;
        var aHm = (1.1 * Math.Log10(1800) - 0.7) * 3 - (1.56 * Math.Log10(1800) - 0.8);
        var expected = a + b * Math.Log10(10) - aHm + (46.3 - 69.55) + (33.9 - 26.16) * Math.Log10(1800);
        Assert.Equal(expected, Cost231HataModel.LossDb(1800, 10, 40, 3, Cost231Environment.MediumCitySuburban), 0.01);
        Assert.Equal(expected + 3, Cost231HataModel.LossDb(1800, 10, 40, 3, Cost231Environment.Metropolitan), 0.01);
    }

    [Fact]
    public void The_same_example_is_refused_by_plain_Hata()
    {
        // The book also evaluates plain Hata at 1800 MHz; Hata's formula is fitted on 150..1500 MHz only.
        var e = Assert.Throws<ModelValidityException>(() => OkumuraHataModel.LossDb(1800, 10, 40, 3, HataEnvironment.SmallMediumCity));
        Assert.Equal("frequency", e.Quantity);
        Assert.Equal("150..1500 MHz", e.ValidRange);
    }

    [Fact]
    public void Cell_free_massive_mimo_constant_uses_the_formula_outside_its_validity()
    {
        // H. Q. Ngo et al., "Cell-Free Massive MIMO Versus Small Cells", IEEE Trans. Wireless Commun. 16(3), 2017,
        // eqs. (52)-(53): L = 46.3 + 33.9 log10 f - 13.82 log10 h_AP - (1.1 log10 f - 0.7) h_u + (1.56 log10 f - 0.8)
        // with f = 1900 MHz, h_AP = 15 m, h_u = 1.65 m; public reproductions of its simulations hard-code L = 140.7 dB.
        var l = 46.3 + 33.9 * Math.Log10(1900) - 13.82 * Math.Log10(15) - (1.1 * Math.Log10(1900) - 0.7) * 1.65 + (1.56 * Math.Log10(1900) - 0.8);
        Assert.Equal(140.7, l, 0.05);
        // 15 m is below COST-231's 30 m base heights: Dala refuses rather than give that number.
        var e = Assert.Throws<ModelValidityException>(() => Cost231HataModel.LossDb(1900, 1, 15, 1.65, Cost231Environment.MediumCitySuburban));
        Assert.Equal("base station antenna height", e.Quantity);
    }

    [Fact]
    public void Behind_the_propagation_model_interface()
    {
        IPropagationModel model = new Cost231HataModel(Cost231Environment.Metropolitan);
        var r = model.PathLoss(new PathLossRequest(1800, 10, 40, 3));
        Assert.Equal(Cost231HataModel.LossDb(1800, 10, 40, 3, Cost231Environment.Metropolitan), r.LossDb);
    }
}

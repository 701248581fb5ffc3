using System.Numerics;
using Dala.Radio.Itm;
using Dala.Radio.Itm.Calculation;

namespace Dala.Radio.Tests;

/// <summary>Parts of the model against the values NTIA's own unit tests pin (agreement to 1e-12 relative).</summary>
public class ComponentTests
{
    [Theory]
    [InlineData(10000.0, 4.2910433148599818, PropagationMode.LineOfSight)]
    [InlineData(25e3, 23.008174136481173, PropagationMode.Diffraction)]
    [InlineData(10e6 + 1, 10257.44380116946, PropagationMode.Troposcatter)]
    public void Reference_attenuation_in_each_region(double distanceM, double expected, PropagationMode expectedMode)
    {
        var geometry = new PathGeometry(distanceM, 3.5, new TerminalPair(15, 5), new TerminalPair(15, 5), new TerminalPair(15e3, 7e3), new TerminalPair(-1.9, -0.8));
        var radio = new RadioParameters(3500, new Complex(0.2, 0), 1.0 / 7860e3, 252);
        var warnings = ItmWarnings.None;

        var (attenuation, mode) = ReferenceAttenuation.Compute(new LongleyRicePath(geometry, radio, pointToPoint: true), ref warnings);

        Assert.Equal(expectedMode, mode);
        Assert.Equal(expected, attenuation, expected * 1e-12);
    }

    [Theory]
    [InlineData(RadioClimate.Equatorial, 3, 62.258514685008194)]
    [InlineData(RadioClimate.ContinentalSubtropical, 3, 62.172817403455056)]
    [InlineData(RadioClimate.MaritimeSubtropical, 3, 62.180947861894204)]
    [InlineData(RadioClimate.Desert, 3, 62.285710999957999)]
    [InlineData(RadioClimate.ContinentalTemperate, 3, 62.148868476830557)]
    [InlineData(RadioClimate.MaritimeTemperateOverLand, 3, 62.202217322742925)]
    [InlineData(RadioClimate.MaritimeTemperateOverSea, 3, 62.171720116596696)]
    [InlineData(RadioClimate.Equatorial, 0, 65.983366483245064)]
    [InlineData(RadioClimate.Equatorial, 1, 65.975212768420008)]
    [InlineData(RadioClimate.Equatorial, 2, 54.938699908329184)]
    [InlineData(RadioClimate.Equatorial, 13, 59.833829899214862)]
    [InlineData(RadioClimate.Equatorial, 23, 53.043626273213889)]
    public void Variability_for_each_climate_and_mode(RadioClimate climate, int mdvar, double expected)
    {
        var geometry = new PathGeometry(10000, 10, new TerminalPair(100, 100), new TerminalPair(100, 100), default, default);
        var variability = ItmVariability.FromMdvar(mdvar, 30, 60, 90);
        var warnings = ItmWarnings.None;

        var attenuation = Variability.Attenuation(50, geometry, 3500, climate, variability, ref warnings);

        Assert.Equal(expected, attenuation, expected * 1e-12);
        Assert.Equal(ItmWarnings.None, warnings);
    }

    private static readonly double[] ShortProfile = [100.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 100.0];

    private static readonly double[] LongProfile =
    [
        100.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0,
        2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 100.0,
    ];

    [Theory]
    [InlineData(false, 10.0, 90.0, 130.80086741994160)]
    [InlineData(false, 15.0, 85.0, 41.639683828192240)]
    [InlineData(true, 10.0, 320.0, 5.5481498660992807)]
    [InlineData(true, 15.0, 315.0, 5.4395216034312366)]
    public void Terrain_irregularity_from_a_profile(bool longProfile, double startM, double endM, double expected)
    {
        var deltaH = TerrainIrregularity.DeltaH(longProfile ? LongProfile : ShortProfile, 10.0, startM, endM);
        Assert.Equal(expected, deltaH, expected * 1e-12);
    }

    [Fact]
    public void Terrain_irregularity_of_fewer_than_two_points_is_zero() =>
        Assert.Equal(0.0, TerrainIrregularity.DeltaH([1.0, 2.0, 3.0, 4.0, 5.0], 10.0, 40.0, 50.0));

    [Fact]
    public void Select_finds_the_same_order_statistics_as_a_sort()
    {
        var random = new Random(7);
        foreach (var length in new[] { 1, 2, 3, 35, 245 })
        {
            var values = Enumerable.Range(0, length).Select(_ => (double)random.Next(0, 12)).ToArray(); // many ties
            var sorted = values.Order().ToArray();
            for (var k = 0; k < length; k++)
            {
                var copy = values.ToArray();
                Assert.Equal(sorted[k], Numeric.Select(copy, k));
                Assert.All(copy[..k], v => Assert.True(v <= copy[k]));
            }
        }
    }
}

using Dala.Radio.Itm;

namespace Dala.Radio.Tests;

/// <summary>Inputs outside ITM's validity throw with the NTIA error code; inputs near its limits give warnings.</summary>
public class ValidityTests
{
    private static readonly ItmPointToPointInput Ok = Paths.Link(Paths.Flat());

    private static readonly Dictionary<string, (ItmPointToPointInput Input, ItmError Error)> BadPointToPointCases = new()
    {
        ["frequency below 20 MHz"] = (Ok with { FrequencyMHz = 10 }, ItmError.Frequency),
        ["frequency above 20 GHz"] = (Ok with { FrequencyMHz = 25_000 }, ItmError.Frequency),
        ["frequency NaN"] = (Ok with { FrequencyMHz = double.NaN }, ItmError.NotFinite),
        ["tx below 0.5 m"] = (Ok with { TxHeightM = 0.2 }, ItmError.TxTerminalHeight),
        ["rx above 3000 m"] = (Ok with { RxHeightM = 3500 }, ItmError.RxTerminalHeight),
        ["N_0 below 250"] = (Ok with { Environment = Paths.Steppe with { SurfaceRefractivityN0 = 200 } }, ItmError.Refractivity),
        ["climate 9"] = (Ok with { Environment = Paths.Steppe with { Climate = (RadioClimate)9 } }, ItmError.InvalidRadioClimate),
        ["polarization 2"] = (Ok with { Environment = Paths.Steppe with { Polarization = (Polarization)2 } }, ItmError.Polarization),
        ["epsilon below 1"] = (Ok with { Environment = Paths.Steppe with { Ground = new GroundConstants(0.5, 0.005) } }, ItmError.Epsilon),
        ["sigma zero"] = (Ok with { Environment = Paths.Steppe with { Ground = new GroundConstants(15, 0) } }, ItmError.Sigma),
        ["time 0 %"] = (Ok with { Variability = Paths.Median with { TimePercent = 0 } }, ItmError.InvalidTime),
        ["location 100 %"] = (Ok with { Variability = Paths.Median with { LocationPercent = 100 } }, ItmError.InvalidLocation),
        ["situation negative"] = (Ok with { Variability = Paths.Median with { SituationPercent = -1 } }, ItmError.InvalidSituation),
        ["reliability 100 %"] = (Ok with { Variability = ItmVariability.ConfidenceReliability(50, 100) }, ItmError.InvalidReliability),
        ["confidence 0 %"] = (Ok with { Variability = ItmVariability.ConfidenceReliability(0, 50) }, ItmError.InvalidConfidence),
    };

    public static TheoryData<string> BadPointToPoint() => [.. BadPointToPointCases.Keys];

    [Theory]
    [MemberData(nameof(BadPointToPoint))]
    public void Point_to_point_input_outside_validity_throws_its_error(string why)
    {
        var (input, expected) = BadPointToPointCases[why];
        var e = Assert.Throws<ItmInputException>(() => IrregularTerrainModel.PointToPoint(input));
        Assert.Equal(expected, e.Error);
        Assert.StartsWith($"ITM error {(int)expected} ({expected}): ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_says_what_the_range_is()
    {
        var e = Assert.Throws<ItmInputException>(() => IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat(), frequencyMHz: 20_000.5)));
        Assert.Equal("frequency 20000.5 MHz is outside 20..20,000 MHz", e.Reason);
        Assert.Equal("FrequencyMHz", e.ParamName);
    }

    private static readonly Dictionary<string, (ItmAreaInput Input, ItmError Error)> BadAreaCases = new()
    {
        ["distance zero"] = (Paths.Area(distanceKm: 0), ItmError.PathDistance),
        ["distance infinite"] = (Paths.Area(distanceKm: double.PositiveInfinity), ItmError.NotFinite),
        ["delta h negative"] = (Paths.Area(deltaHM: -1), ItmError.DeltaH),
        ["tx siting 3"] = (Paths.Area() with { TxSiting = (SitingCriteria)3 }, ItmError.TxSitingCriteria),
        ["rx siting -1"] = (Paths.Area() with { RxSiting = (SitingCriteria)(-1) }, ItmError.RxSitingCriteria),
        ["frequency 19 MHz"] = (Paths.Area(frequencyMHz: 19), ItmError.Frequency),
    };

    public static TheoryData<string> BadArea() => [.. BadAreaCases.Keys];

    [Theory]
    [MemberData(nameof(BadArea))]
    public void Area_input_outside_validity_throws_its_error(string why)
    {
        var (input, expected) = BadAreaCases[why];
        Assert.Equal(expected, Assert.Throws<ItmInputException>(() => IrregularTerrainModel.Area(input)).Error);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(14)]
    [InlineData(34)]
    [InlineData(-1)]
    public void An_mdvar_that_is_no_mode_is_refused(int mdvar) =>
        Assert.Equal(ItmError.Mdvar, Assert.Throws<ItmInputException>(() => ItmVariability.FromMdvar(mdvar, 50, 50, 50)).Error);

    [Fact]
    public void Mdvar_splits_into_mode_and_eliminations_and_back()
    {
        var v = ItmVariability.FromMdvar(32, 50, 50, 50);
        Assert.Equal((VariabilityMode.Mobile, true, true, 32), (v.Mode, v.EliminateLocationVariability, v.EliminateSituationVariability, v.Mdvar));
    }

    [Fact]
    public void Near_the_limits_the_loss_comes_with_warnings()
    {
        var lowFrequency = IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat(), frequencyMHz: 30));
        Assert.True(lowFrequency.Warnings.HasFlag(ItmWarnings.Frequency));
        Assert.Contains("frequency is outside 40..10,000 MHz", lowFrequency.ToPathLoss().Warnings);

        var tooFar = IrregularTerrainModel.Area(Paths.Area(distanceKm: 2500));
        Assert.True(tooFar.Warnings.HasFlag(ItmWarnings.PathDistanceTooBig1 | ItmWarnings.PathDistanceTooBig2));
        Assert.True(double.IsFinite(tooFar.BasicTransmissionLossDb));

        var tooNear = IrregularTerrainModel.Area(Paths.Area(distanceKm: 0.5));
        Assert.True(tooNear.Warnings.HasFlag(ItmWarnings.PathDistanceTooSmall2));

        var tail = IrregularTerrainModel.Area(Paths.Area() with { Variability = Paths.Median with { SituationPercent = 99.95 } });
        Assert.True(tail.Warnings.HasFlag(ItmWarnings.ExtremeVariabilities));
    }

    [Fact]
    public void A_comfortable_link_has_no_warnings()
    {
        var result = IrregularTerrainModel.PointToPoint(Paths.Link(Paths.Flat()));
        Assert.False(result.HasWarnings);
        Assert.Empty(result.ToPathLoss().Warnings);
    }
}

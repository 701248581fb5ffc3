using Dala.Radio.Itm.Calculation;

namespace Dala.Radio.Itm;

/// <summary>
/// The ITS Irregular Terrain Model (Longley-Rice), after NTIA's ITM 1.2.2 algorithm: median attenuation from
/// path geometry, then the time, location and situation variabilities of the radio climate.
/// Inputs outside the model's validity throw <see cref="ItmInputException"/>; inputs near its limits give warnings.
/// </summary>
public static class IrregularTerrainModel
{
    /// <summary>Point-to-point mode: the path geometry comes from the terrain profile.</summary>
    public static ItmResult PointToPoint(ItmPointToPointInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Profile);
        var warnings = InputValidation.Common(input.TxHeightM, input.RxHeightM, input.FrequencyMHz, input.Environment, input.Variability);

        var profile = input.Profile;
        var z = profile.ElevationsM.Span;
        var radio = RadioParameters.For(input.FrequencyMHz, ProfileGeometry.MeanElevation(z), input.Environment);
        var heights = new TerminalPair(input.TxHeightM, input.RxHeightM);
        var geometry = ProfileGeometry.Analyse(z, profile.StepM, radio.EffectiveEarthRadiusM, heights);
        return Predict(geometry, radio, pointToPoint: true, input.Environment.Climate, input.Variability, warnings);
    }

    /// <summary>Area mode: the path geometry is estimated from Delta h and the terminals' siting.</summary>
    public static ItmResult Area(ItmAreaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var warnings = InputValidation.Common(input.TxHeightM, input.RxHeightM, input.FrequencyMHz, input.Environment, input.Variability);
        InputValidation.Finite(input.DistanceKm, "distance");
        InputValidation.Finite(input.TerrainIrregularityM, "delta h");
        if (input.DistanceKm <= 0)
            InputValidation.Fail(ItmError.PathDistance, nameof(input.DistanceKm), $"path distance {input.DistanceKm} km is not positive");
        if (input.TerrainIrregularityM < 0)
            InputValidation.Fail(ItmError.DeltaH, nameof(input.TerrainIrregularityM), $"terrain irregularity Delta h = {input.TerrainIrregularityM} m is negative");
        if (!Enum.IsDefined(input.TxSiting))
            InputValidation.Fail(ItmError.TxSitingCriteria, nameof(input.TxSiting), $"transmitter siting criteria {(int)input.TxSiting} is not 0..2");
        if (!Enum.IsDefined(input.RxSiting))
            InputValidation.Fail(ItmError.RxSitingCriteria, nameof(input.RxSiting), $"receiver siting criteria {(int)input.RxSiting} is not 0..2");

        var radio = RadioParameters.For(input.FrequencyMHz, 0.0, input.Environment);
        var heights = new TerminalPair(input.TxHeightM, input.RxHeightM);
        var geometry = AreaGeometry.Estimate(input.DistanceKm * 1000, input.TerrainIrregularityM, heights, input.TxSiting, input.RxSiting, radio.EarthCurvature);
        return Predict(geometry, radio, pointToPoint: false, input.Environment.Climate, input.Variability, warnings);
    }

    private static ItmResult Predict(in PathGeometry geometry, in RadioParameters radio, bool pointToPoint, RadioClimate climate, ItmVariability variability, ItmWarnings warnings)
    {
        var path = new LongleyRicePath(geometry, radio, pointToPoint);
        var (reference, mode) = ReferenceAttenuation.Compute(path, ref warnings);
        var freeSpace = FreeSpaceModel.LossDb(geometry.DistanceM / 1000.0, radio.FrequencyMHz);
        var loss = Variability.Attenuation(reference, geometry, radio.FrequencyMHz, climate, variability, ref warnings) + freeSpace;
        if (!double.IsFinite(loss))
            InputValidation.Fail(ItmError.NotFinite, null, $"the model gave a non-finite loss ({loss}) for this path; check the profile and heights");
        var details = new ItmDetails(reference, freeSpace, geometry.DistanceM / 1000.0, geometry.DeltaHM, radio.SurfaceRefractivity,
            geometry.HorizonAngleRad, geometry.HorizonDistanceM, geometry.EffectiveHeightM);
        return new ItmResult(loss, mode, warnings, details);
    }
}

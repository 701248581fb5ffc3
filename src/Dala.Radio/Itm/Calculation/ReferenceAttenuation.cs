namespace Dala.Radio.Itm.Calculation;

/// <summary>
/// Longley-Rice reference attenuation A_ref: the median loss relative to free space, from a diffraction line
/// fitted far beyond the horizon, extended into line of sight by two-ray theory and beyond by troposcatter.
/// </summary>
internal static class ReferenceAttenuation
{
    public static (double AttenuationDb, PropagationMode Mode) Compute(in LongleyRicePath path, ref ItmWarnings warnings)
    {
        Check(path, ref warnings);

        // Two distances far in the diffraction region fix the diffraction line.
        var d3 = Math.Max(path.SmoothEarthLineOfSightM, path.LineOfSightM + 5.0 * path.DiffractionScaleM);
        var d4 = d3 + 10.0 * path.DiffractionScaleM;
        var a3 = Diffraction.Loss(path, d3);
        var a4 = Diffraction.Loss(path, d4);
        var slope = (a4 - a3) / (d4 - d3);
        var line = new DiffractionLine(slope, a3 - slope * d3);

        var g = path.Geometry;
        var d = g.DistanceM;
        if (d < Math.Abs(g.EffectiveHeightM.Tx - g.EffectiveHeightM.Rx) / 200e-3) warnings |= ItmWarnings.PathDistanceTooSmall1;
        if (d < 1e3) warnings |= ItmWarnings.PathDistanceTooSmall2;
        if (d > 1000e3) warnings |= ItmWarnings.PathDistanceTooBig1;
        if (d > 2000e3) warnings |= ItmWarnings.PathDistanceTooBig2;

        var (attenuation, mode) = d < path.SmoothEarthLineOfSightM
            ? (LineOfSightRegion.Attenuation(path, line, d), PropagationMode.LineOfSight)
            : TransHorizonRegion.Attenuation(path, line, d);
        return (Math.Max(attenuation, 0.0), mode);
    }

    private static void Check(in LongleyRicePath path, ref ItmWarnings warnings)
    {
        var g = path.Geometry;
        if (Math.Abs(g.HorizonAngleRad.Tx) > 200e-3) warnings |= ItmWarnings.TxHorizonAngle;
        if (Math.Abs(g.HorizonAngleRad.Rx) > 200e-3) warnings |= ItmWarnings.RxHorizonAngle;
        if (g.HorizonDistanceM.Tx < 0.1 * path.SmoothEarthHorizonM.Tx) warnings |= ItmWarnings.TxHorizonDistance1;
        if (g.HorizonDistanceM.Rx < 0.1 * path.SmoothEarthHorizonM.Rx) warnings |= ItmWarnings.RxHorizonDistance1;
        if (g.HorizonDistanceM.Tx > 3.0 * path.SmoothEarthHorizonM.Tx) warnings |= ItmWarnings.TxHorizonDistance2;
        if (g.HorizonDistanceM.Rx > 3.0 * path.SmoothEarthHorizonM.Rx) warnings |= ItmWarnings.RxHorizonDistance2;

        var ns = path.Radio.SurfaceRefractivity;
        if (ns < 150) InputValidation.Fail(ItmError.SurfaceRefractivitySmall, null, $"surface refractivity N_s = {ns:0.#} at the path's elevation is below 150 N-units");
        if (ns > 400) InputValidation.Fail(ItmError.SurfaceRefractivityLarge, null, $"surface refractivity N_s = {ns:0.#} is above 400 N-units");
        if (ns < 250) warnings |= ItmWarnings.SurfaceRefractivity;

        if (path.EarthRadiusM is < 4000000 or > 13333333)
            InputValidation.Fail(ItmError.EffectiveEarth, null, $"effective earth radius {path.EarthRadiusM / 1000:0} km is outside 4000..13,333 km");
        var zg = path.Radio.GroundImpedance;
        if (zg.Real <= Math.Abs(zg.Imaginary))
            InputValidation.Fail(ItmError.GroundImpedance, null, $"ground impedance {zg} has an imaginary part not smaller than its real part");
    }
}

namespace Dala.Radio.Itm.Calculation;

/// <summary>
/// Beyond the smooth-earth line of sight: the diffraction line, until the troposcatter line (fitted 200 and 400 km
/// beyond the horizons) gives less loss.
/// </summary>
internal static class TransHorizonRegion
{
    public static (double AttenuationDb, PropagationMode Mode) Attenuation(in LongleyRicePath path, DiffractionLine diffraction, double distanceM)
    {
        var d5 = path.LineOfSightM + 200e3;
        var d6 = path.LineOfSightM + 400e3;
        var h0 = -1.0;
        var a6 = Troposcatter.Loss(path, d6, ref h0);
        var a5 = Troposcatter.Loss(path, d5, ref h0);

        DiffractionLine scatter;
        double transition;
        if (a5 < 1000.0)
        {
            var slope = (a6 - a5) / 200e3;
            var f = path.Radio.FrequencyMHz;
            transition = Math.Max(
                Math.Max(path.SmoothEarthLineOfSightM, path.LineOfSightM + 1.088 * path.DiffractionScaleM * Math.Log(f)),
                (a5 - diffraction.InterceptDb - slope * d5) / (diffraction.SlopeDbPerM - slope));
            scatter = new DiffractionLine(slope, (diffraction.SlopeDbPerM - slope) * transition + diffraction.InterceptDb);
        }
        else
        {
            // No usable troposcatter prediction: the diffraction line all the way.
            scatter = diffraction;
            transition = 10e6;
        }

        return distanceM > transition
            ? (scatter.At(distanceM), PropagationMode.Troposcatter)
            : (diffraction.At(distanceM), PropagationMode.Diffraction);
    }
}

namespace Dala.Radio;

/// <summary>Free-space basic transmission loss, 32.45 + 20 log f[MHz] + 20 log d[km]: the floor every other model adds to.</summary>
public sealed class FreeSpaceModel : IPropagationModel
{
    public static double LossDb(double distanceKm, double frequencyMHz)
    {
        if (!(distanceKm > 0) || double.IsInfinity(distanceKm)) throw new ArgumentOutOfRangeException(nameof(distanceKm), distanceKm, "distance must be a positive number of km");
        if (!(frequencyMHz > 0) || double.IsInfinity(frequencyMHz)) throw new ArgumentOutOfRangeException(nameof(frequencyMHz), frequencyMHz, "frequency must be a positive number of MHz");
        return 32.45 + 20.0 * Math.Log10(frequencyMHz) + 20.0 * Math.Log10(distanceKm);
    }

    public PathLossResult PathLoss(PathLossRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new PathLossResult(LossDb(request.DistanceKm, request.FrequencyMHz), PropagationMode.LineOfSight);
    }
}

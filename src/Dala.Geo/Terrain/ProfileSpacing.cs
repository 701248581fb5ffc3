namespace Dala.Geo.Terrain;

/// <summary>
/// How a path is cut into equal intervals: n = ceil(distance / requested step) (at least 1), step = distance / n,
/// so the step used is at most the one asked for and the samples are equally spaced, A first and B last.
/// </summary>
public readonly record struct ProfileSpacing(int Intervals, double StepM, double DistanceM)
{
    public int Samples => Intervals + 1;

    /// <summary>Length of the ITM "pfl" array: [intervals, step, Samples elevations].</summary>
    public int PflLength => Intervals + 3;

    /// <summary>
    /// The spacing for a path of <paramref name="distanceM"/> at no more than <paramref name="maxStepM"/>. A ratio
    /// within 1e-9 (relative) of a whole number counts as that number, so rounding noise does not add an interval.
    /// Coincident end points give 1 interval of 0 m.
    /// </summary>
    public static ProfileSpacing For(double distanceM, double maxStepM)
    {
        if (!double.IsFinite(distanceM) || distanceM < 0)
            throw new ArgumentOutOfRangeException(nameof(distanceM), distanceM, "the path length must be a finite number of metres >= 0");
        if (!double.IsFinite(maxStepM) || maxStepM <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxStepM), maxStepM, "the profile step must be a positive number of metres");
        var ratio = distanceM / maxStepM;
        var rounded = Math.Round(ratio);
        var n = Math.Abs(ratio - rounded) <= 1e-9 * Math.Max(1, ratio) ? rounded : Math.Ceiling(ratio);
        if (n > int.MaxValue - 3)
            throw new ArgumentOutOfRangeException(nameof(maxStepM), maxStepM, $"a {distanceM} m path at {maxStepM} m steps has too many samples");
        var intervals = Math.Max(1, (int)n);
        return new ProfileSpacing(intervals, distanceM / intervals, distanceM);
    }
}

namespace Dala.Radio;

/// <summary>
/// Ground elevations (m above sea level) at equal steps from the transmitter (first) to the receiver (last).
/// Immutable: the elevations are not copied, so the caller must not change a buffer it hands over.
/// </summary>
public sealed class TerrainProfile
{
    public TerrainProfile(double stepM, ReadOnlyMemory<double> elevationsM)
    {
        if (!double.IsFinite(stepM) || stepM <= 0)
            throw new ArgumentOutOfRangeException(nameof(stepM), stepM, "the profile step must be a positive number of metres");
        if (elevationsM.Length < 2)
            throw new ArgumentException($"a profile needs at least 2 elevations (1 interval); it has {elevationsM.Length}", nameof(elevationsM));
        var span = elevationsM.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (!double.IsFinite(span[i]))
                throw new ArgumentException($"elevation {i} is {span[i]}, not a finite number of metres", nameof(elevationsM));
        }
        StepM = stepM;
        ElevationsM = elevationsM;
    }

    /// <summary>Distance between consecutive elevations, m.</summary>
    public double StepM { get; }

    /// <summary>Intervals + 1 elevations, m; the first under the transmitter, the last under the receiver.</summary>
    public ReadOnlyMemory<double> ElevationsM { get; }

    public int Intervals => ElevationsM.Length - 1;

    /// <summary>Path length, m (intervals x step).</summary>
    public double DistanceM => Intervals * StepM;

    /// <summary>
    /// Reads ITM's "pfl" layout: [number of intervals, step in metres, elevation 0 .. elevation n]; the count must
    /// agree with the number of elevations that follow.
    /// </summary>
    public static TerrainProfile FromPfl(ReadOnlySpan<double> pfl)
    {
        if (pfl.Length < 4) throw new ArgumentException($"a pfl needs at least 4 values (intervals, step, 2 elevations); it has {pfl.Length}", nameof(pfl));
        var n = pfl[0];
        if (!double.IsFinite(n) || n < 1 || n != Math.Floor(n) || n > int.MaxValue - 3)
            throw new ArgumentException($"the pfl's interval count {n} is not a whole number >= 1", nameof(pfl));
        var intervals = (int)n;
        if (pfl.Length != intervals + 3)
            throw new ArgumentException($"the pfl declares {intervals} intervals, so it needs {intervals + 1} elevations after the count and step; it has {pfl.Length - 2}", nameof(pfl));
        return new TerrainProfile(pfl[1], pfl[2..].ToArray());
    }

    /// <summary>Samples <paramref name="elevationAtM"/> (distance from the transmitter, m, to elevation, m) at <paramref name="intervals"/> + 1 points.</summary>
    public static TerrainProfile Sample(double distanceM, int intervals, Func<double, double> elevationAtM)
    {
        ArgumentNullException.ThrowIfNull(elevationAtM);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        var step = distanceM / intervals;
        var z = new double[intervals + 1];
        for (var i = 0; i <= intervals; i++) z[i] = elevationAtM(i * step);
        return new TerrainProfile(step, z);
    }

    /// <summary>The pfl layout: [intervals, step, elevations...].</summary>
    public double[] ToPfl()
    {
        var pfl = new double[ElevationsM.Length + 2];
        pfl[0] = Intervals;
        pfl[1] = StepM;
        ElevationsM.Span.CopyTo(pfl.AsSpan(2));
        return pfl;
    }
}

namespace Dala.Geo.Terrain;

/// <summary>
/// Ground heights at equal steps along the great circle from <see cref="From"/> (first) to <see cref="To"/>
/// (last). A height that is unknown (no tile, or void beyond the search) is NaN and counted in
/// <see cref="UnknownCount"/>; when <see cref="Covered"/> is false the caller should use ITM area mode.
/// </summary>
public sealed class ElevationProfile
{
    private readonly double[] _heights;

    /// <param name="heightsM">Spacing.Samples heights, NaN where unknown; kept, not copied.</param>
    public ElevationProfile(LonLat from, LonLat to, ProfileSpacing spacing, double[] heightsM)
    {
        ArgumentNullException.ThrowIfNull(heightsM);
        if (heightsM.Length != spacing.Samples)
            throw new ArgumentException($"{spacing.Intervals} intervals need {spacing.Samples} heights, not {heightsM.Length}", nameof(heightsM));
        From = from;
        To = to;
        Spacing = spacing;
        _heights = heightsM;
        foreach (var h in heightsM) if (double.IsNaN(h)) UnknownCount++;
    }

    public LonLat From { get; }

    public LonLat To { get; }

    public ProfileSpacing Spacing { get; }

    public int Intervals => Spacing.Intervals;

    /// <summary>The step actually used, m (distance / intervals).</summary>
    public double StepM => Spacing.StepM;

    public double DistanceM => Spacing.DistanceM;

    /// <summary>Intervals + 1 heights, m; NaN where unknown.</summary>
    public ReadOnlyMemory<double> HeightsM => _heights;

    public int UnknownCount { get; }

    public bool Covered => UnknownCount == 0;

    /// <summary>ITM's "pfl" layout: [intervals, step m, height 0 .. height n].</summary>
    /// <exception cref="InvalidOperationException">Some heights are unknown.</exception>
    public double[] ToPfl()
    {
        if (!Covered)
            throw new InvalidOperationException($"the profile {From} -> {To} has {UnknownCount} of {_heights.Length} heights unknown (no terrain tile or a void); use ITM area mode");
        var pfl = new double[Spacing.PflLength];
        pfl[0] = Intervals;
        pfl[1] = StepM;
        _heights.CopyTo(pfl, 2);
        return pfl;
    }
}

namespace Dala.Geo.Terrain;

/// <summary>
/// Great-circle terrain profiles over any <see cref="ITerrain"/>: samples equally spaced along the arc
/// (spherical interpolation; see <see cref="ProfileSpacing"/>), heights by the terrain's lookup.
/// </summary>
public static class TerrainProfiler
{
    /// <summary>A profile from <paramref name="from"/> to <paramref name="to"/> at no more than <paramref name="stepM"/>.</summary>
    public static ElevationProfile Profile(this ITerrain terrain, LonLat from, LonLat to, double stepM)
    {
        var arc = new GreatCircleArc(from, to);
        var spacing = ProfileSpacing.For(arc.DistanceM, stepM);
        var heights = new double[spacing.Samples];
        terrain.FillHeights(arc, heights);
        return new ElevationProfile(from, to, spacing, heights);
    }

    /// <summary>
    /// Writes the pfl layout [intervals, step m, heights...] into <paramref name="pfl"/> (at least
    /// <see cref="ProfileSpacing.PflLength"/> long; get it from <see cref="ProfileSpacing.For"/>, rent a pooled
    /// buffer), NaN where a height is unknown. Allocates nothing.
    /// </summary>
    public static ProfileFill FillPfl(this ITerrain terrain, LonLat from, LonLat to, double stepM, Span<double> pfl)
    {
        var arc = new GreatCircleArc(from, to);
        var spacing = ProfileSpacing.For(arc.DistanceM, stepM);
        if (pfl.Length < spacing.PflLength)
            throw new ArgumentException($"a {spacing.Intervals}-interval profile needs a buffer of {spacing.PflLength}, not {pfl.Length}", nameof(pfl));
        pfl[0] = spacing.Intervals;
        pfl[1] = spacing.StepM;
        return new ProfileFill(spacing, terrain.FillHeights(arc, pfl.Slice(2, spacing.Samples)));
    }

    /// <summary>
    /// Fills <paramref name="heightsM"/> (length = samples, at least 2) with heights at equal fractions of the arc,
    /// the first at From and the last at To; NaN where unknown. Returns the number of unknown heights.
    /// </summary>
    public static int FillHeights(this ITerrain terrain, GreatCircleArc arc, Span<double> heightsM)
    {
        ArgumentNullException.ThrowIfNull(terrain);
        if (heightsM.Length < 2) throw new ArgumentException("a profile has at least 2 samples", nameof(heightsM));
        var intervals = heightsM.Length - 1;
        var unknown = 0;
        for (var i = 0; i <= intervals; i++)
        {
            var h = terrain.HeightAt(arc.At((double)i / intervals));
            if (h is null) unknown++;
            heightsM[i] = h ?? double.NaN;
        }
        return unknown;
    }

    /// <summary>The sample points themselves (length = samples, at least 2), as <see cref="FillHeights"/> uses them.</summary>
    public static void FillPoints(GreatCircleArc arc, Span<LonLat> points)
    {
        if (points.Length < 2) throw new ArgumentException("a profile has at least 2 samples", nameof(points));
        var intervals = points.Length - 1;
        for (var i = 0; i <= intervals; i++) points[i] = arc.At((double)i / intervals);
    }
}

namespace Dala.Geo.Terrain;

public static class TerrainCoverage
{
    /// <summary>
    /// Whether every sample point of the profile from <paramref name="from"/> to <paramref name="to"/> at
    /// <paramref name="stepM"/> is covered (the same points <see cref="TerrainProfiler.Profile"/> would sample).
    /// Covered points can still be void; the profile's own count of unknown heights is the final word.
    /// </summary>
    public static bool CoversPath(this ITerrainCoverage coverage, LonLat from, LonLat to, double stepM)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var arc = new GreatCircleArc(from, to);
        var spacing = ProfileSpacing.For(arc.DistanceM, stepM);
        for (var i = 0; i <= spacing.Intervals; i++)
        {
            if (!coverage.Covers(arc.At((double)i / spacing.Intervals))) return false;
        }
        return true;
    }
}

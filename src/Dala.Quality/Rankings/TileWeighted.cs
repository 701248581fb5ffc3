namespace Dala.Quality.Rankings;

/// <summary>A tile-weighted mean figure for one unit and period (Ookla's own aggregation of its open data).</summary>
public sealed record TileFigure(string? Region, string? Operator, string Period, int Tiles, long Tests,
    double? DownMean, double? UpMean, double? LatencyMean, bool Synthetic);

/// <summary>
/// Ookla open-data tiles hold the mean speed of a quadkey's tests and how many tests: the figure their data allows is the
/// test-weighted mean of tile means, sum(mean_i x tests_i) / sum(tests_i). Medians cannot be derived from tiles, so these
/// figures are reported apart from the exact medians, under <see cref="Method"/>, never mixed into them.
/// </summary>
public static class TileWeighted
{
    public const string Method = "tile-weighted mean (Ookla open data)";

    /// <summary>Combines per-month sums into figures per unit and period (month, or quarter "2021-Q3" when quarterly).</summary>
    public static IReadOnlyList<TileFigure> Combine(IEnumerable<TileSums> sums, RankUnit unit, bool quarterly) =>
        sums.GroupBy(s => (Key: RankingBuilder.Key(unit, s.Region, s.Operator), Period: quarterly ? Months.Quarter(s.Month) : s.Month))
            .Select(g => new TileFigure(
                unit is RankUnit.Region or RankUnit.RegionOperator ? g.First().Region : null,
                unit is RankUnit.Operator or RankUnit.RegionOperator ? g.First().Operator : null,
                g.Key.Period, g.Sum(s => s.Tiles), g.Sum(s => s.Tests),
                Mean(g.Sum(s => s.DownWeighted), g.Sum(s => s.DownTests)), Mean(g.Sum(s => s.UpWeighted), g.Sum(s => s.UpTests)),
                Mean(g.Sum(s => s.LatencyWeighted), g.Sum(s => s.LatencyTests)), g.Any(s => s.Synthetic)))
            .OrderBy(f => f.Period, StringComparer.Ordinal).ThenBy(f => f.Region, StringComparer.Ordinal).ThenBy(f => f.Operator, StringComparer.Ordinal)
            .ToArray();

    private static double? Mean(double weighted, long tests) => tests == 0 ? null : weighted / tests;
}

using Dala.Quality.Aggregates;

namespace Dala.Quality.Rankings;

/// <summary>One month of a trend line: exact medians, tests, networks, and whether the month meets the sample rule.</summary>
public sealed record TrendPoint(string Month, int Tests, int Networks, double? DownMedian, double? UpMedian, double? LatencyMedian, bool MeetsRule);

/// <summary>A unit's monthly medians over time (Region and Operator null: the whole country).</summary>
public sealed record TrendSeries(string? Region, string? Operator, IReadOnlyList<TrendPoint> Points);

/// <summary>Monthly medians per unit for trend charts: every month in the range, a null point where a unit has no tests.</summary>
public static class Trend
{
    public static IReadOnlyList<TrendSeries> Build(IReadOnlyList<GroupStats> stats, IReadOnlyList<NetworkCount> networks, RankUnit unit,
        SampleRule rule, IReadOnlyList<string> months)
    {
        var nets = networks.ToDictionary(n => (RankingBuilder.Key(unit, n.Region, n.Operator), n.Month), n => n.Networks);
        var wanted = months.ToHashSet(StringComparer.Ordinal);
        return stats.Where(s => s.Month is not null && wanted.Contains(s.Month))
            .GroupBy(s => RankingBuilder.Key(unit, s.Region, s.Operator))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g =>
            {
                var at = g.ToDictionary(s => s.Month!, StringComparer.Ordinal);
                var points = months.Select(m => at.TryGetValue(m, out var s)
                    ? Point(s, nets.GetValueOrDefault((g.Key, m)), rule)
                    : new TrendPoint(m, 0, 0, null, null, null, false)).ToArray();
                var first = g.First();
                return new TrendSeries(unit is RankUnit.Region or RankUnit.RegionOperator ? first.Region : null,
                    unit is RankUnit.Operator or RankUnit.RegionOperator ? first.Operator : null, points);
            }).ToArray();
    }

    private static TrendPoint Point(GroupStats s, int networks, SampleRule rule) =>
        new(s.Month!, s.Tests, networks, s.Down?.Median, s.Up?.Median, s.Latency?.Median, rule.Shortfall(s.Tests, networks, s.Down?.Median) is null);
}

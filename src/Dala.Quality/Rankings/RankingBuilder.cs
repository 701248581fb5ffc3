using Dala.Quality.Aggregates;

namespace Dala.Quality.Rankings;

/// <summary>
/// Global-Index-style rankings from exact monthly medians (<see cref="Store.IMeasurementStore.Aggregate"/> grouped by the
/// unit and month) and distinct client networks: per month, units meeting the <see cref="SampleRule"/> are ranked by
/// median download (fastest = 1; equal medians share a rank, the next rank skips), the rest listed with why not.
/// </summary>
public static class RankingBuilder
{
    public static GroupBy Keys(RankUnit unit) => GroupBy.Month | unit switch
    {
        RankUnit.Region => GroupBy.Region,
        RankUnit.Operator => GroupBy.Operator,
        RankUnit.RegionOperator => GroupBy.Region | GroupBy.Operator,
        _ => GroupBy.None,
    };

    /// <summary>The rankings of <paramref name="months"/>, each with the rank change against the month before.</summary>
    public static IReadOnlyList<Ranking> Build(IReadOnlyList<GroupStats> stats, IReadOnlyList<NetworkCount> networks, RankUnit unit,
        SampleRule rule, IEnumerable<string> months, bool includesSynthetic)
    {
        var nets = networks.ToDictionary(n => (Key(unit, n.Region, n.Operator), n.Month), n => n.Networks);
        var byMonth = stats.Where(s => s.Month is not null).GroupBy(s => s.Month!).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        IReadOnlyList<RankingRow> Month(string m) => byMonth.TryGetValue(m, out var rows)
            ? Rank(rows.Select(s => Row(unit, s, nets.GetValueOrDefault((Key(unit, s.Region, s.Operator), m)), rule)).ToArray())
            : [];
        var result = new List<Ranking>();
        foreach (var m in months)
        {
            var previous = Month(Months.Previous(m)).Where(r => r.Ranked).ToDictionary(r => Key(unit, r.Region, r.Operator), r => r.Rank);
            var rows = Month(m).Select(r => r.Ranked ? r with { PreviousRank = previous.GetValueOrDefault(Key(unit, r.Region, r.Operator)) } : r).ToArray();
            result.Add(new Ranking(m, unit, rule, includesSynthetic, rows));
        }
        return result;
    }

    /// <summary>The latest month with any figures, or null when there are none.</summary>
    public static string? LatestMonth(IReadOnlyList<GroupStats> stats) =>
        stats.Select(s => s.Month).Where(m => m is not null).Max(StringComparer.Ordinal);

    internal static (string, string) Key(RankUnit unit, string? region, string? @operator) =>
        (unit is RankUnit.Region or RankUnit.RegionOperator ? region ?? "" : "", unit is RankUnit.Operator or RankUnit.RegionOperator ? @operator ?? "" : "");

    private static RankingRow Row(RankUnit unit, GroupStats s, int networks, SampleRule rule) =>
        new(unit is RankUnit.Region or RankUnit.RegionOperator ? s.Region : null, unit is RankUnit.Operator or RankUnit.RegionOperator ? s.Operator : null,
            s.Month!, s.Tests, networks, s.Down?.Median, s.Up?.Median, s.Latency?.Median, null, null, rule.Shortfall(s.Tests, networks, s.Down?.Median));

    private static RankingRow[] Rank(RankingRow[] rows)
    {
        var ranked = rows.Where(r => r.Note is null)
            .OrderByDescending(r => r.DownMedian).ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Operator, StringComparer.Ordinal).ToArray();
        var result = new List<RankingRow>(rows.Length);
        for (var i = 0; i < ranked.Length; i++)
        {
            var rank = i > 0 && ranked[i].DownMedian == ranked[i - 1].DownMedian ? result[i - 1].Rank : i + 1;
            result.Add(ranked[i] with { Rank = rank });
        }
        result.AddRange(rows.Where(r => r.Note is not null)
            .OrderByDescending(r => r.Tests).ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Operator, StringComparer.Ordinal));
        return [.. result];
    }
}

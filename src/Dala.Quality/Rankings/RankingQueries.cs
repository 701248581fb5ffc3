using Dala.Quality.Aggregates;
using Dala.Quality.Store;

namespace Dala.Quality.Rankings;

/// <summary>Which months: one month, a range (either end open: the first/last month with tests), or null = the latest month.</summary>
public sealed record MonthSelection(string? Month = null, string? From = null, string? To = null)
{
    /// <summary>Null when the selection is well formed, else (parameter, why).</summary>
    public (string Name, string Message)? Problem()
    {
        foreach (var (name, v) in new[] { ("month", Month), ("from", From), ("to", To) })
            if (v is not null && !Months.TryParse(v, out _)) return (name, $"'{v}' is not a month YYYY-MM");
        if (Month is not null && (From is not null || To is not null)) return ("month", "give either month or from/to, not both");
        if (From is not null && To is not null && string.CompareOrdinal(From, To) > 0) return ("to", $"{To} is before from {From}");
        return null;
    }

    public IReadOnlyList<string> Resolve(IReadOnlyList<GroupStats> stats, bool latestOnly)
    {
        if (Month is not null) return [Month];
        var months = stats.Select(s => s.Month).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        if (months.Length == 0) return From is not null && To is not null ? Months.Range(From, To) : [];
        if (latestOnly && From is null && To is null) return [months[^1]];
        var from = From ?? months[0];
        var to = To ?? months[^1];
        return string.CompareOrdinal(from, to) > 0 ? [] : Months.Range(from, to);
    }
}

/// <summary>Rankings, trend and tile-weighted figures from a measurement store (what the CLI and the API both answer).</summary>
public static class RankingQueries
{
    public static RankUnit? ParseUnit(string? text) => text?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        null or "" or "region" => RankUnit.Region,
        "country" => RankUnit.Country,
        "operator" => RankUnit.Operator,
        "region,operator" or "operator,region" => RankUnit.RegionOperator,
        _ => null,
    };

    public static string UnitName(RankUnit u) => u switch
    {
        RankUnit.Country => "country",
        RankUnit.Region => "region",
        RankUnit.Operator => "operator",
        _ => "region,operator",
    };

    public static IReadOnlyList<Ranking> Rankings(IMeasurementStore store, RankUnit unit, MonthSelection months, SampleRule rule, bool includeSynthetic)
    {
        var stats = store.Aggregate(new AggregateQuery(RankingBuilder.Keys(unit), IncludeSynthetic: includeSynthetic));
        var nets = store.ClientNetworks(RankingBuilder.Keys(unit), includeSynthetic);
        return RankingBuilder.Build(stats, nets, unit, rule, months.Resolve(stats, latestOnly: true), includeSynthetic);
    }

    /// <summary>The country line and one series per unit (none for the country), over the selected months (default: all).</summary>
    public static (TrendSeries Country, IReadOnlyList<TrendSeries> Units, IReadOnlyList<string> Months) Trend(IMeasurementStore store, RankUnit unit,
        MonthSelection months, SampleRule rule, bool includeSynthetic)
    {
        var country = store.Aggregate(new AggregateQuery(GroupBy.Month, IncludeSynthetic: includeSynthetic));
        var countryNets = store.ClientNetworks(GroupBy.None, includeSynthetic);
        var list = months.Resolve(country, latestOnly: false);
        var line = Series(country, countryNets, RankUnit.Country, rule, list).SingleOrDefault() ?? new TrendSeries(null, null, list.Select(m => new TrendPoint(m, 0, 0, null, null, null, false)).ToArray());
        if (unit == RankUnit.Country) return (line, [], list);
        var stats = store.Aggregate(new AggregateQuery(RankingBuilder.Keys(unit), IncludeSynthetic: includeSynthetic));
        return (line, Series(stats, store.ClientNetworks(RankingBuilder.Keys(unit), includeSynthetic), unit, rule, list), list);
    }

    public static IReadOnlyList<TileFigure> Tiles(IMeasurementStore store, RankUnit unit, bool quarterly, bool includeSynthetic) =>
        TileWeighted.Combine(store.TileSums(includeSynthetic), unit, quarterly);

    private static IReadOnlyList<TrendSeries> Series(IReadOnlyList<GroupStats> stats, IReadOnlyList<NetworkCount> nets, RankUnit unit, SampleRule rule, IReadOnlyList<string> months) =>
        global::Dala.Quality.Rankings.Trend.Build(stats, nets, unit, rule, months);
}

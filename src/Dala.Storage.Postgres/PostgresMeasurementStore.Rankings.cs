using Dala.Quality.Aggregates;
using Dala.Quality.Rankings;

namespace Dala.Storage.Postgres;

/// <summary>What rankings and the open data need beyond <see cref="Aggregate"/>: distinct networks, Ookla tile sums, published tiles.</summary>
public sealed partial class PostgresMeasurementStore
{
    public IReadOnlyList<NetworkCount> ClientNetworks(GroupBy by, bool includeSynthetic)
    {
        using var c = registry.Open();
        var region = by.HasFlag(GroupBy.Region) ? "region_code" : "NULL::text";
        var op = by.HasFlag(GroupBy.Operator) ? "operator_id" : "NULL::text";
        return PostgresRegistryStore.Query(c, null,
            $"SELECT {region}, {op}, month, count(DISTINCT client_network) FROM measurements " +
            $"WHERE kind = 0 AND valid{(includeSynthetic ? "" : " AND NOT synthetic")} GROUP BY 1, 2, 3",
            r => new NetworkCount(Str(r, 0), Str(r, 1), r.GetString(2), (int)r.GetInt64(3)));
    }

    public IReadOnlyList<TileSums> TileSums(bool includeSynthetic)
    {
        using var c = registry.Open();
        return PostgresRegistryStore.Query(c, null,
            "SELECT region_code, operator_id, month, count(*), sum(tests)::bigint, " +
            "coalesce(sum(down_mbps * tests), 0), coalesce(sum(tests) FILTER (WHERE down_mbps IS NOT NULL), 0)::bigint, " +
            "coalesce(sum(up_mbps * tests), 0), coalesce(sum(tests) FILTER (WHERE up_mbps IS NOT NULL), 0)::bigint, " +
            "coalesce(sum(latency_ms * tests), 0), coalesce(sum(tests) FILTER (WHERE latency_ms IS NOT NULL), 0)::bigint, bool_or(synthetic) " +
            $"FROM measurements WHERE kind = 1 AND valid{(includeSynthetic ? "" : " AND NOT synthetic")} " +
            "GROUP BY 1, 2, 3",
            r => new TileSums(Str(r, 0), Str(r, 1), r.GetString(2), (int)r.GetInt64(3), r.GetInt64(4),
                r.GetDouble(5), r.GetInt64(6), r.GetDouble(7), r.GetInt64(8), r.GetDouble(9), r.GetInt64(10), r.GetBoolean(11)));
    }

    public IReadOnlyList<OpenTile> OpenTiles(string? fromMonth, string? toMonth, bool includeSynthetic)
    {
        using var c = registry.Open();
        var filter = includeSynthetic ? "" : " AND NOT synthetic";
        var args = new List<object>();
        if (fromMonth is not null) { args.Add(fromMonth); filter += $" AND month >= ${args.Count}"; }
        if (toMonth is not null) { args.Add(toMonth); filter += $" AND month <= ${args.Count}"; }
        return PostgresRegistryStore.Query(c, null,
            $"SELECT quadkey, {Spreads}, count(*) FILTER (WHERE synthetic) FROM measurements WHERE kind = 0 AND valid AND quadkey IS NOT NULL{filter} " +
            "GROUP BY quadkey ORDER BY quadkey COLLATE \"C\"",
            r => new OpenTile(r.GetString(0), (int)r.GetInt64(1), (int)r.GetInt64(9), Spread(r, 2), Spread(r, 4), Spread(r, 6)), [.. args]);
    }
}

using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresMeasurementStore
{
    private const string Spreads =
        "count(*), percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY down_mbps), count(down_mbps), " +
        "percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY up_mbps), count(up_mbps), " +
        "percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY latency_ms), count(latency_ms), " +
        "count(*) FILTER (WHERE down_mbps >= 100)";

    public IReadOnlyList<GroupStats> Aggregate(AggregateQuery q)
    {
        using var c = registry.Open();
        var (where, args) = Where(new MeasurementFilter(q.Region, q.Operator), 1);
        if (q.Month is not null) { args.Add(q.Month); where += $" AND month = ${args.Count}"; }
        if (!q.IncludeSynthetic) where += " AND NOT synthetic";
        var keys = new[] { (GroupBy.Region, "region_code"), (GroupBy.Operator, "operator_id"), (GroupBy.Month, "month") };
        var select = string.Join(", ", keys.Select(k => q.By.HasFlag(k.Item1) ? k.Item2 : "NULL::text"));
        var group = string.Join(", ", keys.Where(k => q.By.HasFlag(k.Item1)).Select(k => k.Item2));
        var sql = $"SELECT {select}, {Spreads} FROM measurements WHERE kind = 0 AND valid{where}" + (group.Length > 0 ? $" GROUP BY {group}" : "");
        return PostgresRegistryStore.Query(c, null, sql, r => new GroupStats(Str(r, 0), Str(r, 1), Str(r, 2), (int)r.GetInt64(3),
                Spread(r, 4), Spread(r, 6), Spread(r, 8), r.GetInt64(5) == 0 ? null : (double)r.GetInt64(10) / r.GetInt64(5)), [.. args])
            .Where(g => g.Tests > 0).Order(GroupStats.Order).ToArray();
    }

    public IReadOnlyList<HistogramBucket> Histogram(string? region, string? @operator)
    {
        using var c = registry.Open();
        var (where, args) = Where(new MeasurementFilter(region, @operator), 1);
        var counts = PostgresRegistryStore.Query(c, null,
                $"SELECT down_bucket, COUNT(*) FROM measurements WHERE kind = 0 AND valid AND down_bucket IS NOT NULL{where} GROUP BY down_bucket",
                r => (Bucket: (int)r.GetInt16(0), N: r.GetInt64(1)), [.. args])
            .ToDictionary(x => x.Bucket, x => x.N);
        return Buckets.Of(counts);
    }

    public IReadOnlyList<TileStats> Tiles(BBox box, int limit)
    {
        using var c = registry.Open();
        return PostgresRegistryStore.Query(c, null,
            $"SELECT quadkey, {Spreads} FROM measurements WHERE kind = 0 AND valid AND quadkey IS NOT NULL " +
            "AND lon BETWEEN $1 AND $3 AND lat BETWEEN $2 AND $4 GROUP BY quadkey ORDER BY count(*) DESC, quadkey COLLATE \"C\" LIMIT $5",
            r => new TileStats(r.GetString(0), (int)r.GetInt64(1), Spread(r, 2), Spread(r, 4), Spread(r, 6)),
            box.West, box.South, box.East, box.North, limit);
    }

    private static Spread? Spread(NpgsqlDataReader r, int i)
    {
        if (r.IsDBNull(i)) return null;
        var p = r.GetFieldValue<double[]>(i);
        var n = r.GetInt64(i + 1);
        return n == 0 ? null : new Spread(p[0], p[1], p[2], (int)n);
    }
}

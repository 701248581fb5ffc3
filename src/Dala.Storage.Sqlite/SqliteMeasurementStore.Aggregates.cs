using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Store;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    public IReadOnlyList<GroupStats> Aggregate(AggregateQuery q)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        var filter = Where(cmd, new MeasurementFilter(q.Region, q.Operator));
        if (q.Month is not null) { cmd.Parameters.AddWithValue("$month", q.Month); filter += " AND month = $month"; }
        if (!q.IncludeSynthetic) filter += " AND synthetic = 0";
        cmd.CommandText = $"SELECT region_code, operator_id, month, down_mbps, up_mbps, latency_ms FROM measurements WHERE kind = 0 AND valid = 1{filter}";
        var groups = new Dictionary<(string?, string?, string?), GroupAccumulator>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (q.By.HasFlag(GroupBy.Region) ? Str(r, 0) : null, q.By.HasFlag(GroupBy.Operator) ? Str(r, 1) : null,
                    q.By.HasFlag(GroupBy.Month) ? r.GetString(2) : null);
                if (!groups.TryGetValue(key, out var acc)) groups[key] = acc = new GroupAccumulator(key.Item1, key.Item2, key.Item3);
                acc.Add(Dbl(r, 3), Dbl(r, 4), Dbl(r, 5));
            }
        }
        return groups.Values.Select(g => g.ToStats()).Order(GroupStats.Order).ToArray();
    }

    public IReadOnlyList<HistogramBucket> Histogram(string? region, string? @operator)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        var filter = Where(cmd, new MeasurementFilter(region, @operator));
        cmd.CommandText = $"SELECT down_bucket, COUNT(*) FROM measurements WHERE kind = 0 AND valid = 1 AND down_bucket IS NOT NULL{filter} GROUP BY down_bucket";
        var counts = Read(cmd, r => (Bucket: r.GetInt32(0), N: r.GetInt64(1))).ToDictionary(x => x.Bucket, x => x.N);
        return Buckets.Of(counts);
    }

    public IReadOnlyList<TileStats> Tiles(BBox box, int limit)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT quadkey, down_mbps, up_mbps, latency_ms FROM measurements WHERE kind = 0 AND valid = 1 AND quadkey IS NOT NULL " +
                          "AND lon BETWEEN $w AND $e AND lat BETWEEN $s AND $n";
        cmd.Parameters.AddWithValue("$w", box.West);
        cmd.Parameters.AddWithValue("$e", box.East);
        cmd.Parameters.AddWithValue("$s", box.South);
        cmd.Parameters.AddWithValue("$n", box.North);
        var tiles = new Dictionary<string, GroupAccumulator>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var q = r.GetString(0);
                if (!tiles.TryGetValue(q, out var acc)) tiles[q] = acc = new GroupAccumulator(q, null, null);
                acc.Add(Dbl(r, 1), Dbl(r, 2), Dbl(r, 3));
            }
        }
        return tiles.Values.Select(t => t.ToStats()).Select(s => new TileStats(s.Region!, s.Tests, s.Down, s.Up, s.Latency))
            .OrderByDescending(t => t.Tests).ThenBy(t => t.Quadkey, StringComparer.Ordinal).Take(limit).ToArray();
    }
}

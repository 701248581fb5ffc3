using Dala.Quality.Aggregates;
using Dala.Quality.Rankings;

namespace Dala.Storage.Sqlite;

/// <summary>What rankings and the open data need beyond <see cref="Aggregate"/>: distinct networks, Ookla tile sums, published tiles.</summary>
public sealed partial class SqliteMeasurementStore
{
    public IReadOnlyList<NetworkCount> ClientNetworks(GroupBy by, bool includeSynthetic)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        var region = by.HasFlag(GroupBy.Region) ? "region_code" : "NULL";
        var op = by.HasFlag(GroupBy.Operator) ? "operator_id" : "NULL";
        cmd.CommandText = $"SELECT {region}, {op}, month, COUNT(DISTINCT client_network) FROM measurements " +
                          $"WHERE kind = 0 AND valid = 1{(includeSynthetic ? "" : " AND synthetic = 0")} GROUP BY 1, 2, 3";
        return Read(cmd, r => new NetworkCount(Str(r, 0), Str(r, 1), r.GetString(2), r.GetInt32(3)));
    }

    public IReadOnlyList<TileSums> TileSums(bool includeSynthetic)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT region_code, operator_id, month, COUNT(*), SUM(tests), " +
                          "TOTAL(down_mbps * tests), TOTAL(CASE WHEN down_mbps IS NULL THEN 0 ELSE tests END), " +
                          "TOTAL(up_mbps * tests), TOTAL(CASE WHEN up_mbps IS NULL THEN 0 ELSE tests END), " +
                          "TOTAL(latency_ms * tests), TOTAL(CASE WHEN latency_ms IS NULL THEN 0 ELSE tests END), MAX(synthetic) " +
                          $"FROM measurements WHERE kind = 1 AND valid = 1{(includeSynthetic ? "" : " AND synthetic = 0")} GROUP BY 1, 2, 3 ORDER BY 3, 1, 2";
        return Read(cmd, r => new TileSums(Str(r, 0), Str(r, 1), r.GetString(2), r.GetInt32(3), r.GetInt64(4),
            r.GetDouble(5), (long)r.GetDouble(6), r.GetDouble(7), (long)r.GetDouble(8), r.GetDouble(9), (long)r.GetDouble(10), r.GetInt64(11) != 0));
    }

    public IReadOnlyList<OpenTile> OpenTiles(string? fromMonth, string? toMonth, bool includeSynthetic)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        var filter = includeSynthetic ? "" : " AND synthetic = 0";
        if (fromMonth is not null) { cmd.Parameters.AddWithValue("$from", fromMonth); filter += " AND month >= $from"; }
        if (toMonth is not null) { cmd.Parameters.AddWithValue("$to", toMonth); filter += " AND month <= $to"; }
        cmd.CommandText = $"SELECT quadkey, down_mbps, up_mbps, latency_ms, synthetic FROM measurements WHERE kind = 0 AND valid = 1 AND quadkey IS NOT NULL{filter}";
        var tiles = new Dictionary<string, (GroupAccumulator Acc, int Synthetic)>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var q = r.GetString(0);
                if (!tiles.TryGetValue(q, out var t)) t = (new GroupAccumulator(q, null, null), 0);
                t.Acc.Add(Dbl(r, 1), Dbl(r, 2), Dbl(r, 3));
                tiles[q] = (t.Acc, t.Synthetic + (r.GetInt64(4) != 0 ? 1 : 0));
            }
        }
        return tiles.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            var s = t.Value.Acc.ToStats();
            return new OpenTile(t.Key, s.Tests, t.Value.Synthetic, s.Down, s.Up, s.Latency);
        }).ToArray();
    }
}

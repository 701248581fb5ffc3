using Dala.Quality.Aggregates;
using Dala.Quality.Rankings;
using Dala.Storage.Sqlite.Chunks;

namespace Dala.Storage.Sqlite;

/// <summary>What rankings and the open data need beyond <see cref="Aggregate"/>: distinct networks, Ookla tile sums, published tiles.</summary>
public sealed partial class SqliteMeasurementStore
{
    public IReadOnlyList<NetworkCount> ClientNetworks(GroupBy by, bool includeSynthetic)
    {
        EnsureMeasurements();
        using var c = registry.Open();
        using var snapshot = c.BeginTransaction(deferred: true);
        var groups = new Dictionary<(string?, string?, string), HashSet<string>>();
        foreach (var chunk in ReadChunks(c))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                if (chunk.Valid[i] == 0 || (!includeSynthetic && chunk.Synthetic[i] != 0)) continue;
                var key = (by.HasFlag(GroupBy.Region) ? chunk.Region[i] : null, by.HasFlag(GroupBy.Operator) ? chunk.Operator[i] : null, chunk.Month[i]!);
                if (!groups.TryGetValue(key, out var networks)) groups[key] = networks = new HashSet<string>(StringComparer.Ordinal);
                // COUNT(DISTINCT client_network): NULL is not counted, but the group is there.
                if (chunk.ClientNetwork[i] is { } network) networks.Add(network);
            }
        }
        return groups.Select(g => new NetworkCount(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Value.Count)).ToArray();
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
        EnsureMeasurements();
        using var c = registry.Open();
        using var snapshot = c.BeginTransaction(deferred: true);
        var tiles = new Dictionary<string, (GroupAccumulator Acc, int Synthetic)>(StringComparer.Ordinal);
        foreach (var chunk in ReadChunks(c))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                if (chunk.Valid[i] == 0 || chunk.Quadkey.Codes[i] < 0 || (!includeSynthetic && chunk.Synthetic[i] != 0)) continue;
                var month = chunk.Month[i]!;
                if ((fromMonth is not null && string.CompareOrdinal(month, fromMonth) < 0) || (toMonth is not null && string.CompareOrdinal(month, toMonth) > 0)) continue;
                var q = chunk.Quadkey[i]!;
                if (!tiles.TryGetValue(q, out var t)) t = (new GroupAccumulator(q, null, null), 0);
                t.Acc.Add(TestChunk.Real(chunk.Down[i]), TestChunk.Real(chunk.Up[i]), TestChunk.Real(chunk.Latency[i]));
                tiles[q] = (t.Acc, t.Synthetic + (chunk.Synthetic[i] != 0 ? 1 : 0));
            }
        }
        return tiles.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            var s = t.Value.Acc.ToStats();
            return new OpenTile(t.Key, s.Tests, t.Value.Synthetic, s.Down, s.Up, s.Latency);
        }).ToArray();
    }
}

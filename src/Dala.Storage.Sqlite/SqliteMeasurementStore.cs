using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Storage.Sqlite.Chunks;
using Microsoft.Data.Sqlite;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Measurements in the SQLite file: single tests packed in chunks (measurement_chunks, Chunks/TestChunk), published tiles
/// one row each (table measurements) and, for the aggregates, the valid tests' values packed per group
/// (measurement_values); all written in one transaction. SQLite has no percentile
/// functions: aggregates read the packed values of the groups asked for and select exact percentiles in code (the
/// same definition PostgreSQL's percentile_cont uses).
/// </summary>
public sealed partial class SqliteMeasurementStore(SqliteRegistryStore registry) : IMeasurementStore
{
    private const string Columns = "id, time_us, month, lon, lat, quadkey, settlement_id, region_code, operator_id, access, down_mbps, up_mbps, " +
        "latency_ms, jitter_ms, loss_pct, bytes, duration_s, source, kind, dataset, client_network, tests, devices, valid, reasons, synthetic, down_bucket";

    public MeasurementCounts Counts()
    {
        EnsureMeasurements();
        // One statement: a consistent snapshot without a transaction. Tests are summed from the chunks' counts.
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT TOTAL(tests) FROM measurement_chunks), (SELECT TOTAL(valid) FROM measurement_chunks),
                   (SELECT COUNT(*) FROM measurements WHERE kind = 1), (SELECT COUNT(*) FROM quarantine),
                   (SELECT TOTAL(synthetic) FROM measurement_chunks), (SELECT TOTAL(synthetic_valid) FROM measurement_chunks)
            """;
        return Read(cmd, r =>
        {
            long tests = (long)r.GetDouble(0), valid = (long)r.GetDouble(1);
            return new MeasurementCounts(tests, valid, tests - valid, r.GetInt64(2), r.GetInt64(3), (long)r.GetDouble(4), (long)r.GetDouble(5));
        })[0];
    }

    public IReadOnlyList<QuarantinedLine> Quarantine(int limit)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, received_us, origin, line, content, reasons FROM quarantine ORDER BY received_us DESC, origin, line LIMIT $n";
        cmd.Parameters.AddWithValue("$n", limit);
        return Read(cmd, r => new QuarantinedLine(r.GetString(0), FromMicroseconds(r.GetInt64(1)), r.GetString(2), r.GetInt32(3), r.GetString(4),
            Reasons(r.GetString(5))));
    }

    /// <summary>
    /// Reads chunks newest first (by their last test) and stops once a chunk ends before the newest <paramref name="limit"/>
    /// tests found so far; with ids, only the chunks their keys point at.
    /// </summary>
    public IReadOnlyList<Measurement> Recent(MeasurementFilter filter, int limit)
    {
        EnsureMeasurements();
        if (limit <= 0) return [];
        using var c = registry.Open();
        using var snapshot = c.BeginTransaction(deferred: true);
        var chunks = filter.Ids is { } ids ? ReadChunks(c, ChunksOf(c, ids)) : ReadChunks(c, order: "max_time_us DESC");
        var found = new List<(long Time, string Id, TestChunk Chunk, int Row)>();
        var newestFirst = Comparer<(long Time, string Id, TestChunk Chunk, int Row)>.Create(static (a, b) =>
        {
            var t = b.Time.CompareTo(a.Time);
            return t != 0 ? t : string.CompareOrdinal(a.Id, b.Id);
        });
        foreach (var chunk in chunks)
        {
            if (chunk.Count == 0) continue;
            if (filter.Ids is null && found.Count >= limit && chunk.TimeUs[^1] < found[limit - 1].Time) break;
            var match = new ChunkFilter(chunk, filter);
            if (!match.Any) continue;
            for (var i = 0; i < chunk.Count; i++)
            {
                if (match.Matches(i)) found.Add((chunk.TimeUs[i], chunk.Id[i]!, chunk, i));
            }
            found.Sort(newestFirst);
            if (found.Count > limit) found.RemoveRange(limit, found.Count - limit);
        }
        found.Sort(newestFirst);
        return found.Take(limit).Select(f => f.Chunk.At(f.Row)).ToArray();
    }

    private static Measurement ReadMeasurement(SqliteDataReader r) => new()
    {
        Id = r.GetString(0), Time = FromMicroseconds(r.GetInt64(1)),
        Location = r.IsDBNull(3) ? null : new LonLat(r.GetDouble(3), r.GetDouble(4)),
        Quadkey = Str(r, 5), SettlementId = Str(r, 6), RegionCode = Str(r, 7), OperatorId = Str(r, 8),
        Access = Technologies.Parse(Str(r, 9)), DownMbps = Dbl(r, 10), UpMbps = Dbl(r, 11), LatencyMs = Dbl(r, 12), JitterMs = Dbl(r, 13),
        LossPct = Dbl(r, 14), Bytes = r.IsDBNull(15) ? null : r.GetInt64(15), DurationS = Dbl(r, 16),
        Source = MeasurementSources.Parse(r.GetString(17))!.Value, Kind = (MeasurementKind)r.GetInt32(18), Dataset = Str(r, 19),
        ClientNetwork = Str(r, 20), Tests = r.GetInt32(21), Devices = r.IsDBNull(22) ? null : r.GetInt32(22), Valid = r.GetInt64(23) != 0,
        Reasons = Reasons(Str(r, 24)), Synthetic = r.GetInt64(25) != 0,
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static List<T> Read<T>(SqliteCommand cmd, Func<SqliteDataReader, T> map)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}

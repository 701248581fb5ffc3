using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Microsoft.Data.Sqlite;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Measurements in the SQLite file: one row per measurement (table measurements) and, for the aggregates, the valid
/// tests' values packed per group (measurement_values, written in the same transaction). SQLite has no percentile
/// functions: aggregates read the packed values of the groups asked for and select exact percentiles in code (the
/// same definition PostgreSQL's percentile_cont uses).
/// </summary>
public sealed partial class SqliteMeasurementStore(SqliteRegistryStore registry) : IMeasurementStore
{
    private const string Columns = "id, time_us, month, lon, lat, quadkey, settlement_id, region_code, operator_id, access, down_mbps, up_mbps, " +
        "latency_ms, jitter_ms, loss_pct, bytes, duration_s, source, kind, dataset, client_network, tests, devices, valid, reasons, synthetic, down_bucket";

    public MeasurementCounts Counts()
    {
        // One statement, one pass over the measurements (a consistent snapshot without a transaction).
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT COUNT(*) FILTER (WHERE kind = 0), COUNT(*) FILTER (WHERE kind = 0 AND valid = 1),
                   COUNT(*) FILTER (WHERE kind = 0 AND valid = 0), COUNT(*) FILTER (WHERE kind = 1), (SELECT COUNT(*) FROM quarantine),
                   COUNT(*) FILTER (WHERE kind = 0 AND synthetic = 1), COUNT(*) FILTER (WHERE kind = 0 AND valid = 1 AND synthetic = 1)
            FROM measurements
            """;
        return Read(cmd, r => new MeasurementCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)))[0];
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

    public IReadOnlyList<Measurement> Recent(MeasurementFilter filter, int limit)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM measurements WHERE kind = 0{Where(cmd, filter)} ORDER BY time_us DESC, id LIMIT $n";
        cmd.Parameters.AddWithValue("$n", limit);
        return Read(cmd, ReadMeasurement);
    }

    private static string Where(SqliteCommand cmd, MeasurementFilter f)
    {
        var w = "";
        void Add(string column, object? value)
        {
            if (value is null) return;
            var p = "$f" + cmd.Parameters.Count;
            cmd.Parameters.AddWithValue(p, value);
            w += $" AND {column} = {p}";
        }
        Add("region_code", f.Region);
        Add("operator_id", f.Operator);
        Add("source", f.Source?.WireName());
        Add("valid", f.Valid is { } v ? (v ? 1 : 0) : null);
        Add("settlement_id", f.SettlementId);
        if (f.Ids is { } ids)
        {
            var names = new List<string>();
            foreach (var id in ids)
            {
                var p = "$f" + cmd.Parameters.Count;
                cmd.Parameters.AddWithValue(p, id);
                names.Add(p);
            }
            w += names.Count == 0 ? " AND 0" : $" AND id IN ({string.Join(", ", names)})";
        }
        return w;
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

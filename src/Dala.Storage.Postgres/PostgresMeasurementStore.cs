using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Npgsql;
using NpgsqlTypes;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Postgres;

/// <summary>Measurements in PostgreSQL: binary COPY in, percentiles by percentile_cont in the database.</summary>
public sealed partial class PostgresMeasurementStore(PostgresRegistryStore registry) : IMeasurementStore
{
    private const string Columns = "id, time, month, lon, lat, quadkey, settlement_id, region_code, operator_id, access, down_mbps, up_mbps, " +
        "latency_ms, jitter_ms, loss_pct, bytes, duration_s, source, kind, dataset, client_network, tests, devices, valid, reasons, synthetic, down_bucket";

    public MeasurementCounts Counts()
    {
        // One statement, one pass over the measurements (a consistent snapshot without a transaction).
        using var c = registry.Open();
        using var cmd = new NpgsqlCommand("""
            SELECT COUNT(*) FILTER (WHERE kind = 0), COUNT(*) FILTER (WHERE kind = 0 AND valid),
                   COUNT(*) FILTER (WHERE kind = 0 AND NOT valid), COUNT(*) FILTER (WHERE kind = 1), (SELECT COUNT(*) FROM quarantine),
                   COUNT(*) FILTER (WHERE kind = 0 AND synthetic), COUNT(*) FILTER (WHERE kind = 0 AND valid AND synthetic)
            FROM measurements
            """, c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new MeasurementCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
    }

    public IReadOnlyList<QuarantinedLine> Quarantine(int limit)
    {
        using var c = registry.Open();
        return PostgresRegistryStore.Query(c, null,
            "SELECT id, received_at, origin, line, content, reasons FROM quarantine ORDER BY received_at DESC, origin COLLATE \"C\", line LIMIT $1",
            r => new QuarantinedLine(r.GetString(0), Normalise(r.GetFieldValue<DateTimeOffset>(1)), r.GetString(2), r.GetInt32(3), r.GetString(4),
                Reasons(r.GetString(5))), limit);
    }

    public IReadOnlyList<Measurement> Recent(MeasurementFilter filter, int limit)
    {
        using var c = registry.Open();
        var (where, args) = Where(filter, 1);
        return PostgresRegistryStore.Query(c, null,
            $"SELECT {Columns} FROM measurements WHERE kind = 0{where} ORDER BY time DESC, id COLLATE \"C\" LIMIT ${args.Count + 1}",
            ReadMeasurement, [.. args, limit]);
    }

    private static (string Where, List<object> Args) Where(MeasurementFilter f, int first)
    {
        var w = "";
        var args = new List<object>();
        void Add(string column, object? value)
        {
            if (value is null) return;
            args.Add(value);
            w += $" AND {column} = ${first + args.Count - 1}";
        }
        Add("region_code", f.Region);
        Add("operator_id", f.Operator);
        Add("source", f.Source?.WireName());
        Add("valid", f.Valid);
        Add("settlement_id", f.SettlementId);
        if (f.Ids is { } ids)
        {
            args.Add(ids.ToArray());
            w += $" AND id = ANY(${first + args.Count - 1})";
        }
        return (w, args);
    }

    private static Measurement ReadMeasurement(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0), Time = Normalise(r.GetFieldValue<DateTimeOffset>(1)),
        Location = r.IsDBNull(3) ? null : new LonLat(r.GetDouble(3), r.GetDouble(4)),
        Quadkey = Str(r, 5), SettlementId = Str(r, 6), RegionCode = Str(r, 7), OperatorId = Str(r, 8),
        Access = Technologies.Parse(Str(r, 9)), DownMbps = Dbl(r, 10), UpMbps = Dbl(r, 11), LatencyMs = Dbl(r, 12), JitterMs = Dbl(r, 13),
        LossPct = Dbl(r, 14), Bytes = r.IsDBNull(15) ? null : r.GetInt64(15), DurationS = Dbl(r, 16),
        Source = MeasurementSources.Parse(r.GetString(17))!.Value, Kind = (MeasurementKind)r.GetInt16(18), Dataset = Str(r, 19),
        ClientNetwork = Str(r, 20), Tests = r.GetInt32(21), Devices = r.IsDBNull(22) ? null : r.GetInt32(22), Valid = r.GetBoolean(23),
        Reasons = Reasons(Str(r, 24)), Synthetic = r.GetBoolean(25),
    };

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}

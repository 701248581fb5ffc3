using Dala.Radio.Calibration;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Radio calibrations in the same PostgreSQL database as the registry: list columns and the whole calibration as JSON.</summary>
public sealed class PostgresCalibrationStore(PostgresRegistryStore registry) : ICalibrationStore
{
    private const string Columns = "id, created_at, from_time, to_time, coverage_run_id, model, grouping, synthetic, samples, rmse_before_db, rmse_after_db";

    public long Save(Calibration calibration)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        using var cmd = new NpgsqlCommand("INSERT INTO calibrations (created_at, from_time, to_time, coverage_run_id, model, grouping, synthetic, samples, " +
            "rmse_before_db, rmse_after_db, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id", c, tx);
        var s = CalibrationJson.Summary(calibration);
        object?[] values = [s.CreatedAt.ToUniversalTime(), s.From.ToUniversalTime(), s.To.ToUniversalTime(), s.CoverageRunId, s.Model, s.Grouping, s.Synthetic,
            s.Samples, s.RmseBeforeDb, s.RmseAfterDb, CalibrationJson.Serialize(calibration with { Id = 0 })];
        foreach (var v in values) cmd.Parameters.Add(v is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint } : new NpgsqlParameter { Value = v });
        var id = (long)cmd.ExecuteScalar()!;
        tx.Commit();
        return id;
    }

    public Calibration? Get(long id)
    {
        using var c = registry.Open();
        var body = PostgresRegistryStore.Query(c, null, "SELECT body FROM calibrations WHERE id = $1", r => r.GetString(0), id);
        return body.Count == 0 ? null : CalibrationJson.Deserialize(body[0], id);
    }

    public long? LatestId()
    {
        using var c = registry.Open();
        return PostgresRegistryStore.Query(c, null, "SELECT MAX(id) FROM calibrations", r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0))[0];
    }

    public IReadOnlyList<CalibrationSummary> List()
    {
        using var c = registry.Open();
        return PostgresRegistryStore.Query(c, null, $"SELECT {Columns} FROM calibrations ORDER BY id DESC",
            r => new CalibrationSummary(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.GetString(5), r.GetString(6), r.GetBoolean(7), r.GetInt32(8), r.GetDouble(9), r.GetDouble(10)));
    }
}

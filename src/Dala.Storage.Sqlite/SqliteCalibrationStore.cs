using System.Globalization;
using Dala.Radio.Calibration;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Radio calibrations in the same SQLite file as the registry: list columns and the whole calibration as JSON.</summary>
public sealed class SqliteCalibrationStore(SqliteRegistryStore registry) : ICalibrationStore
{
    private const string Columns = "id, created_at, from_time, to_time, coverage_run_id, model, grouping, synthetic, samples, rmse_before_db, rmse_after_db";

    public long Save(Calibration calibration)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO calibrations (created_at, from_time, to_time, coverage_run_id, model, grouping, synthetic, samples, rmse_before_db, rmse_after_db, body) " +
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11); SELECT last_insert_rowid()";
        var s = CalibrationJson.Summary(calibration);
        object?[] values = [Time(s.CreatedAt), Time(s.From), Time(s.To), s.CoverageRunId, s.Model, s.Grouping, s.Synthetic ? 1 : 0, s.Samples,
            s.RmseBeforeDb, s.RmseAfterDb, CalibrationJson.Serialize(calibration with { Id = 0 })];
        for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1), values[i] ?? DBNull.Value);
        var id = (long)cmd.ExecuteScalar()!;
        tx.Commit();
        return id;
    }

    public Calibration? Get(long id)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT body FROM calibrations WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is string json ? CalibrationJson.Deserialize(json, id) : null;
    }

    public long? LatestId()
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(id) FROM calibrations";
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    public IReadOnlyList<CalibrationSummary> List()
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM calibrations ORDER BY id DESC";
        using var r = cmd.ExecuteReader();
        var list = new List<CalibrationSummary>();
        while (r.Read())
            list.Add(new CalibrationSummary(r.GetInt64(0), Parse(r.GetString(1)), Parse(r.GetString(2)), Parse(r.GetString(3)), r.IsDBNull(4) ? null : r.GetInt64(4),
                r.GetString(5), r.GetString(6), r.GetInt64(7) != 0, r.GetInt32(8), r.GetDouble(9), r.GetDouble(10)));
        return list;
    }

    private static string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}

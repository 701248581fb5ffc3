using System.Globalization;
using Dala.Registry.Indicators;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Indicators and their reported values in the same SQLite file as the registry (tables indicators, indicator_values).</summary>
public sealed class SqliteIndicatorStore(SqliteRegistryStore registry) : IIndicatorStore
{
    public IndicatorSet Read()
    {
        using var c = registry.Open();
        return Read(c, null);
    }

    public IndicatorSaveResult Save(IndicatorSet set)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            var changes = IndicatorDiff.Of(Read(c, tx), set, registry.Describe());
            foreach (var i in changes.Indicators)
            {
                Exec(c, tx, "INSERT INTO indicators (id, name, unit, target, target_date, target_source) VALUES ($1, $2, $3, $4, $5, $6) " +
                            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, target = excluded.target, " +
                            "target_date = excluded.target_date, target_source = excluded.target_source",
                    i.Id, i.Name, i.Unit, i.Target, i.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.TargetSource);
            }
            foreach (var p in changes.Points)
            {
                Exec(c, tx, "INSERT INTO indicator_values (indicator_id, region, date, value, source, source_url, synthetic, note) " +
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (indicator_id, region, date) DO UPDATE SET value = excluded.value, " +
                            "source = excluded.source, source_url = excluded.source_url, synthetic = excluded.synthetic, note = excluded.note",
                    p.IndicatorId, p.Region, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Value, p.Source, p.SourceUrl,
                    p.Synthetic ? 1 : 0, p.Note);
            }
            tx.Commit();
            return new IndicatorSaveResult(changes.Indicators.Count, changes.Points.Count, changes.Unchanged);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot save indicators in {registry.Describe()}: {e.Message}", e);
        }
    }

    private static IndicatorSet Read(SqliteConnection c, SqliteTransaction? tx)
    {
        var indicators = new List<Indicator>();
        using (var cmd = Command(c, tx, "SELECT id, name, unit, target, target_date, target_source FROM indicators ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                indicators.Add(new Indicator(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3),
                    r.IsDBNull(4) ? null : DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        var points = new List<IndicatorPoint>();
        using (var cmd = Command(c, tx, "SELECT indicator_id, region, date, value, source, source_url, synthetic, note FROM indicator_values " +
                                       "ORDER BY indicator_id, region, date"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                points.Add(new IndicatorPoint(r.GetString(0), r.GetString(1), DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.GetDouble(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), false, r.GetInt64(6) != 0, r.IsDBNull(7) ? null : r.GetString(7)));
        }
        return new IndicatorSet(indicators, points);
    }

    private static void Exec(SqliteConnection c, SqliteTransaction tx, string sql, params object?[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params object?[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
            cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        return cmd;
    }
}

using Dala.Registry.Indicators;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Indicators and their reported values in the same PostgreSQL database as the registry (reference tables under Citus).</summary>
public sealed class PostgresIndicatorStore(PostgresRegistryStore registry) : IIndicatorStore
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
            using var tx = c.BeginTransaction();
            // One writer at a time compares and writes.
            Exec(c, tx, "LOCK TABLE indicators, indicator_values IN SHARE ROW EXCLUSIVE MODE");
            var changes = IndicatorDiff.Of(Read(c, tx), set, registry.Describe());
            foreach (var i in changes.Indicators)
            {
                Exec(c, tx, "INSERT INTO indicators (id, name, unit, target, target_date, target_source) VALUES ($1, $2, $3, $4, $5, $6) " +
                            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, target = excluded.target, " +
                            "target_date = excluded.target_date, target_source = excluded.target_source",
                    i.Id, i.Name, i.Unit, i.Target, i.TargetDate, i.TargetSource);
            }
            foreach (var p in changes.Points)
            {
                Exec(c, tx, "INSERT INTO indicator_values (indicator_id, region, date, value, source, source_url, synthetic, note) " +
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (indicator_id, region, date) DO UPDATE SET value = excluded.value, " +
                            "source = excluded.source, source_url = excluded.source_url, synthetic = excluded.synthetic, note = excluded.note",
                    p.IndicatorId, p.Region, p.Date, p.Value, p.Source, p.SourceUrl, p.Synthetic, p.Note);
            }
            tx.Commit();
            return new IndicatorSaveResult(changes.Indicators.Count, changes.Points.Count, changes.Unchanged);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot save indicators in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    private static IndicatorSet Read(NpgsqlConnection c, NpgsqlTransaction? tx)
    {
        var indicators = new List<Indicator>();
        using (var cmd = new NpgsqlCommand("SELECT id, name, unit, target, target_date, target_source FROM indicators ORDER BY id COLLATE \"C\"", c, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                indicators.Add(new Indicator(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        var points = new List<IndicatorPoint>();
        using (var cmd = new NpgsqlCommand("SELECT indicator_id, region, date, value, source, source_url, synthetic, note FROM indicator_values " +
                                           "ORDER BY indicator_id COLLATE \"C\", region COLLATE \"C\", date", c, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                points.Add(new IndicatorPoint(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetDouble(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetString(5), false, r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }
        return new IndicatorSet(indicators, points);
    }

    private static void Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params object?[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        cmd.ExecuteNonQuery();
    }
}

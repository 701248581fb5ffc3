using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Npgsql;
using NpgsqlTypes;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresMeasurementStore
{
    public IMeasurementWriter BeginAppend(long expected = 0)
    {
        var c = registry.Open();
        try
        {
            return new Writer(c, c.BeginTransaction());
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One transaction. A batch is binary-COPied straight into measurements inside a savepoint: new ids, the usual
    /// case, cost one COPY and nothing else. When an id is already there (a re-import, a repeated line), the COPY
    /// fails on the primary key, the savepoint is rolled back, and that batch goes the careful way: COPY into a
    /// temporary table, then INSERT ... ON CONFLICT DO NOTHING RETURNING id, which also tells which were new.
    /// </summary>
    private sealed class Writer(NpgsqlConnection c, NpgsqlTransaction tx) : IMeasurementWriter
    {
        private readonly Dictionary<int, string> _months = [];
        private bool _staged;
        private bool _done;

        public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
        {
            var added = 0;
            if (measurements.Count > 0)
            {
                tx.Save("batch");
                try
                {
                    Copy("measurements", measurements);
                    tx.Release("batch");
                    added = measurements.Count;
                    if (!isNew.IsEmpty) isNew[..measurements.Count].Fill(true);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    tx.Rollback("batch");
                    added = Careful(measurements, isNew);
                }
            }
            if (quarantined.Count > 0)
                PgStage.Run(c, tx, quarantined,
                    [("id", NpgsqlDbType.Text), ("received_at", NpgsqlDbType.TimestampTz), ("origin", NpgsqlDbType.Text), ("line", NpgsqlDbType.Integer),
                     ("content", NpgsqlDbType.Text), ("reasons", NpgsqlDbType.Text)],
                    q => [q.Id, q.ReceivedAt.ToUniversalTime(), q.Origin, q.Line, q.Content, Reasons(q.Reasons)],
                    "INSERT INTO quarantine SELECT * FROM _stage ON CONFLICT (id) DO NOTHING");
            return added;
        }

        /// <summary>
        /// Stages the batch, inserts the ids not yet stored (of an id repeated in the batch, its first line: the
        /// staging table is fresh, so its physical order is the batch's), and says which went in.
        /// </summary>
        private int Careful(IReadOnlyList<Measurement> measurements, Span<bool> isNew)
        {
            if (!_staged)
            {
                PgStage.Exec(c, tx, "CREATE TEMP TABLE _measurements_stage (LIKE measurements) ON COMMIT DROP");
                _staged = true;
            }
            Copy("_measurements_stage", measurements);
            var inserted = new HashSet<string>(StringComparer.Ordinal);
            using (var cmd = new NpgsqlCommand($"INSERT INTO measurements ({Columns}) SELECT DISTINCT ON (id) {Columns} FROM _measurements_stage ORDER BY id, ctid " +
                                                 "ON CONFLICT (id) DO NOTHING RETURNING id", c, tx))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) inserted.Add(r.GetString(0));
            }
            PgStage.Exec(c, tx, "TRUNCATE _measurements_stage");
            if (!isNew.IsEmpty)
            {
                // Of repeated ids, the first is the one that went in.
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < measurements.Count; i++) isNew[i] = inserted.Contains(measurements[i].Id) && seen.Add(measurements[i].Id);
            }
            return inserted.Count;
        }

        private void Copy(string table, IReadOnlyList<Measurement> measurements)
        {
            using var copy = c.BeginBinaryImport($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)");
            foreach (var m in measurements)
            {
                copy.StartRow();
                copy.Write(m.Id, NpgsqlDbType.Text);
                copy.Write(m.Time, NpgsqlDbType.TimestampTz);
                copy.Write(MonthOf(m.Time), NpgsqlDbType.Text);
                Write(copy, m.Location?.Lon);
                Write(copy, m.Location?.Lat);
                Write(copy, m.Quadkey);
                Write(copy, m.SettlementId);
                Write(copy, m.RegionCode);
                Write(copy, m.OperatorId);
                Write(copy, m.Access?.WireName());
                Write(copy, m.DownMbps);
                Write(copy, m.UpMbps);
                Write(copy, m.LatencyMs);
                Write(copy, m.JitterMs);
                Write(copy, m.LossPct);
                if (m.Bytes is { } b) copy.Write(b, NpgsqlDbType.Bigint); else copy.WriteNull();
                Write(copy, m.DurationS);
                copy.Write(m.Source.WireName(), NpgsqlDbType.Text);
                copy.Write((short)m.Kind, NpgsqlDbType.Smallint);
                Write(copy, m.Dataset);
                Write(copy, m.ClientNetwork);
                copy.Write(m.Tests, NpgsqlDbType.Integer);
                if (m.Devices is { } d) copy.Write(d, NpgsqlDbType.Integer); else copy.WriteNull();
                copy.Write(m.Valid, NpgsqlDbType.Boolean);
                Write(copy, Reasons(m.Reasons));
                copy.Write(m.Synthetic, NpgsqlDbType.Boolean);
                if (DownBucket(m) is { } bucket) copy.Write((short)bucket, NpgsqlDbType.Smallint); else copy.WriteNull();
            }
            copy.Complete();
        }

        private string MonthOf(DateTimeOffset t)
        {
            var u = t.UtcDateTime;
            var k = u.Year * 100 + u.Month;
            if (!_months.TryGetValue(k, out var s)) _months[k] = s = Month(t);
            return s;
        }

        private static void Write(NpgsqlBinaryImporter copy, string? v)
        {
            if (v is null) copy.WriteNull(); else copy.Write(v, NpgsqlDbType.Text);
        }

        private static void Write(NpgsqlBinaryImporter copy, double? v)
        {
            if (v is { } x) copy.Write(x, NpgsqlDbType.Double); else copy.WriteNull();
        }

        public void Commit()
        {
            tx.Commit();
            _done = true;
        }

        public void Dispose()
        {
            if (!_done) tx.Rollback();
            tx.Dispose();
            c.Dispose();
        }
    }
}

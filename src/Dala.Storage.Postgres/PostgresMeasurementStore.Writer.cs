using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Npgsql;
using NpgsqlTypes;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresMeasurementStore
{
    /// <summary>
    /// Lines per COPY from a long input. Measured at 10 M lines (bench/results/2026-12-05-intake.md, fifth pass): the
    /// larger a batch copied in time order, the closer together its inserts into the time index, and the fewer the
    /// pauses between COPYs while the server waits for the client; 65,536 took 8,192's 104,938 lines/s to 125,398.
    /// </summary>
    public const int CopyLines = 65_536;

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
        /// <inheritdoc cref="CopyLines"/>
        public int BatchLines => CopyLines;

        private readonly Dictionary<int, string> _months = [];
        private int[] _order = [];
        private long[] _keys = [];
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
                    Copy("measurements", measurements, inTimeOrder: true);
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

        /// <summary>One binary COPY of the batch, its rows encoded by <see cref="PgCopyRows"/>; a failure of ours cancels the COPY.</summary>
        private void Copy(string table, IReadOnlyList<Measurement> measurements, bool inTimeOrder = false)
        {
            var order = _order.Length >= measurements.Count ? _order : _order = new int[measurements.Count];
            var keys = _keys.Length >= measurements.Count ? _keys : _keys = new long[measurements.Count];
            for (var i = 0; i < measurements.Count; i++)
            {
                order[i] = i;
                keys[i] = Microseconds(measurements[i].Time);
            }
            if (inTimeOrder) Array.Sort(keys, order, 0, measurements.Count);
            var copy = c.BeginRawBinaryCopy($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)");
            try
            {
                var rows = new PgCopyRows(copy);
                rows.Start();
                for (var i = 0; i < measurements.Count; i++)
                {
                    var m = measurements[order[i]];
                    rows.Row(27);
                    rows.Text(m.Id);
                    rows.TimestampTz(keys[i]); // the time in microseconds, sorted with the order
                    rows.Text(MonthOf(m.Time));
                    rows.Float8(m.Location?.Lon);
                    rows.Float8(m.Location?.Lat);
                    rows.Text(m.Quadkey);
                    rows.Text(m.SettlementId);
                    rows.Text(m.RegionCode);
                    rows.Text(m.OperatorId);
                    rows.Text(m.Access?.WireName());
                    rows.Float8(m.DownMbps);
                    rows.Float8(m.UpMbps);
                    rows.Float8(m.LatencyMs);
                    rows.Float8(m.JitterMs);
                    rows.Float8(m.LossPct);
                    rows.Int8(m.Bytes);
                    rows.Float8(m.DurationS);
                    rows.Text(m.Source.WireName());
                    rows.Int2((int)m.Kind);
                    rows.Text(m.Dataset);
                    rows.Text(m.ClientNetwork);
                    rows.Int4(m.Tests);
                    rows.Int4(m.Devices);
                    rows.Bool(m.Valid);
                    rows.Text(Reasons(m.Reasons));
                    rows.Bool(m.Synthetic);
                    rows.Int2(DownBucket(m));
                }
                rows.Finish();
            }
            catch (Exception e) when (e is not PostgresException and not NpgsqlException)
            {
                try { copy.Cancel(); } catch (PostgresException) { } // the server confirms the cancelled COPY with an error
                throw;
            }
            copy.Dispose(); // ends the COPY: the server's answer (a key already there) is thrown here
        }

        private string MonthOf(DateTimeOffset t)
        {
            var u = t.UtcDateTime;
            var k = u.Year * 100 + u.Month;
            if (!_months.TryGetValue(k, out var s)) _months[k] = s = Month(t);
            return s;
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

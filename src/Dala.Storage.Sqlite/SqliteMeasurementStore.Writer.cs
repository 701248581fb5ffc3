using System.Globalization;
using Dala.Quality.Model;
using Dala.Registry.Model;
using Dala.Quality.Store;
using Dala.Storage.Sqlite.Chunks;
using Microsoft.Data.Sqlite;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    /// <summary>A load of at least this many lines, and at least as many as are stored, sets the secondary indexes aside while it runs.</summary>
    public const long BulkLines = 250_000;

    /// <summary>Page cache of a bulk load (the default is 2 MB). SQLite sorts the rebuilt indexes of the tile rows within it, per
    /// helper thread; tests are appended as chunks and need little: 64 MB leaves room under 1 GB at 10 M lines for the keys
    /// of the append (about 30 bytes a test).</summary>
    private const int BulkCacheKib = 64 * 1024;

    public IMeasurementWriter BeginAppend(long expected = 0)
    {
        var c = registry.Open();
        try
        {
            var tx = c.BeginTransaction(deferred: false);
            EnsureMeasurements(c, tx);
            return new Writer(c, tx, expected);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One write transaction (BEGIN IMMEDIATE). Single tests go to measurement_chunks through a <see cref="TestChunkSink"/>
    /// (duplicates found by 64-bit key). Published tiles go in as rows through one prepared INSERT OR IGNORE bound by
    /// position; SQLite's changes() tells whether the id was new. A bulk load drops the secondary indexes of measurements
    /// first and builds them again at Commit, inside the same transaction: an import that does not commit leaves them,
    /// and everything else, as they were.
    /// </summary>
    private sealed class Writer : IMeasurementWriter
    {
        private readonly SqliteConnection _c;
        private readonly SqliteTransaction _tx;
        private readonly SqliteStatement _insert;
        private readonly SqliteStatement _quarantine;
        private readonly SqliteMeasurementValues _values;
        private readonly TestChunkSink _tests;
        private readonly List<string> _setAside = [];
        private readonly bool _bulk;
        private bool _done;

        public Writer(SqliteConnection c, SqliteTransaction tx, long expected)
        {
            _c = c;
            _tx = tx;
            _bulk = expected >= BulkLines && expected >= StoredRows();
            if (_bulk)
            {
                Exec($"PRAGMA cache_size = -{BulkCacheKib}");
                // The index builds at Commit sort with helper threads (reading is over by then: the cores are free).
                Exec($"PRAGMA threads = {Math.Min(Environment.ProcessorCount, 4)}");
                foreach (var (name, sql) in SecondaryIndexes())
                {
                    Exec($"DROP INDEX \"{name}\"");
                    _setAside.Add(sql);
                }
            }
            _insert = new SqliteStatement(c, $"INSERT OR IGNORE INTO measurements ({Columns}) VALUES ({Placeholders(27)})");
            _quarantine = new SqliteStatement(c, "INSERT OR IGNORE INTO quarantine (id, received_us, origin, line, content, reasons) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            _values = new SqliteMeasurementValues(c);
            _tests = new TestChunkSink(c, expected, _values);
        }

        private long StoredRows()
        {
            using var cmd = _c.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM measurements";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        private List<(string Name, string Sql)> SecondaryIndexes()
        {
            using var cmd = _c.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'measurements' AND sql IS NOT NULL ORDER BY name";
            using var r = cmd.ExecuteReader();
            var list = new List<(string, string)>();
            while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
            return list;
        }

        private void Exec(string sql)
        {
            using var cmd = _c.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        private static string Placeholders(int n) => string.Join(", ", Enumerable.Range(1, n).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture)));

        public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
        {
            var added = 0;
            var s = _insert;
            Span<byte> month = stackalloc byte[7];
            for (var i = 0; i < measurements.Count; i++)
            {
                var m = measurements[i];
                if (m.Kind == MeasurementKind.Test)
                {
                    var taken = _tests.Take(m);
                    // The sink adds the new tests' values to _values, a chunk at a time.
                    if (taken) added++;
                    if (!isNew.IsEmpty) isNew[i] = taken;
                    continue;
                }
                s.Text(1, m.Id);
                s.Integer(2, Microseconds(m.Time));
                s.Utf8(3, MonthUtf8(m.Time, month));
                s.Real(4, m.Location?.Lon);
                s.Real(5, m.Location?.Lat);
                s.Text(6, m.Quadkey);
                s.Text(7, m.SettlementId);
                s.Text(8, m.RegionCode);
                s.Text(9, m.OperatorId);
                s.Text(10, m.Access?.WireName());
                s.Real(11, m.DownMbps);
                s.Real(12, m.UpMbps);
                s.Real(13, m.LatencyMs);
                s.Real(14, m.JitterMs);
                s.Real(15, m.LossPct);
                s.Integer(16, m.Bytes);
                s.Real(17, m.DurationS);
                s.Text(18, m.Source.WireName());
                s.Integer(19, (int)m.Kind);
                s.Text(20, m.Dataset);
                s.Text(21, m.ClientNetwork);
                s.Integer(22, m.Tests);
                s.Integer(23, m.Devices);
                s.Integer(24, m.Valid ? 1 : 0);
                s.Text(25, Reasons(m.Reasons));
                s.Integer(26, m.Synthetic ? 1 : 0);
                s.Integer(27, DownBucket(m));
                var fresh = s.Execute() > 0; // a published tile: a row of its own, not among the tests' packed values
                if (fresh) added++;
                if (!isNew.IsEmpty) isNew[i] = fresh;
            }
            foreach (var q in quarantined)
            {
                _quarantine.Text(1, q.Id);
                _quarantine.Integer(2, Microseconds(q.ReceivedAt));
                _quarantine.Text(3, q.Origin);
                _quarantine.Integer(4, q.Line);
                _quarantine.Text(5, q.Content);
                _quarantine.Text(6, Reasons(q.Reasons));
                _quarantine.Execute();
            }
            return added;
        }

        /// <summary>"yyyy-MM" of the UTC time, as <see cref="MeasurementColumns.Month"/> writes it, without a string per row.</summary>
        private static ReadOnlySpan<byte> MonthUtf8(DateTimeOffset t, Span<byte> b)
        {
            var u = t.UtcDateTime;
            int y = u.Year, mo = u.Month;
            b[0] = (byte)('0' + y / 1000);
            b[1] = (byte)('0' + y / 100 % 10);
            b[2] = (byte)('0' + y / 10 % 10);
            b[3] = (byte)('0' + y % 10);
            b[4] = (byte)'-';
            b[5] = (byte)('0' + mo / 10);
            b[6] = (byte)('0' + mo % 10);
            return b;
        }

        public void Commit()
        {
            _tests.Finish();
            _values.Finish();
            foreach (var sql in _setAside) Exec(sql);
            _insert.Dispose();
            _quarantine.Dispose();
            _tx.Commit();
            _done = true;
        }

        public void Dispose()
        {
            _tests.Dispose();
            _insert.Dispose();
            _quarantine.Dispose();
            if (!_done) _tx.Rollback();
            _tx.Dispose();
            if (_bulk)
            {
                try { using var cmd = _c.CreateCommand(); cmd.CommandText = "PRAGMA cache_size = -2000; PRAGMA threads = 0"; cmd.ExecuteNonQuery(); }
                catch (SqliteException) { }
            }
            _c.Dispose();
        }
    }
}

using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Npgsql;
using NpgsqlTypes;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresMeasurementStore
{
    /// <summary>The advisory lock every measurement writer holds for its transaction (readers take none).</summary>
    private const long WriterLock = 0x64616c615f6d; // "dala_m"

    public IMeasurementWriter BeginAppend(long expected = 0)
    {
        var c = registry.Open();
        try
        {
            var tx = c.BeginTransaction();
            PgStage.Exec(c, tx, $"SELECT pg_advisory_xact_lock({WriterLock})");
            bool empty;
            using (var cmd = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM measurements)", c, tx)) empty = (bool)cmd.ExecuteScalar()!;
            return new Writer(c, tx, empty, expected);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One transaction; one writer at a time (an advisory lock: two imports of the same file cannot both store it, readers
    /// go on). A batch's new measurements are binary-COPied straight into measurements. Which are new is decided by
    /// their keys (<see cref="MeasurementKeys"/>): the keys of this transaction are kept in memory, and the stored ids
    /// of a batch's keys are asked for only when the table had rows before it or a key was met earlier in it. An id is
    /// a duplicate only when a row with the same id (not only the same key) is there.
    /// </summary>
    private sealed class Writer(NpgsqlConnection c, NpgsqlTransaction tx, bool empty, long expected) : IMeasurementWriter
    {
        private readonly Dictionary<int, string> _months = [];
        private readonly MeasurementKeySet _keys = new(expected);
        private readonly List<Measurement> _fresh = [];
        private readonly List<long> _freshKeys = [];
        private readonly HashSet<string> _batchIds = new(StringComparer.Ordinal);
        private long[] _batchKeys = [];
        private bool _done;

        public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
        {
            if (_batchKeys.Length < measurements.Count) _batchKeys = new long[measurements.Count];
            var ask = new List<long>();
            for (var i = 0; i < measurements.Count; i++)
            {
                var key = _batchKeys[i] = MeasurementKeys.Key(measurements[i].Id);
                if (!empty || _keys.TryGet(key, out _)) ask.Add(key);
            }
            var stored = ask.Count == 0 ? [] : StoredIds(ask);
            _fresh.Clear();
            _freshKeys.Clear();
            _batchIds.Clear();
            for (var i = 0; i < measurements.Count; i++)
            {
                var m = measurements[i];
                var fresh = !stored.Contains(m.Id) && _batchIds.Add(m.Id);
                if (fresh)
                {
                    _fresh.Add(m);
                    _freshKeys.Add(_batchKeys[i]);
                    _keys.Add(_batchKeys[i], 0);
                }
                if (!isNew.IsEmpty) isNew[i] = fresh;
            }
            if (_fresh.Count > 0) Copy(_fresh);
            if (quarantined.Count > 0)
                PgStage.Run(c, tx, quarantined,
                    [("id", NpgsqlDbType.Text), ("received_at", NpgsqlDbType.TimestampTz), ("origin", NpgsqlDbType.Text), ("line", NpgsqlDbType.Integer),
                     ("content", NpgsqlDbType.Text), ("reasons", NpgsqlDbType.Text)],
                    q => [q.Id, q.ReceivedAt.ToUniversalTime(), q.Origin, q.Line, q.Content, Reasons(q.Reasons)],
                    "INSERT INTO quarantine SELECT * FROM _stage ON CONFLICT (id) DO NOTHING");
            return _fresh.Count;
        }

        /// <summary>The ids stored (before this transaction or in it) under any of the keys.</summary>
        private HashSet<string> StoredIds(List<long> keys)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            using var cmd = new NpgsqlCommand("SELECT id FROM measurements WHERE key = ANY($1)", c, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
            return ids;
        }

        private void Copy(List<Measurement> measurements)
        {
            using var copy = c.BeginBinaryImport($"COPY measurements ({Columns}, key) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < measurements.Count; i++)
            {
                var m = measurements[i];
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
                copy.Write(_freshKeys[i], NpgsqlDbType.Bigint);
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

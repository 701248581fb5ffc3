using System.Globalization;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Sqlite.Chunks;
using Microsoft.Data.Sqlite;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

/// <summary>Single tests live in measurement_chunks (Chunks/TestChunk); this reads them and moves tests kept as rows into them.</summary>
public sealed partial class SqliteMeasurementStore
{
    /// <summary>
    /// The chunks holding tests with from &lt;= time &lt; to (and others whose span overlaps), decoded one at a time in the
    /// given order of the chunk table (a SQL ORDER BY over its small columns). The ids are listed first and each chunk
    /// read by id: a sort over the rows themselves would carry every BLOB through SQLite's sorter.
    /// </summary>
    private static IEnumerable<TestChunk> ReadChunks(SqliteConnection c, long fromUs = long.MinValue, long toUs = long.MaxValue, string order = "id")
    {
        var ids = new List<long>();
        using (var q = new SqliteStatement(c, $"SELECT id FROM measurement_chunks WHERE max_time_us >= ?1 AND min_time_us < ?2 ORDER BY {order}"))
        {
            q.Integer(1, fromUs);
            q.Integer(2, toUs);
            while (q.Step()) ids.Add(q.ColumnInteger(0));
        }
        return ReadChunks(c, ids);
    }

    /// <summary>The chunks with these ids.</summary>
    private static IEnumerable<TestChunk> ReadChunks(SqliteConnection c, IEnumerable<long> ids)
    {
        using var q = new SqliteStatement(c, "SELECT data FROM measurement_chunks WHERE id = ?1");
        foreach (var id in ids)
        {
            q.Integer(1, id);
            if (q.Step()) yield return new TestChunk(q.ColumnBlob(0));
            q.Reset();
        }
    }

    /// <summary>The chunks holding the given ids (looked up by key; a chunk may hold none of them after all, on a key shared by two ids).</summary>
    private static List<long> ChunksOf(SqliteConnection c, IEnumerable<string> ids)
    {
        using var table = new KeyTable(c);
        var chunks = new SortedSet<long>();
        foreach (var id in ids)
        {
            if (table.ChunkOf(TestKeys.Of(id)) is { } chunk) chunks.Add(chunk);
        }
        return [.. chunks];
    }

    /// <summary>Runs the one-off moves a migration asked for (tests into chunks, then the packed values), in a write transaction of its own.</summary>
    private void EnsureMeasurements()
    {
        using var c = registry.Open();
        if (!Marked(c, null, "measurement_chunks") && !Marked(c, null, "measurement_values")) return;
        using var tx = c.BeginTransaction(deferred: false);
        EnsureMeasurements(c, tx);
        tx.Commit();
    }

    /// <summary>The same, inside the caller's write transaction.</summary>
    private static void EnsureMeasurements(SqliteConnection c, SqliteTransaction tx)
    {
        if (Marked(c, tx, "measurement_chunks")) MoveRowsToChunks(c);
        if (Marked(c, tx, "measurement_values")) SqliteMeasurementValues.Rebuild(c);
    }

    private static bool Marked(SqliteConnection c, SqliteTransaction? tx, string key)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COUNT(*) FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Moves the single tests kept as rows (stores made before migration 0019) into chunks, in time order.</summary>
    private static void MoveRowsToChunks(SqliteConnection c)
    {
        using (var count = new SqliteStatement(c, "SELECT COUNT(*) FROM measurements WHERE kind = 0"))
        {
            count.Step();
            var n = count.ColumnInteger(0);
            count.Reset();
            using var sink = new TestChunkSink(c, n);
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = $"SELECT {Columns} FROM measurements WHERE kind = 0 ORDER BY time_us, id";
                using var r = cmd.ExecuteReader();
                while (r.Read()) sink.Take(ReadMeasurement(r));
            }
            sink.Finish();
        }
        using var delete = new SqliteStatement(c, "DELETE FROM measurements WHERE kind = 0");
        delete.Execute();
        using var done = new SqliteStatement(c, "DELETE FROM meta WHERE key = 'measurement_chunks'");
        done.Execute();
    }

    /// <summary>Tests matching a filter, by column (no object per test): the codes a chunk gives the filter's texts.</summary>
    private readonly struct ChunkFilter
    {
        private readonly int _region, _operator, _source, _settlement;
        private readonly bool _none;
        private readonly bool? _valid;
        private readonly HashSet<int>? _ids;
        private readonly TestChunk _chunk;

        public ChunkFilter(TestChunk chunk, MeasurementFilter f)
        {
            _chunk = chunk;
            _region = f.Region is null ? int.MinValue : chunk.Region.CodeOf(f.Region);
            _operator = f.Operator is null ? int.MinValue : chunk.Operator.CodeOf(f.Operator);
            _source = f.Source is null ? int.MinValue : chunk.Source.CodeOf(f.Source.Value.WireName());
            _settlement = f.SettlementId is null ? int.MinValue : chunk.Settlement.CodeOf(f.SettlementId);
            _valid = f.Valid;
            _none = _region == -2 || _operator == -2 || _source == -2 || _settlement == -2;
            if (f.Ids is { } ids)
            {
                _ids = [];
                foreach (var id in ids)
                {
                    var code = chunk.Id.CodeOf(id);
                    if (code >= 0) _ids.Add(code);
                }
                _none |= _ids.Count == 0;
            }
        }

        /// <summary>False when no test of the chunk can match.</summary>
        public bool Any => !_none;

        public bool Matches(int i) => !_none
            && (_region == int.MinValue || _chunk.Region.Codes[i] == _region)
            && (_operator == int.MinValue || _chunk.Operator.Codes[i] == _operator)
            && (_source == int.MinValue || _chunk.Source.Codes[i] == _source)
            && (_settlement == int.MinValue || _chunk.Settlement.Codes[i] == _settlement)
            && (_valid is null || (_chunk.Valid[i] != 0) == _valid)
            && (_ids is null || _ids.Contains(_chunk.Id.Codes[i]));
    }
}

using Dala.Quality.Model;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite.Chunks;

/// <summary>
/// The single tests of one append transaction, on their way into measurement_chunks: <see cref="Take"/> says whether
/// a test's id is new (not taken earlier in the append, not stored), new tests are buffered and written a chunk of
/// <see cref="ChunkTests"/> at a time, and <see cref="Finish"/> writes the last chunk, the keys of the new tests in
/// key order (so that the key table grows by appends, not by random inserts) and merges small chunks left by many
/// small appends (our own speed tests arrive one at a time).
/// </summary>
internal sealed class TestChunkSink : IDisposable
{
    public const int ChunkTests = 8192;
    private const int SmallChunk = 1024;
    private const int MaxSmallChunks = 32;

    private readonly SqliteConnection _c;
    private readonly KeySet _taken;
    private readonly bool _anyStored;
    private readonly SqliteStatement _insert;
    private readonly SqliteMeasurementValues? _values;
    private readonly TestChunkWriter _encoder = new();
    private readonly KeyTable _table;
    private long[] _keys;
    private long[] _chunks;
    private int _pending;

    /// <summary>
    /// A sink for an append of new tests (their values go to <paramref name="values"/>, the aggregates' packed values) or,
    /// without values, for tests moved from rows whose values are already packed.
    /// </summary>
    public TestChunkSink(SqliteConnection c, long expected, SqliteMeasurementValues? values = null)
    {
        _c = c;
        _values = values;
        _taken = new KeySet(Math.Clamp(expected, 0, 1 << 28));
        _keys = new long[Math.Clamp(expected, 16, 1 << 28)];
        _chunks = new long[_keys.Length];
        _anyStored = KeyTable.Any(c);
        _table = new KeyTable(c, empty: !_anyStored);
        _insert = new SqliteStatement(c, "INSERT INTO measurement_chunks (tests, valid, synthetic, synthetic_valid, min_time_us, max_time_us, data) " +
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    }

    /// <summary>True when the test's id is new: it is then the sink's to write.</summary>
    public bool Take(Measurement m)
    {
        var key = TestKeys.Of(m.Id);
        if (!_taken.Add(key) || (_anyStored && _table.Contains(key))) return false;
        if (_pending == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _chunks, _keys.Length);
        }
        _keys[_pending++] = key;
        _encoder.Add(m);
        if (_encoder.Count >= ChunkTests) Flush();
        return true;
    }

    /// <summary>Writes the buffered tests as one chunk; their keys (the last ones taken) point at it.</summary>
    private void Flush()
    {
        var n = _encoder.Count;
        if (n == 0) return;
        if (_values is not null) _encoder.AddValues(_values);
        var id = Write(_insert, _c, _encoder);
        for (var i = _pending - n; i < _pending; i++) _chunks[i] = id;
    }

    /// <summary>Writes the writer's tests as one chunk, empties the writer and returns the chunk's id.</summary>
    private static long Write(SqliteStatement insert, SqliteConnection c, TestChunkWriter w)
    {
        insert.Integer(1, w.Count);
        insert.Integer(2, w.Valid);
        insert.Integer(3, w.Synthetic);
        insert.Integer(4, w.SyntheticValid);
        insert.Integer(5, w.MinTimeUs);
        insert.Integer(6, w.MaxTimeUs);
        insert.Blob(7, w.Encode());
        insert.Execute();
        w.Clear();
        return SQLitePCL.raw.sqlite3_last_insert_rowid(c.Handle);
    }

    /// <summary>The last chunk, the keys, and the merge of small chunks.</summary>
    public void Finish()
    {
        Flush();
        Array.Sort(_keys, _chunks, 0, _pending);
        _table.Add(_keys.AsSpan(0, _pending), _chunks.AsSpan(0, _pending));
        _pending = 0;
        MergeSmall();
    }

    /// <summary>When many chunks are small, makes them into as few as they fill (each test's key then points at its new chunk).</summary>
    private void MergeSmall()
    {
        var small = new List<long>();
        using (var q = new SqliteStatement(_c, $"SELECT id FROM measurement_chunks WHERE tests < {SmallChunk} ORDER BY min_time_us"))
        {
            while (q.Step()) small.Add(q.ColumnInteger(0));
        }
        if (small.Count < MaxSmallChunks) return;
        using var read = new SqliteStatement(_c, "SELECT data FROM measurement_chunks WHERE id = ?1");
        using var delete = new SqliteStatement(_c, "DELETE FROM measurement_chunks WHERE id = ?1");
        var ids = new List<string>();
        var moves = new List<(long, long)>();
        void Out()
        {
            if (_encoder.Count == 0) return;
            var chunk = Write(_insert, _c, _encoder);
            foreach (var id in ids) moves.Add((TestKeys.Of(id), chunk));
            ids.Clear();
        }
        foreach (var id in small)
        {
            read.Integer(1, id);
            read.Step();
            var chunk = new TestChunk(read.ColumnBlob(0));
            read.Reset();
            delete.Integer(1, id);
            delete.Execute();
            for (var i = 0; i < chunk.Count; i++)
            {
                _encoder.Add(chunk.At(i));
                ids.Add(chunk.Id[i]!);
                if (_encoder.Count >= ChunkTests) Out();
            }
        }
        Out();
        _table.Repoint(moves);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _table.Dispose();
    }
}

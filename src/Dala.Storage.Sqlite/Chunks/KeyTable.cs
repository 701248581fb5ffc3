using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite.Chunks;

/// <summary>
/// measurement_keys: every stored test's 64-bit key (<see cref="TestKeys"/>) and its chunk, in 65,536 buckets by the
/// key's top 16 bits, each a row holding its keys sorted (int64 each) and their chunks (int32 each). A bulk load writes
/// one row a bucket instead of one a test (a B-tree row a key cost 0.8 us a test at 10 M); a look-up reads one bucket
/// (about 150 keys at 10 M tests). Buckets read are kept for the transaction; a table known to be <c>empty</c> when the
/// transaction began is not read at all.
/// </summary>
internal sealed class KeyTable(SqliteConnection c, bool empty = false) : IDisposable
{
    public const int BucketBits = 16;

    private sealed class Bucket(long[] keys, int[] chunks)
    {
        public long[] Keys = keys;
        public int[] Chunks = chunks;
    }

    private readonly Dictionary<int, Bucket?> _read = [];
    private SqliteStatement? _select;

    private static int BucketOf(long key) => (int)((ulong)key >> (64 - BucketBits));

    /// <summary>Whether any test is stored.</summary>
    public static bool Any(SqliteConnection c)
    {
        using var any = new SqliteStatement(c, "SELECT EXISTS (SELECT 1 FROM measurement_keys)");
        any.Step();
        var found = any.ColumnInteger(0) != 0;
        any.Reset();
        return found;
    }

    private Bucket? Read(int bucket)
    {
        if (_read.TryGetValue(bucket, out var b) || empty) return b;
        _select ??= new SqliteStatement(c, "SELECT keys FROM measurement_keys WHERE bucket = ?1");
        _select.Integer(1, bucket);
        if (_select.Step())
        {
            var blob = _select.ColumnBlob(0);
            var n = blob.Length / 12;
            b = new Bucket(MemoryMarshal.Cast<byte, long>(blob[..(n * 8)]).ToArray(), MemoryMarshal.Cast<byte, int>(blob[(n * 8)..]).ToArray());
            _select.Reset();
        }
        _read[bucket] = b;
        return b;
    }

    /// <summary>The chunk holding the test with this key, or null when none is stored.</summary>
    public long? ChunkOf(long key)
    {
        if (Read(BucketOf(key)) is not { } b) return null;
        var i = Array.BinarySearch(b.Keys, key);
        return i >= 0 ? b.Chunks[i] : null;
    }

    public bool Contains(long key) => ChunkOf(key) is not null;

    /// <summary>Adds keys (sorted, none stored yet) with their chunks, rewriting each bucket they fall in.</summary>
    public void Add(ReadOnlySpan<long> keys, ReadOnlySpan<long> chunks)
    {
        using var write = new SqliteStatement(c, "INSERT OR REPLACE INTO measurement_keys (bucket, keys) VALUES (?1, ?2)");
        for (var from = 0; from < keys.Length;)
        {
            var bucket = BucketOf(keys[from]);
            var to = from + 1;
            while (to < keys.Length && BucketOf(keys[to]) == bucket) to++;
            var old = Read(bucket);
            var n = (old?.Keys.Length ?? 0) + to - from;
            var merged = new Bucket(new long[n], new int[n]);
            int a = 0, k = from, o = 0;
            while (o < n)
            {
                if (old is not null && a < old.Keys.Length && (k == to || old.Keys[a] < keys[k]))
                {
                    (merged.Keys[o], merged.Chunks[o]) = (old.Keys[a], old.Chunks[a]);
                    a++;
                }
                else
                {
                    (merged.Keys[o], merged.Chunks[o]) = (keys[k], checked((int)chunks[k]));
                    k++;
                }
                o++;
            }
            Write(write, bucket, merged);
            from = to;
        }
    }

    /// <summary>Points stored keys at another chunk (after small chunks were merged).</summary>
    public void Repoint(IEnumerable<(long Key, long Chunk)> moves)
    {
        var touched = new HashSet<int>();
        foreach (var (key, chunk) in moves)
        {
            var bucket = BucketOf(key);
            if (Read(bucket) is not { } b || Array.BinarySearch(b.Keys, key) is var i && i < 0)
                throw new InvalidOperationException($"measurement key {key} is not stored");
            b.Chunks[i] = checked((int)chunk);
            touched.Add(bucket);
        }
        using var write = new SqliteStatement(c, "INSERT OR REPLACE INTO measurement_keys (bucket, keys) VALUES (?1, ?2)");
        foreach (var bucket in touched) Write(write, bucket, _read[bucket]!);
    }

    private void Write(SqliteStatement write, int bucket, Bucket b)
    {
        var blob = new byte[b.Keys.Length * 12];
        MemoryMarshal.AsBytes(b.Keys.AsSpan()).CopyTo(blob);
        MemoryMarshal.AsBytes(b.Chunks.AsSpan()).CopyTo(blob.AsSpan(b.Keys.Length * 8));
        write.Integer(1, bucket);
        write.Blob(2, blob);
        write.Execute();
        _read[bucket] = b;
    }

    public void Dispose() => _select?.Dispose();
}

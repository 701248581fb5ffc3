using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Dala.Quality.Store;

/// <summary>
/// A measurement's key in every store: the first 64 bits of the MD5 of its id (UTF-8), big-endian, as a signed integer
/// (PostgreSQL computes the same with <c>('x' || left(md5(id), 16))::bit(64)::bigint</c>). Stores index this integer
/// instead of the text id; two ids may share a key, so a store that finds a key already there compares the ids.
/// </summary>
public static class MeasurementKeys
{
    public static long Key(string id)
    {
        Span<byte> hash = stackalloc byte[16];
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (max <= 512)
        {
            Span<byte> utf8 = stackalloc byte[max];
            MD5.HashData(utf8[..Encoding.UTF8.GetBytes(id, utf8)], hash);
        }
        else MD5.HashData(Encoding.UTF8.GetBytes(id), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

/// <summary>
/// The keys an import has met (and, for a bulk load, those stored before it), each with a value the store chooses
/// (SQLite: the rowid of the row that has it, below 2^31): an open-addressing table of two arrays, 12 bytes a slot, at
/// most 3/4 full, so 10 million keys take 192 MB. A key met twice keeps its first value.
/// </summary>
public sealed class MeasurementKeySet
{
    private long[] _keys;
    private int[] _values;
    private bool _hasZero;
    private int _zeroValue;

    public MeasurementKeySet(long expected = 0)
    {
        var capacity = 1024L;
        while (capacity * 3 / 4 < expected) capacity *= 2;
        _keys = new long[capacity];
        _values = new int[capacity];
    }

    public long Count { get; private set; }

    /// <summary>Whether the key is there, and its value.</summary>
    public bool TryGet(long key, out int value)
    {
        if (key == 0) { value = _zeroValue; return _hasZero; }
        var mask = _keys.Length - 1;
        for (var i = (int)(Mix(key) & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (_keys[i] == key) { value = _values[i]; return true; }
            if (_keys[i] == 0) { value = 0; return false; }
        }
    }

    /// <summary>Adds the key with its value; false (and nothing changed) when it was there.</summary>
    public bool Add(long key, int value)
    {
        if (key == 0)
        {
            if (_hasZero) return false;
            (_hasZero, _zeroValue) = (true, value);
            Count++;
            return true;
        }
        if ((Count + 1) * 4 > _keys.Length * 3L) Grow();
        if (!Insert(_keys, _values, key, value)) return false;
        Count++;
        return true;
    }

    private static bool Insert(long[] keys, int[] values, long key, int value)
    {
        var mask = keys.Length - 1;
        for (var i = (int)(Mix(key) & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (keys[i] == key) return false;
            if (keys[i] != 0) continue;
            keys[i] = key;
            values[i] = value;
            return true;
        }
    }

    private void Grow()
    {
        var keys = new long[_keys.Length * 2];
        var values = new int[_keys.Length * 2];
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0) Insert(keys, values, _keys[i], _values[i]);
        }
        (_keys, _values) = (keys, values);
    }

    /// <summary>The keys are hashes already, but ids made to collide in the low bits must not pile up in one run.</summary>
    private static ulong Mix(long key)
    {
        var z = (ulong)key;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

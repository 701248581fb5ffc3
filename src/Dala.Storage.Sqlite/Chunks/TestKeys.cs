namespace Dala.Storage.Sqlite.Chunks;

/// <summary>
/// A test's id as a 64-bit key (FNV-1a over its UTF-16 code units, then the SplitMix64 finaliser): measurement_keys
/// holds one per stored single test, in key order, so that a duplicate is found without an index of id texts (which
/// cost 9 us a row at 10 M tests). Two different ids share a key with probability about n^2 / 2^65 (3e-6 at 10 M
/// tests); the second would be counted a duplicate.
/// </summary>
internal static class TestKeys
{
    public static long Of(string id)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in id)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (long)h;
    }
}

/// <summary>A set of 64-bit keys (open addressing, linear probing): the keys an append has taken so far, 8 bytes a slot.</summary>
internal sealed class KeySet
{
    private long[] _slots;
    private bool _hasZero;
    private int _count;

    public KeySet(long expected)
    {
        var size = 1024;
        while (size < expected * 4 / 3 + 1 && size < 1 << 30) size <<= 1;
        _slots = new long[size];
    }

    public int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>Adds the key; false when it was there already.</summary>
    public bool Add(long key)
    {
        if (key == 0)
        {
            if (_hasZero) return false;
            return _hasZero = true;
        }
        if ((_count + 1) * 4L > _slots.Length * 3L) Grow();
        return Insert(_slots, key) && ++_count > 0;
    }

    private static bool Insert(long[] slots, long key)
    {
        var mask = slots.Length - 1;
        for (var i = (int)((ulong)key >> 20) & mask; ; i = (i + 1) & mask)
        {
            if (slots[i] == key) return false;
            if (slots[i] == 0)
            {
                slots[i] = key;
                return true;
            }
        }
    }

    private void Grow()
    {
        var slots = new long[_slots.Length * 2];
        foreach (var k in _slots) if (k != 0) Insert(slots, k);
        _slots = slots;
    }
}

namespace Dala.Fibre.Osm;

/// <summary>A growable list of longs reused across blocks (cleared, never shrunk) to keep decoding allocation-light.</summary>
internal sealed class LongList
{
    private long[] _items = new long[256];

    public int Count { get; private set; }

    public long this[int i] => _items[i];

    public Span<long> Span => _items.AsSpan(0, Count);

    /// <summary>The backing array (valid up to <see cref="Count"/>; replaced when the list grows).</summary>
    public long[] Items => _items;

    public void Clear() => Count = 0;

    /// <summary>Drops the items from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = Math.Clamp(count, 0, Count);

    public void Add(long value)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = value;
    }

    /// <summary>Turns raw varints (as stored) into zigzag-decoded signed values.</summary>
    public void ZigZag()
    {
        var s = Span;
        for (var i = 0; i < s.Length; i++) s[i] = ProtoReader.ZigZag((ulong)s[i]);
    }

    /// <summary>Turns deltas into running sums (DELTA coded fields).</summary>
    public void Undelta()
    {
        var s = Span;
        for (var i = 1; i < s.Length; i++) s[i] += s[i - 1];
    }
}

namespace Dala.Fibre.Osm;

/// <summary>
/// The tags of one node or way, as a view over the reader's buffers: valid only during the handler call that
/// received it (copy with <see cref="ToDictionary"/> to keep them). <c>default</c> is the empty tag list.
/// </summary>
public readonly struct OsmTags
{
    private readonly OsmStringTable? _strings;
    private readonly long[]? _pairs;
    private readonly int _start;

    /// <param name="pairs">Interleaved key and value indexes into <paramref name="strings"/>, already range-checked.</param>
    internal OsmTags(OsmStringTable strings, long[] pairs, int start, int count)
    {
        _strings = strings;
        _pairs = pairs;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    public string Key(int i) => String(i, 0);

    public string Value(int i) => String(i, 1);

    /// <summary>The value of <paramref name="key"/>, or null when the element does not have it.</summary>
    public string? this[string key]
    {
        get
        {
            for (var i = 0; i < Count; i++)
                if (Key(i) == key) return Value(i);
            return null;
        }
    }

    public Dictionary<string, string> ToDictionary()
    {
        var d = new Dictionary<string, string>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++) d[Key(i)] = Value(i);
        return d;
    }

    private string String(int i, int part)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Count);
        return _strings![(int)_pairs![_start + 2 * i + part]];
    }
}

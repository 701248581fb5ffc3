using System.Text;

namespace Dala.Fibre.Osm;

/// <summary>
/// The strings of one block: a PBF string table (byte ranges of the block buffer, decoded to strings on first use
/// and cached for the block) or the strings of one XML element. Reset for every block; never kept.
/// </summary>
internal sealed class OsmStringTable
{
    private string?[] _strings = new string?[256];
    private (int Start, int Length)[] _ranges = new (int, int)[256];
    private byte[] _buffer = [];

    public int Count { get; private set; }

    public void Reset(byte[] buffer)
    {
        Array.Clear(_strings, 0, Count);
        _buffer = buffer;
        Count = 0;
    }

    public void AddRange(int start, int length)
    {
        Grow();
        _ranges[Count++] = (start, length);
    }

    public int AddString(string value)
    {
        Grow();
        _ranges[Count] = (0, 0);
        _strings[Count] = value;
        return Count++;
    }

    public string this[int i]
    {
        get
        {
            if (_strings[i] is { } s) return s;
            var (start, length) = _ranges[i];
            return _strings[i] = Encoding.UTF8.GetString(_buffer, start, length);
        }
    }

    private void Grow()
    {
        if (Count < _strings.Length) return;
        Array.Resize(ref _strings, _strings.Length * 2);
        Array.Resize(ref _ranges, _ranges.Length * 2);
    }
}

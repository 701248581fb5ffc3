using System.Buffers.Binary;
using System.Text;

namespace Dala.Geo.Raster;

/// <summary>
/// Collects the fields of one little-endian TIFF image file directory (IFD), each already encoded as bytes.
/// Fields are kept sorted by tag, as TIFF 6.0 requires; adding a tag twice is a programming error.
/// </summary>
internal sealed class TiffDirectoryBuilder
{
    private readonly SortedDictionary<ushort, TiffDirectoryEntry> _entries = [];

    public IReadOnlyCollection<TiffDirectoryEntry> Entries => _entries.Values;

    public void Shorts(ushort tag, params ReadOnlySpan<ushort> values)
    {
        var data = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(i * 2), values[i]);
        Add(new TiffDirectoryEntry(tag, TiffFieldType.Short, (uint)values.Length, data));
    }

    public void Longs(ushort tag, params ReadOnlySpan<uint> values)
    {
        var data = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(i * 4), values[i]);
        Add(new TiffDirectoryEntry(tag, TiffFieldType.Long, (uint)values.Length, data));
    }

    public void Rational(ushort tag, uint numerator, uint denominator)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(data, numerator);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), denominator);
        Add(new TiffDirectoryEntry(tag, TiffFieldType.Rational, 1, data));
    }

    public void Doubles(ushort tag, params ReadOnlySpan<double> values)
    {
        var data = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * 8), values[i]);
        Add(new TiffDirectoryEntry(tag, TiffFieldType.Double, (uint)values.Length, data));
    }

    /// <summary>7-bit ASCII text, stored NUL-terminated (the count includes the NUL).</summary>
    public void Ascii(ushort tag, string text)
    {
        foreach (var c in text)
        {
            if (c is '\0' or > '\x7f')
                throw new ArgumentException($"TIFF tag {tag} must be 7-bit ASCII without NUL; found U+{(int)c:X4}", nameof(text));
        }
        var data = Encoding.ASCII.GetBytes(text + "\0");
        Add(new TiffDirectoryEntry(tag, TiffFieldType.Ascii, (uint)data.Length, data));
    }

    /// <summary>Replaces the values of a LONG field already added, keeping its size (so the layout holds).</summary>
    public void ReplaceLongs(ushort tag, params ReadOnlySpan<uint> values)
    {
        if (!_entries.TryGetValue(tag, out var old) || old.Type != TiffFieldType.Long || old.Count != values.Length)
            throw new InvalidOperationException($"TIFF tag {tag} has no LONG[{values.Length}] field to replace");
        _entries.Remove(tag);
        Longs(tag, values);
    }

    private void Add(TiffDirectoryEntry entry)
    {
        if (!_entries.TryAdd(entry.Tag, entry)) throw new InvalidOperationException($"TIFF tag {entry.Tag} added twice");
    }
}

/// <summary>One IFD field: tag, type, number of values and the values encoded little-endian.</summary>
internal sealed record TiffDirectoryEntry(ushort Tag, TiffFieldType Type, uint Count, byte[] Data)
{
    /// <summary>Values of 4 bytes or fewer sit in the entry itself; longer ones elsewhere, at an offset.</summary>
    public bool FitsInline => Data.Length <= 4;
}

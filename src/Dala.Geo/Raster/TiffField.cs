using System.Buffers.Binary;
using System.Text;

namespace Dala.Geo.Raster;

/// <summary>
/// One IFD entry as read: tag, type, count, the offset of its values when they are not inline (null when they
/// sit in the entry) and the raw little-endian value bytes.
/// </summary>
public sealed record TiffField(ushort Tag, TiffFieldType Type, uint Count, uint? ValueOffset, ReadOnlyMemory<byte> Data)
{
    /// <summary>The values as numbers (BYTE, SHORT, LONG, RATIONAL as a quotient, DOUBLE).</summary>
    public double[] Numbers()
    {
        var d = Data.Span;
        var result = new double[Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Type switch
            {
                TiffFieldType.Byte => d[i],
                TiffFieldType.Short => BinaryPrimitives.ReadUInt16LittleEndian(d[(i * 2)..]),
                TiffFieldType.Long => BinaryPrimitives.ReadUInt32LittleEndian(d[(i * 4)..]),
                TiffFieldType.Rational => (double)BinaryPrimitives.ReadUInt32LittleEndian(d[(i * 8)..]) /
                                          BinaryPrimitives.ReadUInt32LittleEndian(d[(i * 8 + 4)..]),
                TiffFieldType.Double => BinaryPrimitives.ReadDoubleLittleEndian(d[(i * 8)..]),
                _ => throw new TiffFormatException($"Tag {Tag} has type {Type}, which is not numeric"),
            };
        }
        return result;
    }

    /// <summary>The one whole-number value of a SHORT or LONG field.</summary>
    public uint Single()
    {
        if (Count != 1 || Type is not (TiffFieldType.Short or TiffFieldType.Long))
            throw new TiffFormatException($"Tag {Tag} should hold one SHORT or LONG, not {Count} × {Type}");
        return (uint)Numbers()[0];
    }

    /// <summary>ASCII text without its terminating NUL (which TIFF requires).</summary>
    public string Text()
    {
        if (Type != TiffFieldType.Ascii) throw new TiffFormatException($"Tag {Tag} has type {Type}, not ASCII");
        var d = Data.Span;
        if (d.Length == 0 || d[^1] != 0) throw new TiffFormatException($"ASCII tag {Tag} does not end with NUL");
        return Encoding.ASCII.GetString(d[..^1]);
    }
}

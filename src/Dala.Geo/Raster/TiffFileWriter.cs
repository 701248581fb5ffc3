using System.Buffers.Binary;

namespace Dala.Geo.Raster;

/// <summary>Fills one strip's bytes; <paramref name="destination"/> is exactly the strip's length.</summary>
internal delegate void StripFiller(int strip, Span<byte> destination);

/// <summary>
/// Writes a classic little-endian TIFF with one IFD: header, the IFD right after it (offset 8), the values that
/// do not fit in their entries (each on a word boundary), then the strips. Writes forward only, so the output
/// need not be seekable. Adds StripOffsets and StripByteCounts itself.
/// </summary>
internal static class TiffFileWriter
{
    private const int HeaderSize = 8;

    public static void Write(Stream output, TiffDirectoryBuilder directory, IReadOnlyList<int> stripLengths, StripFiller fill)
    {
        var lengths = stripLengths.Select(l => (uint)l).ToArray();
        directory.Longs(TiffTag.StripByteCounts, lengths);
        directory.Longs(TiffTag.StripOffsets, new uint[lengths.Length]);
        var entries = directory.Entries.ToArray();

        long pos = HeaderSize + 2 + 12L * entries.Length + 4;
        var valueOffsets = new uint[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].FitsInline) continue;
            pos = Align(pos, 2);
            valueOffsets[i] = (uint)pos;
            pos += entries[i].Data.Length;
        }
        var stripOffsets = new uint[lengths.Length];
        for (var i = 0; i < lengths.Length; i++)
        {
            pos = Align(pos, 4);
            if (pos + lengths[i] > uint.MaxValue)
                throw new NotSupportedException($"The image needs {pos + lengths[i]} bytes; a classic TIFF holds at most 4 GiB (BigTIFF is not supported)");
            stripOffsets[i] = (uint)pos;
            pos += lengths[i];
        }
        directory.ReplaceLongs(TiffTag.StripOffsets, stripOffsets);
        entries = directory.Entries.ToArray();

        var o = new PositionedWriter(output);
        o.Bytes("II"u8); o.UInt16(42); o.UInt32(HeaderSize);
        o.UInt16((ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            o.UInt16(e.Tag); o.UInt16((ushort)e.Type); o.UInt32(e.Count);
            if (e.FitsInline) { o.Bytes(e.Data); o.Zeros(4 - e.Data.Length); }
            else o.UInt32(valueOffsets[i]);
        }
        o.UInt32(0); // no next IFD
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].FitsInline) continue;
            o.Zeros((int)(valueOffsets[i] - o.Position));
            o.Bytes(entries[i].Data);
        }
        var buffer = new byte[lengths.Length == 0 ? 0 : lengths.Max()];
        for (var i = 0; i < lengths.Length; i++)
        {
            o.Zeros((int)(stripOffsets[i] - o.Position));
            var strip = buffer.AsSpan(0, (int)lengths[i]);
            strip.Clear();
            fill(i, strip);
            o.Bytes(strip);
        }
    }

    private static long Align(long pos, int to) => (pos + to - 1) / to * to;

    private sealed class PositionedWriter(Stream output)
    {
        private readonly byte[] _scratch = new byte[8];

        public long Position { get; private set; }

        public void Bytes(ReadOnlySpan<byte> bytes) { output.Write(bytes); Position += bytes.Length; }

        public void Zeros(int count) { for (var i = 0; i < count; i++) Bytes([0]); }

        public void UInt16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_scratch, v); Bytes(_scratch.AsSpan(0, 2)); }

        public void UInt32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_scratch, v); Bytes(_scratch.AsSpan(0, 4)); }
    }
}

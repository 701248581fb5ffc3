using System.Buffers.Binary;
using System.IO.Compression;

namespace Dala.Geo.Raster;

/// <summary>
/// Writes an 8-bit RGBA PNG (colour type 6, no interlace, filter 0 on every row), zlib-compressed, in IDAT chunks
/// of at most 1 MiB.
/// </summary>
public static class PngWriter
{
    private const int MaxIdat = 1 << 20;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="rgba">Row-major pixels, top row first, 4 bytes (R, G, B, A) each.</param>
    public static void Write(Stream output, int width, int height, ReadOnlySpan<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (width < 1 || height < 1) throw new ArgumentException($"PNG size {width}×{height} must be at least 1×1");
        if ((long)width * height * 4 != rgba.Length)
            throw new ArgumentException($"{rgba.Length} bytes of RGBA for {width}×{height} pixels; expected {(long)width * height * 4}", nameof(rgba));

        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // colour type: RGBA
        // compression 0 (deflate), filter method 0, interlace 0: already zero

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var rowBytes = width * 4;
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter type None
                z.Write(rgba.Slice(y * rowBytes, rowBytes));
            }
        }

        output.Write(Signature);
        Chunk(output, "IHDR"u8, ihdr);
        var idat = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        for (var at = 0; at < idat.Length; at += MaxIdat) Chunk(output, "IDAT"u8, idat.Slice(at, Math.Min(MaxIdat, idat.Length - at)));
        Chunk(output, "IEND"u8, []);
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Start, type), data)));
        output.Write(word);
    }
}

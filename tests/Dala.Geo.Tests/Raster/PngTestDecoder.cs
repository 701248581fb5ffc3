using System.Buffers.Binary;
using System.IO.Compression;
using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

/// <summary>
/// Decodes the PNGs PngWriter makes (8-bit RGBA, no interlace, filter 0), checking the signature, the chunk order
/// and every chunk's CRC on the way.
/// </summary>
internal static class PngTestDecoder
{
    public sealed record Chunk(string Type, byte[] Data, uint Crc);

    public sealed record Decoded(int Width, int Height, byte[] Ihdr, byte[] Rgba, IReadOnlyList<Chunk> Chunks);

    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static IReadOnlyList<Chunk> Chunks(byte[] png)
    {
        Assert.Equal(Signature, png[..8]);
        var chunks = new List<Chunk>();
        var at = 8;
        while (at < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Crc32.Compute(png.AsSpan(at + 4, 4 + length)), crc);
            chunks.Add(new Chunk(type, data, crc));
            at += 12 + length;
        }
        Assert.Equal(png.Length, at);
        return chunks;
    }

    public static Decoded Decode(byte[] png)
    {
        var chunks = Chunks(png);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        Assert.Empty(chunks[^1].Data);
        var ihdr = chunks[0].Data;
        Assert.Equal(13, ihdr.Length);
        var width = (int)BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = (int)BinaryPrimitives.ReadUInt32BigEndian(ihdr.AsSpan(4));
        Assert.Equal(new byte[] { 8, 6, 0, 0, 0 }, ihdr[8..]); // depth 8, RGBA, deflate, filter 0, no interlace

        using var idat = new MemoryStream(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = 1 + width * 4;
        Assert.Equal(stride * height, bytes.Length);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * stride]); // filter type None
            Array.Copy(bytes, y * stride + 1, rgba, y * width * 4, width * 4);
        }
        return new Decoded(width, height, ihdr, rgba, chunks);
    }
}

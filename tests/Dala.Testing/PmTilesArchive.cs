using System.Buffers.Binary;
using Dala.Geo.Raster;

namespace Dala.Testing;

/// <summary>
/// Writes a small valid PMTiles v3 archive for tests: one tile image given for every tile of zooms 0..maxZoom (a single
/// directory entry whose run covers all their tile ids), no compression, metadata "{}".
/// </summary>
public static class PmTilesArchive
{
    public static byte[] Raster(byte[] tile, int maxZoom, byte tileType = 2)
    {
        long run = 0;
        for (var z = 0; z <= maxZoom; z++) run += 1L << (2 * z);
        var dir = new MemoryStream();
        Varint(dir, 1);          // entries
        Varint(dir, 0);          // tile id 0 (delta)
        Varint(dir, run);        // run length
        Varint(dir, tile.Length);
        Varint(dir, 0 + 1);      // offset + 1
        var metadata = "{}"u8.ToArray();
        var h = new byte[127];
        "PMTiles"u8.CopyTo(h);
        h[7] = 3;
        long rootOffset = 127, rootLength = dir.Length, metaOffset = rootOffset + rootLength, dataOffset = metaOffset + metadata.Length;
        U64(h, 8, rootOffset);
        U64(h, 16, rootLength);
        U64(h, 24, metaOffset);
        U64(h, 32, metadata.Length);
        U64(h, 40, 0);
        U64(h, 48, 0);
        U64(h, 56, dataOffset);
        U64(h, 64, tile.Length);
        U64(h, 72, run);
        U64(h, 80, 1);
        U64(h, 88, 1);
        h[96] = 1;               // clustered
        h[97] = 1;               // internal compression: none
        h[98] = 1;               // tile compression: none
        h[99] = tileType;        // 1 mvt, 2 png
        h[100] = 0;
        h[101] = (byte)maxZoom;
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(102), -1_800_000_000);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(106), -850_000_000);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(110), 1_800_000_000);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(114), 850_000_000);
        h[118] = 0;
        var output = new MemoryStream();
        output.Write(h);
        dir.Position = 0;
        dir.CopyTo(output);
        output.Write(metadata);
        output.Write(tile);
        return output.ToArray();
    }

    /// <summary>A 256×256 PNG of one colour.</summary>
    public static byte[] SolidPng(byte r, byte g, byte b)
    {
        var rgba = new byte[256 * 256 * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            rgba[i] = r;
            rgba[i + 1] = g;
            rgba[i + 2] = b;
            rgba[i + 3] = 255;
        }
        var png = new MemoryStream();
        PngWriter.Write(png, 256, 256, rgba);
        return png.ToArray();
    }

    private static void U64(byte[] b, int at, long v) => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(at), (ulong)v);

    private static void Varint(Stream s, long v)
    {
        var u = (ulong)v;
        while (u >= 0x80)
        {
            s.WriteByte((byte)(u | 0x80));
            u >>= 7;
        }
        s.WriteByte((byte)u);
    }
}

using System.Buffers.Binary;
using Dala.Geo.Raster;

namespace Dala.Testing;

/// <summary>
/// Writes a small valid PMTiles v3 archive for tests: one tile given for every tile of zooms 0..maxZoom (a single
/// directory entry whose run covers all their tile ids), no compression; metadata "{}" for raster tiles, the layers'
/// names (vector_layers) for vector ones.
/// </summary>
public static class PmTilesArchive
{
    public static byte[] Raster(byte[] tile, int maxZoom, byte tileType = 2) => Archive(tile, maxZoom, tileType, "{}");

    /// <summary>An archive of MVT tiles (tile type 1), its metadata naming the layers.</summary>
    public static byte[] Vector(byte[] mvt, int maxZoom, params string[] layers) =>
        Archive(mvt, maxZoom, 1, "{\"vector_layers\":[" + string.Join(",", layers.Select(l => $"{{\"id\":\"{l}\",\"fields\":{{}}}}")) + "]}");

    /// <summary>
    /// A Mapbox vector tile (protobuf, written by hand) with one layer of one polygon covering the whole tile: served for
    /// every tile, it paints the whole map in the polygon's style.
    /// </summary>
    public static byte[] WholeTilePolygonMvt(string layer)
    {
        // MoveTo(0,0) LineTo(+4096,0)(0,+4096)(-4096,0) ClosePath; parameters zigzag-encoded.
        uint[] geometry = [9, 0, 0, 26, 8192, 0, 0, 8192, 8191, 0, 15];
        var packed = new MemoryStream();
        foreach (var g in geometry) Varint(packed, g);
        var feature = new MemoryStream();
        Varint(feature, (3 << 3) | 0); Varint(feature, 3);                 // type: polygon
        Field(feature, 4, packed.ToArray());                                 // geometry
        var l = new MemoryStream();
        Varint(l, (15 << 3) | 0); Varint(l, 2);                              // version 2
        Field(l, 1, System.Text.Encoding.UTF8.GetBytes(layer));              // name
        Field(l, 2, feature.ToArray());                                      // one feature
        Varint(l, (5 << 3) | 0); Varint(l, 4096);                            // extent
        var tile = new MemoryStream();
        Field(tile, 3, l.ToArray());                                         // one layer
        return tile.ToArray();
    }

    private static void Field(Stream s, int number, byte[] bytes)
    {
        Varint(s, (number << 3) | 2);
        Varint(s, bytes.Length);
        s.Write(bytes);
    }

    private static byte[] Archive(byte[] tile, int maxZoom, byte tileType, string metadataJson)
    {
        long run = 0;
        for (var z = 0; z <= maxZoom; z++) run += 1L << (2 * z);
        var dir = new MemoryStream();
        Varint(dir, 1);          // entries
        Varint(dir, 0);          // tile id 0 (delta)
        Varint(dir, run);        // run length
        Varint(dir, tile.Length);
        Varint(dir, 0 + 1);      // offset + 1
        var metadata = System.Text.Encoding.UTF8.GetBytes(metadataJson);
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

using System.Buffers.Binary;
using System.IO.Compression;
using Dala.Fibre.Osm;

namespace Dala.Fibre.Tests.Osm;

/// <summary>
/// A tiny OSM PBF writer for tests: frames ([length][BlobHeader][Blob]), zlib or raw blobs, a HeaderBlock and
/// PrimitiveBlocks with dense nodes, plain nodes and ways. Everything is in memory.
/// </summary>
internal sealed class PbfFile
{
    public static readonly string[] StandardFeatures = ["OsmSchema-V0.6", "DenseNodes"];

    private readonly MemoryStream _out = new();

    public long Length => _out.Length;

    public PbfFile Header(params string[] required)
    {
        var h = new ProtoWriter();
        foreach (var f in required.Length == 0 ? StandardFeatures : required) h.String(4, f);
        h.String(5, "Sort.Type_then_ID").String(16, "Dala tests");
        return Block("OSMHeader", h.ToArray());
    }

    /// <summary>A block of dense nodes (ids, lats and lons delta coded; tags in keys_vals).</summary>
    public PbfFile Dense(IReadOnlyList<MapNode> nodes, int granularity = 100, long latOffset = 0, long lonOffset = 0, bool zlib = true)
    {
        var strings = new PbfStrings();
        var dense = new ProtoWriter()
            .PackedDelta(1, nodes.Select(n => n.Id))
            .PackedDelta(8, nodes.Select(n => Raw(n.Lat, granularity, latOffset)))
            .PackedDelta(9, nodes.Select(n => Raw(n.Lon, granularity, lonOffset)));
        if (nodes.Any(n => n.Tags.Length > 0))
            dense.Packed(10, nodes.SelectMany(n => n.Tags.Select(MapTags.Split).SelectMany(t => new[] { strings[t.Key], strings[t.Value] }).Append(0ul)).ToList());
        return Primitive(strings, new ProtoWriter().Message(2, dense), granularity, latOffset, lonOffset, zlib);
    }

    /// <summary>A block of plain (non-dense) nodes.</summary>
    public PbfFile Plain(IReadOnlyList<MapNode> nodes)
    {
        var strings = new PbfStrings();
        var group = new ProtoWriter();
        foreach (var n in nodes)
        {
            var tags = n.Tags.Select(MapTags.Split).ToList();
            group.Message(1, new ProtoWriter().SInt(1, n.Id)
                .Packed(2, tags.Select(t => strings[t.Key]).ToList()).Packed(3, tags.Select(t => strings[t.Value]).ToList())
                .SInt(8, Raw(n.Lat, 100, 0)).SInt(9, Raw(n.Lon, 100, 0)));
        }
        return Primitive(strings, group, 100, 0, 0, true);
    }

    public PbfFile Ways(IReadOnlyList<MapWay> ways, bool zlib = true)
    {
        var strings = new PbfStrings();
        var group = new ProtoWriter();
        foreach (var w in ways)
        {
            var tags = w.Tags.Select(MapTags.Split).ToList();
            group.Message(3, new ProtoWriter().Int(1, w.Id)
                .Packed(2, tags.Select(t => strings[t.Key]).ToList()).Packed(3, tags.Select(t => strings[t.Value]).ToList())
                .PackedDelta(8, w.Refs));
        }
        return Primitive(strings, group, 100, 0, 0, zlib);
    }

    /// <summary>Frames a block's data as a zlib (or raw) blob of the given type.</summary>
    public PbfFile Block(string type, byte[] data, bool zlib = true) =>
        Frame(type, zlib ? new ProtoWriter().Int(2, data.Length).Bytes(3, Zlib(data)).ToArray() : new ProtoWriter().Bytes(1, data).ToArray());

    /// <summary>Frames an already encoded Blob message.</summary>
    public PbfFile Frame(string type, byte[] blob) => FrameHeader(new ProtoWriter().String(1, type).Int(3, blob.Length).ToArray()).Append(blob);

    public PbfFile FrameHeader(byte[] header)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, header.Length);
        _out.Write(length);
        return Append(header);
    }

    public PbfFile Append(byte[] bytes)
    {
        _out.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _out.ToArray();

    public IOsmSource Source(string name = "t.pbf")
    {
        var bytes = ToArray();
        return new OsmPbfReader(() => new MemoryStream(bytes, writable: false), name);
    }

    public static byte[] Zlib(byte[] data)
    {
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest)) z.Write(data);
        return compressed.ToArray();
    }

    private PbfFile Primitive(PbfStrings strings, ProtoWriter group, int granularity, long latOffset, long lonOffset, bool zlib)
    {
        var block = new ProtoWriter().Message(1, strings.Table()).Message(2, group);
        if (granularity != 100) block.Int(17, granularity);
        if (latOffset != 0) block.Int(19, latOffset);
        if (lonOffset != 0) block.Int(20, lonOffset);
        return Block("OSMData", block.ToArray(), zlib);
    }

    private static long Raw(double degrees, int granularity, long offset) =>
        (long)Math.Round(((decimal)degrees * 1_000_000_000m - offset) / granularity);
}

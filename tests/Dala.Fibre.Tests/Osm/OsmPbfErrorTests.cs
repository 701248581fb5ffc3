using System.Buffers.Binary;
using System.Text;
using Dala.Fibre.Osm;

namespace Dala.Fibre.Tests.Osm;

/// <summary>Malformed PBF files: each error is an <see cref="OsmFormatException"/> naming the byte offset.</summary>
public class OsmPbfErrorTests
{
    private static OsmFormatException Error(PbfFile file) => Error(file.ToArray());

    private static OsmFormatException Error(byte[] bytes)
    {
        var e = Assert.Throws<OsmFormatException>(() => OsmData.Read(new OsmPbfReader(() => new MemoryStream(bytes), "t.pbf")));
        Assert.NotNull(e.Offset);
        Assert.Null(e.Line);
        Assert.StartsWith($"t.pbf@{e.Offset}: ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_truncated_blob_names_the_offset_where_the_blob_starts()
    {
        var header = new PbfFile().Header();
        var whole = new PbfFile().Header().Dense(OsmSample.Nodes).ToArray();
        var headerSize = BinaryPrimitives.ReadInt32BigEndian(whole.AsSpan((int)header.Length, 4));
        var e = Error(whole[..^10]);
        Assert.Equal(header.Length + 4 + headerSize, e.Offset);
        Assert.Contains("truncated blob", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_length_prefix_or_blob_header_is_named()
    {
        var header = new PbfFile().Header();
        Assert.Equal(header.Length, Error(new PbfFile().Header().Append([0, 0])).Offset);
        var e = Error(new PbfFile().Header().Append([0, 0, 0, 40, 0x0a]));
        Assert.Equal(header.Length + 4, e.Offset);
        Assert.Contains("truncated BlobHeader", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, "lzma_data")]
    [InlineData(6, "lz4_data")]
    [InlineData(7, "zstd_data")]
    public void Compressions_other_than_zlib_are_refused(int field, string name)
    {
        var e = Error(new PbfFile().Header().Frame("OSMData", new ProtoWriter().Int(2, 3).Bytes(field, [1, 2, 3]).ToArray()));
        Assert.Contains(name, e.Problem, StringComparison.Ordinal);
        Assert.Contains("only raw and zlib_data", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_varint_longer_than_ten_bytes_is_named_at_its_byte()
    {
        var header = new ProtoWriter().String(1, "OSMHeader").Key(3, 0).Raw([.. Enumerable.Repeat((byte)0xFF, 10), 1]).ToArray();
        var e = Error(new PbfFile().FrameHeader(header));
        Assert.Equal(4 + 1 + 1 + 9 + 1, e.Offset);
        Assert.Contains("varint longer than 10 bytes", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_varint_inside_a_compressed_block_names_the_block_and_the_byte()
    {
        var header = new PbfFile().Header();
        var e = Error(new PbfFile().Header().Block("OSMData", [0x0a, 0x00, 0x12, 0x02, 0x18, 0x80]));
        Assert.Equal(header.Length, e.Offset);
        Assert.Contains("byte 5 of its uncompressed data: truncated varint", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HistoricalInformation")]
    [InlineData("LocationsOnWays-Required")]
    public void An_unsupported_required_feature_is_refused(string feature)
    {
        var e = Error(new PbfFile().Header("OsmSchema-V0.6", "DenseNodes", feature).Dense(OsmSample.Nodes));
        Assert.Equal(0, e.Offset);
        Assert.Contains($"unsupported required feature '{feature}'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_before_the_header_and_a_file_without_a_header_are_refused()
    {
        Assert.Contains("before the OSMHeader", Error(new PbfFile().Dense(OsmSample.Nodes).Header()).Problem, StringComparison.Ordinal);
        Assert.Contains("no OSMHeader", Error([]).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_or_wrongly_sized_zlib_data_is_refused()
    {
        var corrupt = new ProtoWriter().Int(2, 10).Bytes(3, [0x78, 0x9c, 0xff, 0xff, 0xff]).ToArray();
        Assert.Contains("corrupt", Error(new PbfFile().Header().Frame("OSMData", corrupt)).Problem, StringComparison.Ordinal);
        var data = Encoding.ASCII.GetBytes("0123456789");
        var wrong = new ProtoWriter().Int(2, 11).Bytes(3, PbfFile.Zlib(data)).ToArray();
        Assert.Contains("raw_size says 11", Error(new PbfFile().Header().Frame("OSMData", wrong)).Problem, StringComparison.Ordinal);
        var missing = new ProtoWriter().Bytes(3, PbfFile.Zlib(data)).ToArray();
        Assert.Contains("raw_size is missing", Error(new PbfFile().Header().Frame("OSMData", missing)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_frames_are_refused()
    {
        Assert.Contains("BlobHeader length", Error(new PbfFile().Append([0x7f, 0xff, 0xff, 0xff])).Problem, StringComparison.Ordinal);
        var e = Error(new PbfFile().FrameHeader(new ProtoWriter().String(1, "OSMData").Int(3, 64 << 20).ToArray()));
        Assert.Contains("Blob size", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_level_problems_are_named()
    {
        var badIndex = new ProtoWriter().Message(1, new ProtoWriter().String(1, ""))
            .Message(2, new ProtoWriter().Message(3, new ProtoWriter().Int(1, 4).Packed(2, [7]).Packed(3, [8]).PackedDelta(8, [1, 2])));
        Assert.Contains("string index 7 is outside the string table of 1", Error(new PbfFile().Header().Block("OSMData", badIndex.ToArray())).Problem, StringComparison.Ordinal);
        var uneven = new ProtoWriter().Message(2, new ProtoWriter().Message(2, new ProtoWriter().PackedDelta(1, [1, 2]).PackedDelta(8, [1]).PackedDelta(9, [1, 2])));
        Assert.Contains("2 ids, 1 lats and 2 lons", Error(new PbfFile().Header().Block("OSMData", uneven.ToArray())).Problem, StringComparison.Ordinal);
        var badLat = new ProtoWriter().Message(2, new ProtoWriter().Message(2, new ProtoWriter().PackedDelta(1, [1]).PackedDelta(8, [950_000_000]).PackedDelta(9, [0])));
        Assert.Contains("node 1: latitude 95", Error(new PbfFile().Header().Block("OSMData", badLat.ToArray())).Problem, StringComparison.Ordinal);
    }
}

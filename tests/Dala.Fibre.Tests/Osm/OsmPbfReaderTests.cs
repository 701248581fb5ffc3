using Dala.Fibre.Osm;
using Dala.Geo;

namespace Dala.Fibre.Tests.Osm;

/// <summary>The PBF reader on files written by the test writer: values read back exactly, whatever the layout.</summary>
public class OsmPbfReaderTests
{
    [Fact]
    public void Dense_nodes_and_ways_read_back_exactly()
    {
        var file = new PbfFile().Header().Dense(OsmSample.Nodes).Ways(OsmSample.Ways);
        OsmSample.AssertReadBack(OsmData.Read(file.Source()));
    }

    [Fact]
    public void Plain_nodes_in_raw_blobs_after_the_ways_read_back_exactly()
    {
        var data = OsmData.Read(new PbfFile().Header().Ways(OsmSample.Ways, zlib: false).Plain(OsmSample.Nodes).Source());
        OsmSample.AssertReadBack(data);
    }

    [Fact]
    public void Nodes_split_over_blocks_restart_their_delta_coding()
    {
        var file = new PbfFile().Header().Dense(OsmSample.Nodes[..2]).Dense(OsmSample.Nodes[2..]).Ways(OsmSample.Ways[..1]).Ways(OsmSample.Ways[1..]);
        OsmSample.AssertReadBack(OsmData.Read(file.Source()));
    }

    [Fact]
    public void Granularity_and_offsets_scale_the_coordinates()
    {
        var file = new PbfFile().Header().Dense([new MapNode(7, 76.0000005, 43.0000005)], granularity: 1000, latOffset: 500, lonOffset: 500);
        Assert.Equal(new LonLat(76.0000005, 43.0000005), OsmData.Read(file.Source()).Nodes.Single().Position);
    }

    [Fact]
    public void A_handler_that_wants_only_ways_is_given_no_nodes()
    {
        var handler = new CountingHandler(OsmElements.Ways);
        new PbfFile().Header().Dense(OsmSample.Nodes).Ways(OsmSample.Ways).Source().Read(handler);
        Assert.Equal((0, OsmSample.Ways.Length), (handler.Nodes, handler.Ways));
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_relations_and_unknown_blocks_are_skipped()
    {
        var strings = new ProtoWriter().String(1, "").String(1, "highway").String(1, "primary");
        var dense = new ProtoWriter().PackedDelta(1, [1, 2]).Message(5, new ProtoWriter().Packed(1, [1, 1]))
            .PackedDelta(8, [431_000_000, 431_000_100]).PackedDelta(9, [769_000_000, 769_000_100]).Key(77, 5).Raw(1, 2, 3, 4);
        var way = new ProtoWriter().Int(1, 10).Key(2, 0).RawVarint(1).Key(3, 0).RawVarint(2)
            .Message(4, new ProtoWriter().Int(1, 3).Int(2, 1_700_000_000))
            .Key(8, 0).RawVarint(ProtoWriter.ZigZag(1)).Key(8, 0).RawVarint(ProtoWriter.ZigZag(1)).PackedDelta(9, [1, 2]);
        var relation = new ProtoWriter().Int(1, 99).Packed(8, [1]).PackedDelta(9, [10]).Packed(10, [1]);
        var block = new ProtoWriter().Message(1, strings)
            .Message(2, new ProtoWriter().Message(2, dense)).Message(2, new ProtoWriter().Message(3, way))
            .Message(2, new ProtoWriter().Message(4, relation).Key(50, 1).Raw(new byte[8]))
            .Key(96, 0).RawVarint(300).Key(98, 1).Raw(new byte[8]).Key(99, 5).Raw(new byte[4])
            .Key(97, 3).Varint(1, 5).Key(2, 3).Key(2, 4).Key(97, 4).Int(18, 1000);
        var file = new PbfFile().Header().Block("Dala-Extension", [1, 2, 3]).Block("OSMData", block.ToArray());
        var data = OsmData.Read(file.Source());
        Assert.Equal([1L, 2L], data.Nodes.Select(n => n.Id));
        Assert.Equal(new LonLat(76.90001, 43.10001), data.Nodes[1].Position);
        var w = Assert.Single(data.Ways);
        Assert.Equal([1L, 2L], w.NodeIds.ToArray());
        Assert.Equal("primary", w.Tags["highway"]);
    }

    [Fact]
    public void A_file_on_disk_opens_by_its_extension()
    {
        using var dir = new Testing.TempDir();
        var path = dir.File("sample.osm.pbf");
        File.WriteAllBytes(path, new PbfFile().Header().Dense(OsmSample.Nodes).Ways(OsmSample.Ways).ToArray());
        var source = OsmFile.Open(path);
        Assert.IsType<OsmPbfReader>(source);
        Assert.Equal("sample.osm.pbf", source.Name);
        OsmSample.AssertReadBack(OsmData.Read(source));
        OsmSample.AssertReadBack(OsmData.Read(source));
    }

    internal sealed class CountingHandler(OsmElements wants) : IOsmHandler
    {
        public int Nodes { get; private set; }

        public int Ways { get; private set; }

        public OsmElements Wants => wants;

        public void Node(long id, LonLat position, OsmTags tags) => Nodes++;

        public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags) => Ways++;
    }
}

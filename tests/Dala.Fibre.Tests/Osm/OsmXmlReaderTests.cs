using System.IO.Compression;
using System.Text;
using Dala.Fibre.Osm;

namespace Dala.Fibre.Tests.Osm;

/// <summary>The OSM XML reader: values read back exactly, other elements skipped, errors naming the line.</summary>
public class OsmXmlReaderTests
{
    private static IOsmSource Source(string xml) => new OsmXmlReader(() => new MemoryStream(Encoding.UTF8.GetBytes(xml)), "t.osm");

    private static OsmFormatException Error(string xml)
    {
        var e = Assert.Throws<OsmFormatException>(() => OsmData.Read(Source(xml)));
        Assert.Null(e.Offset);
        Assert.StartsWith($"t.osm:{e.Line}: ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void Nodes_ways_and_tags_read_back_exactly() => OsmSample.AssertReadBack(OsmData.Read(Source(OsmSample.Xml)));

    [Fact]
    public void Bounds_relations_and_unknown_elements_are_skipped()
    {
        var xml = OsmSample.Xml.Replace("<osm version=\"0.6\" generator=\"test\">",
            "<osm version=\"0.6\">\n<bounds minlat=\"0\" minlon=\"0\" maxlat=\"1\" maxlon=\"1\"/>\n<!-- c -->\n<relation id=\"1\"><member type=\"way\" ref=\"10\" role=\"\"/><tag k=\"type\" v=\"route\"/></relation>\n<note>x</note>",
            StringComparison.Ordinal);
        OsmSample.AssertReadBack(OsmData.Read(Source(xml)));
    }

    [Fact]
    public void A_gzipped_file_opens_by_its_extension()
    {
        using var dir = new Testing.TempDir();
        var path = dir.File("sample.osm.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gz.Write(Encoding.UTF8.GetBytes(OsmSample.Xml));
        var source = OsmFile.Open(path);
        Assert.IsType<OsmXmlReader>(source);
        OsmSample.AssertReadBack(OsmData.Read(source));
    }

    [Fact]
    public void A_node_without_lat_names_its_line()
    {
        var e = Error("<osm>\n  <node id=\"1\" lat=\"1\" lon=\"2\"/>\n  <node id=\"2\" lon=\"2\"/>\n</osm>");
        Assert.Equal(3, e.Line);
        Assert.Equal("node 2 without the 'lat' attribute", e.Problem);
    }

    [Theory]
    [InlineData("<osm>\n<node id=\"1\" lat=\"x\" lon=\"2\"/></osm>", 2, "node 1: lat=\"x\" is not a number")]
    [InlineData("<osm>\n<node id=\"1\" lat=\"91\" lon=\"2\"/></osm>", 2, "node 1: latitude 91 outside [-90, 90]")]
    [InlineData("<osm>\n<way id=\"a\"/></osm>", 2, "<way> id=\"a\" is not a whole number")]
    [InlineData("<osm>\n<way id=\"3\">\n<nd/></way></osm>", 3, "<nd> without the 'ref' attribute")]
    [InlineData("<osm>\n<way id=\"3\">\n<nd ref=\"1\"/>\n<tag k=\"highway\"/></way></osm>", 4, "a <tag> of way 3 without the 'v' attribute")]
    [InlineData("<gpx>\n</gpx>", 1, "the root element is <gpx>, not <osm>")]
    public void Bad_values_name_their_line(string xml, int line, string problem)
    {
        var e = Error(xml);
        Assert.Equal(line, e.Line);
        Assert.Equal(problem, e.Problem);
    }

    [Fact]
    public void Malformed_xml_names_its_line()
    {
        var e = Error("<osm>\n<node id=\"1\" lat=\"1\" lon=\"2\">\n</way>\n</osm>");
        Assert.Equal(3, e.Line);
        Assert.Contains("not well-formed XML", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_that_wants_only_nodes_is_given_no_ways()
    {
        var handler = new OsmPbfReaderTests.CountingHandler(OsmElements.Nodes);
        Source(OsmSample.Xml).Read(handler);
        Assert.Equal((OsmSample.Nodes.Length, 0), (handler.Nodes, handler.Ways));
    }
}

using System.Globalization;
using System.Xml;
using Dala.Geo;

namespace Dala.Fibre.Osm;

/// <summary>The element-by-element work of <see cref="OsmXmlReader"/> over one document.</summary>
internal sealed class OsmXmlElements(XmlReader xml, string source, IOsmHandler handler)
{
    private readonly OsmStringTable _strings = new();
    private readonly LongList _pairs = new();
    private readonly LongList _refs = new();

    private int Line => (xml as IXmlLineInfo)?.LineNumber ?? 0;

    public void ReadDocument()
    {
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "osm")
            throw Error($"the root element is <{xml.LocalName}>, not <osm>");
        if (xml.IsEmptyElement) return;
        xml.Read();
        while (xml.MoveToContent() == XmlNodeType.Element)
        {
            var wanted = xml.LocalName switch { "node" => OsmElements.Nodes, "way" => OsmElements.Ways, _ => OsmElements.None };
            if (wanted == OsmElements.None || !handler.Wants.HasFlag(wanted)) xml.Skip();
            else if (wanted == OsmElements.Nodes) ReadNode();
            else ReadWay();
        }
        if (xml.NodeType != XmlNodeType.EndElement) throw Error($"unexpected {xml.NodeType} in <osm>");
    }

    private void ReadNode()
    {
        var id = Long("node", "id");
        var lat = Degrees(id, "lat");
        var lon = Degrees(id, "lon");
        var position = new LonLat(lon, lat);
        if (position.Problem() is { } problem) throw Error($"node {id}: {problem}");
        ReadChildren("node", id);
        handler.Node(id, position, new OsmTags(_strings, _pairs.Items, 0, _pairs.Count / 2));
    }

    private void ReadWay()
    {
        var id = Long("way", "id");
        ReadChildren("way", id);
        handler.Way(id, _refs.Span, new OsmTags(_strings, _pairs.Items, 0, _pairs.Count / 2));
    }

    /// <summary>Reads the &lt;tag&gt; (and for ways &lt;nd&gt;) children; leaves the reader after the element.</summary>
    private void ReadChildren(string kind, long id)
    {
        _strings.Reset([]);
        _pairs.Clear();
        _refs.Clear();
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        xml.Read();
        while (xml.MoveToContent() == XmlNodeType.Element)
        {
            if (xml.LocalName == "tag")
            {
                _pairs.Add(_strings.AddString(Required(kind, id, "k")));
                _pairs.Add(_strings.AddString(Required(kind, id, "v")));
            }
            else if (xml.LocalName == "nd" && kind == "way") _refs.Add(Long("nd", "ref"));
            xml.Skip();
        }
        xml.ReadEndElement();
    }

    private string Required(string kind, long id, string attribute) =>
        xml.GetAttribute(attribute) ?? throw Error($"a <tag> of {kind} {id} without the '{attribute}' attribute");

    private long Long(string element, string attribute)
    {
        var text = xml.GetAttribute(attribute) ?? throw Error($"<{element}> without the '{attribute}' attribute");
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw Error($"<{element}> {attribute}=\"{text}\" is not a whole number");
    }

    private double Degrees(long id, string attribute)
    {
        var text = xml.GetAttribute(attribute) ?? throw Error($"node {id} without the '{attribute}' attribute");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw Error($"node {id}: {attribute}=\"{text}\" is not a number");
    }

    private OsmFormatException Error(string problem) => OsmFormatException.AtLine(source, Line, problem);
}

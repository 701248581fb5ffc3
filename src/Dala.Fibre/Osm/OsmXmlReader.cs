using System.IO.Compression;
using System.Xml;

namespace Dala.Fibre.Osm;

/// <summary>
/// An OSM XML file (&lt;osm&gt; with &lt;node id lat lon&gt;, &lt;way id&gt; with &lt;nd ref&gt;, and &lt;tag k v&gt;),
/// streamed with an <see cref="XmlReader"/>; a path ending in .gz is inflated on the fly. Relations, bounds and
/// other elements are skipped. Errors name the line.
/// </summary>
public sealed class OsmXmlReader(Func<Stream> open, string name) : IOsmSource
{
    public OsmXmlReader(string path) : this(() => OpenFile(path), System.IO.Path.GetFileName(path))
    {
    }

    public string Name { get; } = name;

    public void Read(IOsmHandler handler)
    {
        using var stream = open();
        Read(stream, Name, handler);
    }

    public static void Read(Stream stream, string name, IOsmHandler handler)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        var settings = new XmlReaderSettings
        {
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        using var xml = XmlReader.Create(stream, settings);
        var elements = new OsmXmlElements(xml, name, handler);
        try
        {
            elements.ReadDocument();
        }
        catch (XmlException e)
        {
            throw OsmFormatException.AtLine(name, e.LineNumber, $"not well-formed XML: {e.Message}", e);
        }
    }

    private static Stream OpenFile(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}

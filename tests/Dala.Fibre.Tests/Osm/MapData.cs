using System.Globalization;
using System.Text;

namespace Dala.Fibre.Tests.Osm;

/// <summary>A node to write into a test file; tags as "key=value".</summary>
internal sealed record MapNode(long Id, double Lon, double Lat, params string[] Tags);

/// <summary>A way to write into a test file; tags as "key=value".</summary>
internal sealed record MapWay(long Id, long[] Refs, params string[] Tags);

internal static class MapTags
{
    public static (string Key, string Value) Split(string tag)
    {
        var i = tag.IndexOf('=', StringComparison.Ordinal);
        return (tag[..i], tag[(i + 1)..]);
    }

    public static Dictionary<string, string> Dictionary(string[] tags) => tags.Select(Split).ToDictionary(t => t.Key, t => t.Value);
}

/// <summary>Writes test nodes and ways as an OSM XML document.</summary>
internal static class OsmXmlText
{
    public static string Write(IEnumerable<MapNode> nodes, IEnumerable<MapWay> ways)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n");
        foreach (var n in nodes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <node id=\"{n.Id}\" lat=\"{n.Lat:R}\" lon=\"{n.Lon:R}\"");
            if (n.Tags.Length == 0) sb.Append("/>\n");
            else sb.Append(">\n").Append(Tags(n.Tags)).Append("  </node>\n");
        }
        foreach (var w in ways)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <way id=\"{w.Id}\">\n");
            foreach (var r in w.Refs) sb.Append(CultureInfo.InvariantCulture, $"    <nd ref=\"{r}\"/>\n");
            sb.Append(Tags(w.Tags)).Append("  </way>\n");
        }
        return sb.Append("</osm>\n").ToString();
    }

    private static string Tags(string[] tags) =>
        string.Concat(tags.Select(MapTags.Split).Select(t => $"    <tag k=\"{Escape(t.Key)}\" v=\"{Escape(t.Value)}\"/>\n"));

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s);
}

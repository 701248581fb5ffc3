using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Dala.Geo.Raster;

/// <summary>
/// The XML of GDAL's private GDAL_METADATA tag (42112): dataset items, plus band 1's description and unit as
/// items with sample="0" and a role. Non-ASCII text becomes character references, since the tag is ASCII.
/// <see cref="Parse"/> reads the XML back the way GDAL does.
/// </summary>
internal static partial class GdalMetadataXml
{
    /// <summary>The XML, or null when there is nothing to say.</summary>
    public static string? Build(GeoTiffOptions options)
    {
        var items = new StringBuilder();
        foreach (var (name, value) in options.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!Token().IsMatch(name))
                throw new ArgumentException($"GeoTIFF metadata name '{name}' must be letters, digits and underscores, not starting with a digit", nameof(options));
            items.Append("  <Item name=\"").Append(name).Append("\">").Append(Escape(value, name)).Append("</Item>\n");
        }
        if (options.Description is { } d)
            items.Append("  <Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">").Append(Escape(d, "description")).Append("</Item>\n");
        if (options.Unit is { } u)
            items.Append("  <Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">").Append(Escape(u, "unit")).Append("</Item>\n");
        return items.Length == 0 ? null : "<GDALMetadata>\n" + items + "</GDALMetadata>";
    }

    /// <summary>
    /// GDAL escapes an item's text once itself and once more as XML (so "&amp;" is stored as "&amp;amp;"), and on
    /// reading unescapes twice; text escaped only once loses everything after its first '&amp;' in GDAL.
    /// </summary>
    private static string Escape(string text, string what) => EscapeOnce(text, what).Replace("&", "&amp;", StringComparison.Ordinal);

    private static string EscapeOnce(string text, string what)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v < 0x20 && v is not ('\t' or '\n' or '\r'))
                throw new ArgumentException($"GeoTIFF metadata {what} contains control character U+{v:X4}, which XML cannot carry");
            switch (v)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case < 0x80: sb.Append((char)v); break;
                default: sb.Append("&#x").Append(v.ToString("X", CultureInfo.InvariantCulture)).Append(';'); break;
            }
        }
        return sb.ToString();
    }

    public static GeoTiffMetadata Parse(string xml)
    {
        XElement root;
        try { root = XElement.Parse(xml); }
        catch (XmlException e) { throw new TiffFormatException($"GDAL_METADATA is not well-formed XML: {e.Message}"); }
        var items = new Dictionary<string, string>();
        string? description = null, unit = null;
        foreach (var item in root.Elements("Item"))
        {
            var name = (string?)item.Attribute("name") ?? throw new TiffFormatException("A GDAL_METADATA item has no name");
            var value = Unescape(item.Value);
            switch ((string?)item.Attribute("sample"), (string?)item.Attribute("role"))
            {
                case (null, _): items[name] = value; break;
                case ("0", "description"): description = value; break;
                case ("0", "unittype"): unit = value; break;
            }
        }
        return new GeoTiffMetadata(items, description, unit);
    }

    private static string Unescape(string text) => EntityOrReference().Replace(text, m => m.Value switch
    {
        "&amp;" => "&",
        "&lt;" => "<",
        "&gt;" => ">",
        "&quot;" => "\"",
        "&apos;" => "'",
        _ when m.Groups["hex"].Success => char.ConvertFromUtf32(int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => char.ConvertFromUtf32(int.Parse(m.Groups["dec"].Value, CultureInfo.InvariantCulture)),
    });

    [GeneratedRegex("&(?:amp|lt|gt|quot|apos|#x(?<hex>[0-9A-Fa-f]{1,6})|#(?<dec>[0-9]{1,7}));")]
    private static partial Regex EntityOrReference();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Token();
}

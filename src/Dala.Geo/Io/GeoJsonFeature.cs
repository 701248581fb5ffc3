using System.Text.Json;

namespace Dala.Geo.Io;

/// <summary>One feature of a FeatureCollection with the 1-based line where it starts.</summary>
public sealed record GeoJsonFeature(int Line, JsonElement Element)
{
    public JsonElement? Properties =>
        Element.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : null;

    public JsonElement? Geometry =>
        Element.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g : null;

    /// <summary>The first name or string of the feature that is not valid text (see <see cref="GeoJsonText"/>), or null.
    /// Importers ask this before reading properties: <see cref="Text"/> throws on such a string.</summary>
    public GeoJsonBadText? BadText() => GeoJsonText.Find(Element);

    /// <summary>A property as text (numbers as written), or null when absent, null or empty.</summary>
    public string? Text(string name)
    {
        if (Properties is not { } p || !p.TryGetProperty(name, out var v)) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}

/// <summary>Input that is not the GeoJSON expected: broken JSON, a truncated file, a wrong structure.</summary>
public sealed class GeoJsonFormatException(int line, string message) : FormatException(message)
{
    public int Line { get; } = line;
}

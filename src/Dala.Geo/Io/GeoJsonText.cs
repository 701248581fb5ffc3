using System.Text.Json;

namespace Dala.Geo.Io;

/// <summary>A string of a feature that cannot be read as text, and where it is.</summary>
/// <param name="Field">The property it is in (for a string under "properties"), else the feature's member ("geometry", "id").</param>
public sealed record GeoJsonBadText(string Field, string Reason);

/// <summary>
/// Finds strings in a parsed feature that do not decode: JSON lets a file escape half of a UTF-16 surrogate pair
/// ("\ud800" alone), which is no character at all, and reading it as a string throws. Checking every name and
/// string of a feature up front turns that into a named rejection instead of a crash wherever it is read.
/// </summary>
public static class GeoJsonText
{
    public static GeoJsonBadText? Find(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object) return null;
        foreach (var member in feature.EnumerateObject())
        {
            if (NameProblem(member, "feature") is { } bad) return bad;
            var top = member.Name;
            if (top == "properties" && member.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in member.Value.EnumerateObject())
                {
                    if (NameProblem(p, "properties") is { } badName) return badName;
                    if (Walk(p.Value, p.Name) is { } badValue) return badValue;
                }
            }
            else if (Walk(member.Value, top) is { } bad2) return bad2;
        }
        return null;
    }

    private static GeoJsonBadText? NameProblem(JsonProperty p, string field)
    {
        try { _ = p.Name; return null; }
        catch (InvalidOperationException e) { return new GeoJsonBadText(field, "a property name " + Why(e)); }
    }

    private static GeoJsonBadText? Walk(JsonElement e, string field)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                try { _ = e.GetString(); return null; }
                catch (InvalidOperationException x) { return new GeoJsonBadText(field, Why(x)); }
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    if (Walk(item, field) is { } bad) return bad;
                return null;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (NameProblem(p, field) is { } badName) return badName;
                    if (Walk(p.Value, field) is { } bad) return bad;
                }
                return null;
            default:
                return null;
        }
    }

    private static string Why(InvalidOperationException e) =>
        e.Message.Contains("UTF-16", StringComparison.Ordinal) || e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase)
            ? "is not valid text: it holds a lone UTF-16 surrogate escape (such as \\ud800 without its pair)"
            : "is not valid text: it holds bytes that are not UTF-8";
}

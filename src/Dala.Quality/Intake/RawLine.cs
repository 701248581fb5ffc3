using System.Globalization;
using System.Text.Json;

namespace Dala.Quality.Intake;

/// <summary>One input line as canonical field name to text, with where it came from.</summary>
internal sealed record RawLine(int Line, string Content, IReadOnlyDictionary<string, string> Values)
{
    public string? this[string field] => Values.TryGetValue(field, out var v) && v.Length > 0 ? v : null;

    /// <summary>A JSON object line; throws <see cref="JsonException"/> when it is not one.</summary>
    public static RawLine FromJson(int line, string content)
    {
        using var doc = JsonDocument.Parse(content);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("the line is not a JSON object");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (Fields.Canonical(p.Name) is not { } name) continue;
            var text = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw new JsonException($"'{p.Name}' is a {p.Value.ValueKind.ToString().ToLowerInvariant()}, not a value"),
            };
            if (text is not null) values[name] = text.Trim();
        }
        return new RawLine(line, content, values);
    }

    public static string Clip(string text) => text.Length <= 200 ? text : text[..197] + "...";

    public static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

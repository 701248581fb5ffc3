using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dala.Geo.Io;

/// <summary>
/// The one way Dala reads JSON it is sent (request bodies, NDJSON lines): text that cannot be a string (a lone UTF-16
/// surrogate, written raw or as an escape like <c>\ud800</c>, or bytes that are not UTF-8) is a named problem
/// (<see cref="JsonTextException"/>, a <see cref="JsonException"/>) at the JSON path of the field that holds it, found once
/// when the document is read, so that nothing later fails on it with an exception of another kind.
/// </summary>
public static class JsonText
{
    /// <summary>What <see cref="Utf8"/> reads a byte that is not UTF-8 as (U+FFFF, a noncharacter no text needs).</summary>
    public const char InvalidByte = '\uFFFF';

    /// <summary>UTF-8 without a BOM that reads each invalid byte as <see cref="InvalidByte"/> rather than failing or silently replacing it.</summary>
    public static Encoding Utf8 { get; } = MarkingUtf8();

    private static Encoding MarkingUtf8()
    {
        var e = (Encoding)new UTF8Encoding(false).Clone();
        e.DecoderFallback = new DecoderReplacementFallback(InvalidByte.ToString());
        return e;
    }

    /// <summary>"invalid text (lone surrogate)" or "(invalid UTF-8)" with the 1-based character it is at; null for clean text.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var next = text[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
                i = next < 0 ? -1 : i + 2 + next;
                continue;
            }
            return $"invalid text (lone surrogate) at character {i + 1}";
        }
        var b = text.IndexOf(InvalidByte);
        return b >= 0 ? $"invalid text (invalid UTF-8) at character {b + 1}" : null;
    }

    /// <summary>Parses JSON text; malformed JSON throws <see cref="JsonException"/>, invalid text <see cref="JsonTextException"/>.</summary>
    public static JsonDocument Parse(string json, JsonDocumentOptions options = default)
    {
        if (Problem(json) is { } p) throw new JsonTextException("", p);
        return Checked(JsonDocument.Parse(json, options));
    }

    /// <summary>Parses UTF-8 JSON; malformed JSON throws <see cref="JsonException"/>, invalid text <see cref="JsonTextException"/>.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options = default) => Checked(JsonDocument.Parse(utf8, options));

    private static JsonDocument Checked(JsonDocument doc)
    {
        if (Find(doc.RootElement, "") is not { } bad) return doc;
        doc.Dispose();
        throw bad;
    }

    private static JsonTextException? Find(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Bad(JsonMarshal.GetRawUtf8Value(e), () => e.GetString()) is { } what ? new JsonTextException(path, what) : null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    if (Find(item, $"{path}[{i++}]") is { } x) return x;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    var raw = JsonMarshal.GetRawUtf8PropertyName(p);
                    if (Bad(raw, () => p.Name) is { } inName) return new JsonTextException(At(path, Encoding.UTF8.GetString(raw)), inName + " in the field's name");
                    if (Find(p.Value, At(path, p.Name)) is { } x) return x;
                }
                return null;
            default:
                return null;
        }
    }

    private static string At(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>What is wrong with a raw string token (as written, escapes included), or null.</summary>
    private static string? Bad(ReadOnlySpan<byte> raw, Func<string?> decode)
    {
        if (!System.Text.Unicode.Utf8.IsValid(raw)) return "invalid text (invalid UTF-8)";
        if (raw.IndexOf((byte)'\\') < 0) return null;
        try
        {
            decode();
            return null;
        }
        catch (InvalidOperationException)
        {
            return "invalid text (lone surrogate)";
        }
    }
}

/// <summary>JSON whose text cannot be read as a string, in <see cref="Field"/> (its JSON path; empty: the text as a whole).</summary>
public sealed class JsonTextException(string field, string what)
    : JsonException(field.Length == 0 ? what : $"{what} at {field}")
{
    public string Field { get; } = field;

    public string What { get; } = what;
}

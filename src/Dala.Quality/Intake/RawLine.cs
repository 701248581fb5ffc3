using System.Globalization;
using System.Text.Json;

namespace Dala.Quality.Intake;

/// <summary>
/// One input line as canonical field to text (trimmed; empty counts as absent), with where it came from. The texts
/// live in one reusable character buffer, so reading a line allocates nothing per field; <see cref="Text"/> makes a
/// string only where one is kept or reported.
/// </summary>
internal sealed class RawLine
{
    private readonly int[] _start = new int[Fields.Count];
    private readonly int[] _length = new int[Fields.Count];
    private char[] _chars = new char[256];
    private int _used;
    private string? _content;
    private Func<string>? _makeContent;

    public int Line { get; private set; }

    /// <summary>The CSV reader whose current record this line is, while its text is not made yet (null for other lines).</summary>
    internal CsvLines? Record { get; private set; }

    /// <summary>The line's text if it is a string already (given, or made once asked for), else null.</summary>
    internal string? ContentIfMade => _content;

    /// <summary>The line as read (for CSV: its fields joined again with commas, quoted where needed): quarantine keeps it, hashed ids hash it.</summary>
    public string Content => _content ??= _makeContent!();

    public bool Has(F field) => _length[(int)field] > 0;

    public ReadOnlySpan<char> Span(F field) => _chars.AsSpan(_start[(int)field], _length[(int)field]);

    /// <summary>The field's text, or null when absent.</summary>
    public string? Text(F field) => Has(field) ? new string(Span(field)) : null;

    public bool Is(F field, string text) => Span(field).SequenceEqual(text);

    /// <summary>Starts a new line: no field set. <paramref name="record"/>: the CSV reader the text would be made from.</summary>
    internal void Reset(int line, string? content, Func<string>? makeContent, CsvLines? record = null)
    {
        Line = line;
        _content = content;
        _makeContent = makeContent;
        Record = record;
        _used = 0;
        Array.Clear(_length);
    }

    /// <summary>Sets a field to the text (trimmed); an empty text leaves the field as it was, as the dictionary did.</summary>
    internal void Set(F field, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length == 0) return;
        if (_used + text.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + text.Length));
        text.CopyTo(_chars.AsSpan(_used));
        _start[(int)field] = _used;
        _length[(int)field] = text.Length;
        _used += text.Length;
    }

    /// <summary>A JSON object line; throws <see cref="JsonException"/> when it is not one (<see cref="Geo.Io.JsonTextException"/> for text that cannot be a string).</summary>
    public static RawLine FromJson(int line, string content) => new RawLine().FillFromJson(line, content);

    internal RawLine FillFromJson(int line, string content)
    {
        Reset(line, content, null);
        using var doc = Geo.Io.JsonText.Parse(content);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("the line is not a JSON object");
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
            if (text is null) continue;
            // The dictionary this replaces kept the last value, empty or not (an empty one then reads as absent).
            _length[(int)name] = 0;
            Set(name, text);
        }
        return this;
    }

    /// <summary>Fields given by name (our NDJSON names), as from the web app's own tests.</summary>
    public static RawLine FromFields(int line, string content, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var raw = new RawLine();
        raw.Reset(line, content, null);
        foreach (var (key, value) in fields)
        {
            if (Fields.Canonical(key) is not { } name) continue;
            raw._length[(int)name] = 0;
            raw.Set(name, value);
        }
        return raw;
    }

    /// <summary>What quarantine keeps of a line: at most 200 characters.</summary>
    public static string Clip(string text) => Clip(text, 200);

    /// <summary>The text cut to at most <paramref name="max"/> characters ("..." at the end when cut), never between the halves of a surrogate pair.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max) return text;
        var n = max - 3;
        if (char.IsHighSurrogate(text[n - 1])) n--;
        return text[..n] + "...";
    }

    public static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

using System.Text;
using System.Text.Json;

namespace Dala.Quality.Intake;

/// <summary>
/// One input line: its fields (null when it could not be read, then <see cref="Error"/> says why), its number, and
/// its text when already known. <see cref="Raw"/> is reused for the next line: use it before reading on.
/// </summary>
internal readonly record struct InputLine(RawLine? Raw, int Number, string? Content, string? Error)
{
    public string Text => Content ?? Raw!.Content;
}

/// <summary>Input lines from NDJSON or CSV (our layout, M-Lab NDT exports, Ookla tiles), each with its line number.</summary>
internal static class LineSources
{
    /// <summary>NDJSON: one JSON object per line; blank lines skipped. A line that is not JSON comes back with its error.</summary>
    public static IEnumerable<InputLine> Ndjson(TextReader reader)
    {
        var n = 0;
        string? text;
        var raw = new RawLine();
        while ((text = reader.ReadLine()) is not null)
        {
            n++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            string? error = TooLong(text.Length);
            if (error is null)
            {
                try { raw.FillFromJson(n, text); }
                catch (JsonException e) { error = "json: " + Shorten(e.Message); }
            }
            yield return new InputLine(error is null ? raw : null, n, text, error);
        }
    }

    /// <summary>CSV with a header; throws <see cref="FormatException"/> for a file-level problem (delimiter, no known columns).</summary>
    public static IEnumerable<InputLine> Csv(TextReader reader)
    {
        var csv = new CsvLines(reader);
        if (!csv.Next()) yield break;
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.Field(i).ToString()).ToArray();
        if (header.Length == 1 && (header[0].Contains(';') || header[0].Contains('\t')))
            throw new FormatException($"line {csv.Line}: fields are separated by {(header[0].Contains(';') ? "';'" : "tabs")}, expected ','");
        var columns = header.Select(Fields.Canonical).ToArray();
        if (columns.All(c => c is null)) throw new FormatException($"line {csv.Line}: no known column in the header ({string.Join(",", header.Take(8))})");
        var raw = new RawLine();
        Func<string> content = csv.Content;
        while (csv.Next())
        {
            if (csv.FieldCount != header.Length)
            {
                yield return new InputLine(null, csv.Line, csv.Content(), $"row: expected {header.Length} fields, found {csv.FieldCount}");
                continue;
            }
            if (TooLong(csv.Length) is { } tooLong)
            {
                yield return new InputLine(null, csv.Line, csv.Content(), tooLong);
                continue;
            }
            raw.Reset(csv.Line, null, content, csv);
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i] is { } name) raw.Set(name, csv.Field(i));
            }
            yield return new InputLine(raw, csv.Line, null, null);
        }
    }

    /// <summary>The problem of a line longer than <see cref="Fields.MaxLineLength"/>, or null.</summary>
    private static string? TooLong(int length) => length <= Fields.MaxLineLength ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line: {length:N0} characters, more than {Fields.MaxLineLength:N0}");

    private static string Shorten(string m)
    {
        var i = m.IndexOf(" Path:", StringComparison.Ordinal);
        if (i < 0) i = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? m[..i] : m).TrimEnd('.', ' ');
    }

    /// <summary>UTF-8 that marks bytes that are not UTF-8 (<see cref="Geo.Io.JsonText.InvalidByte"/>), so that their line is quarantined by name.</summary>
    public static Encoding Utf8 => Geo.Io.JsonText.Utf8;
}

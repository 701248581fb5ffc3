using System.Text;
using System.Text.Json;
using Dala.Geo.Io;

namespace Dala.Quality.Intake;

/// <summary>Input lines from NDJSON or CSV (our layout, M-Lab NDT exports, Ookla tiles), each with its line number.</summary>
internal static class LineSources
{
    /// <summary>NDJSON: one JSON object per line; blank lines skipped. A line that is not JSON comes back with its error.</summary>
    public static IEnumerable<(RawLine? Line, int Number, string Content, string? Error)> Ndjson(TextReader reader)
    {
        var n = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            n++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            RawLine? raw = null;
            string? error = null;
            try { raw = RawLine.FromJson(n, text); }
            catch (JsonException e) { error = "json: " + Shorten(e.Message); }
            yield return (raw, n, text, error);
        }
    }

    /// <summary>CSV with a header; throws <see cref="FormatException"/> for a file-level problem (delimiter, no known columns).</summary>
    public static IEnumerable<(RawLine? Line, int Number, string Content, string? Error)> Csv(TextReader reader)
    {
        IReadOnlyList<string?>? columns = null;
        int headerCount = 0;
        foreach (var rec in CsvReader.Read(reader))
        {
            if (columns is null)
            {
                if (rec.Fields.Count == 1 && (rec.Fields[0].Contains(';') || rec.Fields[0].Contains('\t')))
                    throw new FormatException($"line {rec.Line}: fields are separated by {(rec.Fields[0].Contains(';') ? "';'" : "tabs")}, expected ','");
                columns = rec.Fields.Select(Fields.Canonical).ToArray();
                headerCount = rec.Fields.Count;
                if (columns.All(c => c is null)) throw new FormatException($"line {rec.Line}: no known column in the header ({string.Join(",", rec.Fields.Take(8))})");
                continue;
            }
            var content = string.Join(',', rec.Fields.Select(Quote));
            if (rec.Fields.Count != headerCount)
            {
                yield return (null, rec.Line, content, $"row: expected {headerCount} fields, found {rec.Fields.Count}");
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] is { } name && rec.Fields[i].Trim().Length > 0) values[name] = rec.Fields[i].Trim();
            }
            yield return (new RawLine(rec.Line, content, values), rec.Line, content, null);
        }
    }

    private static string Quote(string f) => f.Contains(',') || f.Contains('"') ? "\"" + f.Replace("\"", "\"\"") + "\"" : f;

    private static string Shorten(string m)
    {
        var i = m.IndexOf(" Path:", StringComparison.Ordinal);
        if (i < 0) i = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? m[..i] : m).TrimEnd('.', ' ');
    }

    public static Encoding Utf8 { get; } = new UTF8Encoding(false);
}

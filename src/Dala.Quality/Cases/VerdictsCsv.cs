using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Quality.Cases;

/// <summary>
/// Reads the violations of a verdicts CSV (the compliance check's output): the header begins
/// <c>obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict</c>; optional columns <c>version</c> (or
/// <c>obligation_version</c>), <c>settlement</c>, <c>from</c>/<c>to</c> (or <c>period_from</c>/<c>period_to</c>,
/// YYYY-MM-DD) and <c>synthetic</c> (true/false). Every row needs a verdict; rows whose verdict is <c>violation</c>
/// become violations and must be complete. The whole file is read first: any problem refuses it (file:line, field, reason).
/// </summary>
public static class VerdictsCsv
{
    public static readonly IReadOnlyList<string> Header = ["obligation", "operator", "region", "n", "k", "estimate", "ci_low", "ci_high", "verdict"];

    public static IReadOnlyList<Violation> ReadFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException([new InputProblem(path, 0, "(file)", e.Message)]);
        }
    }

    public static IReadOnlyList<Violation> Read(TextReader text, string file)
    {
        var problems = new List<InputProblem>();
        var found = new List<Violation>();
        try
        {
            using var rows = CsvReader.Read(text).GetEnumerator();
            if (!rows.MoveNext()) throw new InputFileException([new InputProblem(file, 1, "(header)", $"the file is empty: expected a header {string.Join(",", Header)}")]);
            var names = rows.Current.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
            for (var i = 0; i < Header.Count; i++)
            {
                if (i >= names.Length || names[i] != Header[i])
                {
                    problems.Add(new InputProblem(file, rows.Current.Line, Header[i],
                        $"the header must begin {string.Join(",", Header)}; column {i + 1} is {(i < names.Length ? $"'{names[i]}'" : "missing")}"));
                    throw new InputFileException(problems);
                }
            }
            var header = new CsvHeader(rows.Current);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (rows.MoveNext())
            {
                var row = rows.Current;
                void Bad(string field, string reason) => problems.Add(new InputProblem(file, row.Line, field, reason));
                var verdict = header.Get(row, "verdict");
                if (verdict is null) { Bad("verdict", "empty"); continue; }
                if (!string.Equals(verdict, "violation", StringComparison.OrdinalIgnoreCase)) continue;
                if (Row(header, row, Bad) is not { } v) continue;
                if (seen.TryGetValue(v.Key, out var first)) Bad("obligation", $"the same violation as line {first} (obligation, operator, unit and period)");
                else
                {
                    seen[v.Key] = row.Line;
                    found.Add(v);
                }
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(new InputProblem(file, e.Line, "(csv)", e.Message));
        }
        if (problems.Count > 0) throw new InputFileException(problems);
        return found;
    }

    private static Violation? Row(CsvHeader h, CsvRecord row, Action<string, string> bad)
    {
        var failed = false;
        void Bad(string f, string r) { failed = true; bad(f, r); }
        string Text(string name)
        {
            var t = h.Get(row, name);
            if (t is null) Bad(name, "empty");
            return t ?? "";
        }
        var obligation = Text("obligation");
        var op = Text("operator");
        var region = Text("region");
        var n = Long(h.Get(row, "n"), "n", Bad);
        var k = Long(h.Get(row, "k"), "k", Bad);
        var estimate = Double(h.Get(row, "estimate"), "estimate", Bad);
        var low = Double(h.Get(row, "ci_low"), "ci_low", Bad);
        var high = Double(h.Get(row, "ci_high"), "ci_high", Bad);
        var versionText = h.Get(row, "version") ?? h.Get(row, "obligation_version");
        int? version = null;
        if (versionText is not null)
        {
            if (int.TryParse(versionText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ver)) version = ver;
            else Bad(h.Has("version") ? "version" : "obligation_version", $"'{versionText}' is not an integer");
        }
        var from = Date(h.Get(row, "from") ?? h.Get(row, "period_from"), h.Has("from") ? "from" : "period_from", Bad);
        var to = Date(h.Get(row, "to") ?? h.Get(row, "period_to"), h.Has("to") ? "to" : "period_to", Bad);
        var synthetic = false;
        if (h.Get(row, "synthetic") is { } syn && !bool.TryParse(syn, out synthetic)) Bad("synthetic", $"'{syn}' is not true or false");
        if (failed) return null;
        var v = new Violation(obligation, version, op, region, h.Get(row, "settlement"), from, to, n!.Value, k!.Value, estimate, low, high, synthetic);
        foreach (var (field, reason) in v.Problems()) Bad(field, reason);
        return failed ? null : v;
    }

    private static long? Long(string? t, string field, Action<string, string> bad)
    {
        if (t is null) { bad(field, "empty"); return null; }
        if (long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        bad(field, $"'{t}' is not an integer");
        return null;
    }

    private static double? Double(string? t, string field, Action<string, string> bad)
    {
        if (t is null) return null;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        bad(field, $"'{t}' is not a number");
        return null;
    }

    private static DateOnly? Date(string? t, string field, Action<string, string> bad)
    {
        if (t is null) return null;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        bad(field, $"'{t}' is not a date YYYY-MM-DD");
        return null;
    }
}

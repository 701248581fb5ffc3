using System.Globalization;
using Dala.Geo.Io;
using Dala.Registry.Import;
using Dala.Registry.Model;

namespace Dala.Registry.Kato;

public sealed partial class KatoClassifier
{
    /// <summary>The official export: semicolon separated, UTF-8 (with or without BOM), header id;parent_id;code;name.</summary>
    public static readonly string[] Required = ["id", "parent_id", "code", "name"];

    /// <summary>
    /// Reads a KATO export; quotes inside unquoted names, as the official export has them, are accepted.
    /// Every bad row is a rejection in the tally (file:line, field, reason): an id or parent_id that is not an integer, a code that is not 9 digits, an empty name, a duplicate id, a parent_id
    /// that refers to no row (checked once all rows are read) or that makes a cycle; a file without rows is
    /// refused too (it would empty the classifier). Returns the good rows.
    /// </summary>
    public static KatoClassifier Read(InputFile file, ImportTally tally, IProgress<ImportProgress>? progress = null)
    {
        var units = new List<KatoUnit>();
        var lineOf = new Dictionary<int, int>();
        var anyRow = new HashSet<int>();
        var lenient = BareQuotes.Fix(file, ';', out var quoted);
        CsvInput.Read(lenient, tally, ';', Required, (h, r) =>
        {
            var unit = ReadRow(h, r, tally, anyRow);
            if (unit is null) return;
            if (!lineOf.TryAdd(unit.Id, r.Line))
            {
                tally.Reject(r.Line, "id", $"duplicate id {unit.Id} (first on line {lineOf[unit.Id]})");
                return;
            }
            units.Add(unit);
        }, progress);
        progress?.Report(new ImportProgress("reading", tally.Read, tally.Read));
        if (units.Count == 0 && tally.Rejected.Count == 0) tally.Reject(1, "file", "has a header but no rows");
        if (quoted > 0) tally.Notes.Add($"{quoted} names contain quotes without quoting the field; the quotes are kept as part of the name");
        var kato = new KatoClassifier(units);
        CheckParents(kato, lineOf, anyRow, tally);
        return kato;
    }

    /// <summary>Reads a file on its own (not as part of an import): the classifier and what reading it found.</summary>
    public static (KatoClassifier Kato, ImportReport Report) Read(string path)
    {
        var tally = new ImportTally("kato", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        var kato = file is null ? new KatoClassifier([]) : Read(file, tally);
        return (kato, tally.ToReport(false));
    }

    /// <summary>The unit on a row, or null after a rejection; <paramref name="anyRow"/> collects every id read,
    /// so that a child of a rejected row is not also reported as pointing nowhere.</summary>
    private static KatoUnit? ReadRow(CsvHeader h, CsvRecord r, ImportTally tally, HashSet<int> anyRow)
    {
        var id = Integer(h.Get(r, "id"), out var idProblem);
        if (id is null or <= 0)
        {
            tally.Reject(r.Line, "id", idProblem ?? $"{id} is not a positive id");
            return null;
        }
        anyRow.Add(id.Value);
        var parent = Integer(h.Get(r, "parent_id"), out var parentProblem);
        if (parent is null or < 0)
        {
            tally.Reject(r.Line, "parent_id", parentProblem ?? $"{parent} is negative");
            return null;
        }
        var code = h.Get(r, "code");
        if (code is null || code.Length != 9 || !code.All(char.IsAsciiDigit))
        {
            tally.Reject(r.Line, "code", code is null ? "missing" : $"'{Parse.Clip(code)}' is not 9 digits");
            return null;
        }
        var name = h.Get(r, "name");
        if (name is null) { tally.Reject(r.Line, "name", "empty"); return null; }
        if (NameRules.Problem(name) is { } problem) { tally.Reject(r.Line, "name", problem); return null; }
        return new KatoUnit(id.Value, parent.Value, code, name);
    }

    private static int? Integer(string? text, out string? problem)
    {
        problem = null;
        if (text is null) { problem = "missing"; return null; }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        problem = $"'{Parse.Clip(text)}' is not an integer";
        return null;
    }
}

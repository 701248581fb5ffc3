using Dala.Geo.Io;

namespace Dala.Registry.Import;

/// <summary>
/// Shared CSV intake: checks the delimiter and required columns on the header, then hands each well-formed
/// row to the importer. A wrong delimiter, a missing column, a ragged row or a broken quote is a named error.
/// </summary>
public static class CsvInput
{
    /// <summary>Each required entry lists accepted names for one column, e.g. "id|osm_id".</summary>
    public static void Read(InputFile file, ImportTally tally, char delimiter, IReadOnlyList<string> required,
        Action<CsvHeader, CsvRecord> row, IProgress<ImportProgress>? progress = null)
    {
        using var text = file.OpenText();
        CsvHeader? header = null;
        try
        {
            foreach (var rec in CsvReader.Read(text, delimiter))
            {
                if (header is null)
                {
                    header = new CsvHeader(rec);
                    if (!HeaderOk(header, tally, delimiter, required)) return;
                    continue;
                }
                tally.Read++;
                if (rec.Fields.Count != header.Names.Count)
                {
                    tally.Reject(rec.Line, "row", $"expected {header.Names.Count} fields, found {rec.Fields.Count}");
                    continue;
                }
                row(header, rec);
                if (tally.Read % 1000 == 0) progress?.Report(new ImportProgress("reading", tally.Read, 0));
            }
        }
        catch (CsvFormatException e)
        {
            tally.Reject(e.Line, "file", e.Message);
            return;
        }
        if (header is null) tally.Reject(1, "header", "the file is empty");
        else if (tally.Read == 0) tally.Notes.Add("the file has a header but no rows: nothing to import");
    }

    private static bool HeaderOk(CsvHeader header, ImportTally tally, char delimiter, IReadOnlyList<string> required)
    {
        if (header.Names.Count == 1)
        {
            var only = header.Names[0];
            foreach (var other in new[] { ',', ';', '\t', '|' })
            {
                if (other != delimiter && only.Contains(other))
                {
                    tally.Reject(header.Record.Line, "header",
                        $"fields are separated by {Show(other)}, expected {Show(delimiter)}");
                    return false;
                }
            }
        }
        var missing = required.Where(r => !r.Split('|').Any(header.Has)).ToArray();
        if (missing.Length == 0) return true;
        tally.Reject(header.Record.Line, "header",
            $"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m.Replace("|", "' or '")}'"))}" +
            $" (found: {string.Join(", ", header.Names.Select(n => Parse.Clip(n)))})");
        return false;
    }

    /// <summary>The first of the accepted column names present in the header (for "id|osm_id").</summary>
    public static string? Get(CsvHeader h, CsvRecord r, string names) =>
        names.Split('|').Select(n => h.Get(r, n)).FirstOrDefault(v => v is not null);

    private static string Show(char c) => c switch { '\t' => "tabs", ',' => "','", ';' => "';'", _ => $"'{c}'" };
}

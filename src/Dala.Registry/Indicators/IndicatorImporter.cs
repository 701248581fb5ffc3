using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Import;

namespace Dala.Registry.Indicators;

/// <summary>
/// Imports indicator values from CSV: our layout (<see cref="IndicatorRows.Fields"/>) or Ookla's country quarterly
/// aggregates (<see cref="OoklaQuarterly"/>, recognised by its header or asked for). The whole file is read and checked
/// first; any bad row and nothing is stored; else one transaction.
/// </summary>
public sealed class IndicatorImporter(IIndicatorStore store, IClock clock)
{
    public static readonly IReadOnlyList<string> Formats = ["auto", "dala", "ookla"];

    public ImportReport Import(string path, string format = "auto")
    {
        var tally = new ImportTally("indicators", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        return file is null ? tally.ToReport(false) : Import(file, tally, format);
    }

    /// <summary>Imports a body that was sent rather than read from disk (named <paramref name="name"/> in errors).</summary>
    public ImportReport Import(string name, byte[] bytes, string format = "auto")
    {
        var tally = new ImportTally("indicators", name);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            tally.Reject(1, "encoding", "the body is not UTF-8");
            return tally.ToReport(false);
        }
        return Import(new InputFile(name, name, bytes), tally, format);
    }

    private ImportReport Import(InputFile file, ImportTally tally, string format)
    {
        var rows = new IndicatorRows(DateOnly.FromDateTime(clock.Now.UtcDateTime));
        var ookla = false;
        CsvInput.Read(file, tally, ',', [], (h, r) =>
        {
            if (tally.Read == 1)
            {
                ookla = format == "ookla" || (format == "auto" && OoklaQuarterly.Recognises(h));
                var need = ookla ? [.. OoklaQuarterly.Keys, .. OoklaQuarterly.Columns] : IndicatorRows.Required;
                var missing = need.Where(n => !h.Has(n)).ToArray();
                if (missing.Length > 0)
                {
                    tally.Reject(h.Record.Line, "header", $"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)}" +
                        (ookla ? " (Ookla country quarterly layout)" : $" (expected {string.Join(",", IndicatorRows.Fields)}, or Ookla's country quarterly header)"));
                }
            }
            if (tally.Rejected.Any(e => e.Field == "header")) return;
            if (ookla) OoklaQuarterly.Add(rows, r.Line, h, r, file.Name);
            else rows.Add(r.Line, n => h.Get(r, n));
        });
        foreach (var e in rows.Errors) tally.Reject(e.Row, e.Field, e.Reason);
        if (!tally.Rejected.Any() && ookla) tally.Notes.Add("recognised Ookla's country quarterly aggregates: each numeric column is a national indicator series");
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        var set = rows.ToSet();
        if (set.Points.Count == 0) return tally.ToReport(false);
        var saved = store.Save(set);
        tally.Stored = saved.PointsStored;
        tally.Unchanged = saved.PointsUnchanged;
        tally.Notes.Add($"{set.Points.Count:N0} values of {set.Indicators.Count:N0} indicators; {saved.IndicatorsStored:N0} indicators new or changed");
        return tally.ToReport(true);
    }
}

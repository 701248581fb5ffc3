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
        var ookla = format == "ookla" || (format == "auto" && Header(file) is { } h0 && OoklaQuarterly.Recognises(h0));
        IReadOnlyList<string> required = ookla ? [.. OoklaQuarterly.Keys, .. OoklaQuarterly.Columns] : IndicatorRows.Required;
        CsvInput.Read(file, tally, ',', required, (h, r) =>
        {
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

    /// <summary>The file's header (null when it has none or it cannot be read: CsvInput then names the problem).</summary>
    private static CsvHeader? Header(InputFile file)
    {
        using var text = file.OpenText();
        try
        {
            return CsvReader.Read(text).Select(r => new CsvHeader(r)).FirstOrDefault();
        }
        catch (CsvFormatException)
        {
            return null;
        }
    }
}

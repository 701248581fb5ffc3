using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

/// <summary>
/// Imports radio sites from our site CSV (one row per sector) or from the OpenCelliD cell CSV layout (one row per
/// cell; 4G and 5G cells become single-sector omni sites with documented assumptions). Sites are replaced whole
/// by id; a re-run changes nothing; any rejected row writes nothing.
/// </summary>
public sealed partial class SiteImporter(IRegistryStore store, IClock clock)
{
    public static readonly string[] SiteCsvRequired =
        ["site_id", "lon", "lat", "mast_m", "sector_id", "azimuth_deg", "tilt_deg", "frequency_mhz", "bandwidth_mhz", "eirp_dbm", "technology"];

    public static readonly string[] OpenCellIdRequired = ["radio", "mcc", "net", "area", "cell", "lon", "lat"];

    public ImportReport Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("sites", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return tally.ToReport(false);
        var sites = IsOpenCellId(file) ? ReadOpenCellId(file, tally, progress) : ReadSiteCsv(file, tally, progress);
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        using var writer = store.BeginWrite();
        var existing = writer.Snapshot.Sites.ToDictionary(s => s.Id);
        var changed = sites.Where(s => !s.Equals(existing.GetValueOrDefault(s.Id))).ToList();
        tally.Stored = changed.Count;
        tally.Unchanged = sites.Count - changed.Count;
        if (tally.Read != sites.Count)
            tally.Notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"read counts rows of the file (one per sector or cell); stored and unchanged count sites: {tally.Read:N0} rows describe {sites.Count:N0} sites"));
        writer.UpsertSites(changed);
        var operators = sites.Select(s => s.OperatorId).OfType<string>().Distinct()
            .Where(o => !writer.Snapshot.OperatorsById.ContainsKey(o)).Select(o => new Operator(o, o)).ToList();
        writer.UpsertOperators(operators);
        ImportSources.Record(writer, "sites", file, sites.Count, tally.Read, clock);
        writer.Commit();
        return tally.ToReport(true);
    }

    private static bool IsOpenCellId(InputFile file)
    {
        using var text = file.OpenText();
        var header = text.ReadLine() ?? "";
        return header.StartsWith("radio,mcc,net", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Checks a number against a range; rejects the row with the field named when it is missing or outside.</summary>
    private static double? InRange(string? text, string field, double min, double max, int line, ImportTally tally, bool required = true)
    {
        if (text is null && !required) return null;
        var v = Parse.Number(text, out var problem);
        if (v is null) { tally.Reject(line, field, problem!); return null; }
        if (v < min || v > max)
        {
            tally.Reject(line, field, FormattableString.Invariant($"{v} is outside [{min}, {max}]"));
            return null;
        }
        return v;
    }
}

using Dala.Geo;
using Dala.Permits.Model;
using Dala.Permits.Store;
using Dala.Registry.Import;

namespace Dala.Permits.Import;

/// <summary>
/// Imports the sites regional administrations offer for base stations from CSV: site_id, region (ISO 3166-2:KZ), name,
/// lon, lat, offered (YYYY-MM-DD), offered_by; optional building (school, akimat, ...) and taken_by (a request id).
/// Same rules as the permit import: any rejected row means nothing is stored.
/// </summary>
public sealed class OfferedSiteImporter(IPermitStore store, IClock clock)
{
    public static readonly string[] Required = ["site_id", "region", "name", "lon", "lat", "offered", "offered_by"];

    public ImportReport Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("sites-offered", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return tally.ToReport(false);
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var rows = new List<OfferedSite>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        CsvInput.Read(file, tally, ',', Required, (h, rec) =>
        {
            var f = new CsvFields(h, rec, tally);
            var s = new OfferedSite(f.Required("site_id"), f.Required("region"), f.Required("name"), f.Number("lon") ?? double.NaN, f.Number("lat") ?? double.NaN,
                f.Date("offered", required: true) ?? default, f.Required("offered_by"), f.Text("building"), f.Text("taken_by"));
            if (!f.Ok) return;
            if (f.Text("lon") is null) { f.Reject("lon", "missing"); return; }
            if (f.Text("lat") is null) { f.Reject("lat", "missing"); return; }
            var problems = PermitRules.Problems(s, today);
            foreach (var (field, reason) in problems) f.Reject(field, reason);
            if (problems.Count > 0) return;
            if (first.TryGetValue(s.SiteId, out var line)) { f.Reject("site_id", $"duplicate site '{s.SiteId}' (first on line {line})"); return; }
            first[s.SiteId] = f.Line;
            rows.Add(s);
        }, progress);
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        var saved = store.SaveSites(rows);
        tally.Stored = saved.Stored;
        tally.Unchanged = saved.Unchanged;
        return tally.ToReport(true);
    }
}

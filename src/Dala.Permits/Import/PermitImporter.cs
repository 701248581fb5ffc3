using Dala.Geo;
using Dala.Permits.Model;
using Dala.Permits.Store;
using Dala.Registry.Import;

namespace Dala.Permits.Import;

/// <summary>
/// Imports permit requests from CSV: request_id, operator, region (ISO 3166-2:KZ), opened, on_air (empty: not yet);
/// optional lon, lat, site_id and one date column per stage (land_allotted, power_connected, design_approved,
/// permit_issued, built). Rows replace the stored request with the same id; a re-run stores nothing new. Any rejected
/// row (named file:line, field, reason) means nothing is stored; the rest is one transaction.
/// </summary>
public sealed class PermitImporter(IPermitStore store, IClock clock)
{
    public static readonly string[] Required = ["request_id", "operator", "region", "opened", "on_air"];

    public ImportReport Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("permits", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return tally.ToReport(false);
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var rows = new List<PermitRequest>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        CsvInput.Read(file, tally, ',', Required, (h, rec) =>
        {
            var f = new CsvFields(h, rec, tally);
            if (Read(f, today) is not { } r) return;
            if (first.TryGetValue(r.RequestId, out var line)) { f.Reject("request_id", $"duplicate request '{r.RequestId}' (first on line {line})"); return; }
            first[r.RequestId] = f.Line;
            rows.Add(r);
        }, progress);
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        progress?.Report(new ImportProgress("writing", 0, rows.Count));
        var saved = store.Save(rows);
        tally.Stored = saved.Stored;
        tally.Unchanged = saved.Unchanged;
        return tally.ToReport(true);
    }

    private static PermitRequest? Read(CsvFields f, DateOnly today)
    {
        var r = new PermitRequest(f.Required("request_id"), f.Required("operator"), f.Required("region"), f.Date("opened", required: true) ?? default,
            f.Number("lon"), f.Number("lat"), f.Text("site_id"), f.Date(PermitStages.LandAllotted), f.Date(PermitStages.PowerConnected),
            f.Date(PermitStages.DesignApproved), f.Date(PermitStages.PermitIssued), f.Date(PermitStages.Built), f.Date(PermitStages.OnAir));
        if (!f.Ok) return null;
        var problems = PermitRules.Problems(r, today);
        foreach (var (field, reason) in problems) f.Reject(field, reason);
        return problems.Count == 0 ? r : null;
    }
}

using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

public sealed partial class SettlementImporter
{
    private ImportReport Apply(InputFile file, List<SettlementRow> rows, ImportTally tally, bool clipToRegions,
        IProgress<ImportProgress>? progress)
    {
        using var writer = store.BeginWrite();
        var snapshot = writer.Snapshot;
        var regions = new RegionResolver(snapshot);
        if (!regions.HasPolygons && rows.Any(r => r.RegionHint is null))
        {
            tally.Reject(0, "region", "the store has no region polygons to place settlements in: " +
                "import regions first (dala import regions FILE.geojson) or give a region column");
            return tally.ToReport(false);
        }
        var changed = new List<Settlement>();
        var done = 0;
        foreach (var row in rows)
        {
            if (++done % 500 == 0) progress?.Report(new ImportProgress("placing", done, rows.Count));
            string? code;
            if (row.RegionHint is { } hint)
            {
                code = regions.ByHint(hint);
                if (code is null) { tally.Reject(row.Line, "region", $"unknown region '{Parse.Clip(hint)}'"); continue; }
            }
            else
            {
                code = regions.ByLocation(row.Location);
                if (code is null)
                {
                    if (clipToRegions) tally.Skip("outside the country (in no region polygon)");
                    else tally.Reject(row.Line, "lon/lat", $"({row.Location}) lies in no region of the store");
                    continue;
                }
            }
            var existing = snapshot.SettlementsById.GetValueOrDefault(row.Id);
            var s = new Settlement(row.Id, row.Name, row.Kind, row.Population, row.Location, code,
                row.KatoCode ?? existing?.KatoCode, row.Source);
            if (s.Equals(existing)) tally.Unchanged++;
            else changed.Add(s);
        }
        progress?.Report(new ImportProgress("placing", rows.Count, rows.Count));
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        writer.UpsertSettlements(changed);
        tally.Stored = changed.Count;
        // What the store keeps from the file (not the rows read: those outside the country are skipped above).
        ImportSources.Record(writer, "settlements", file, changed.Count + tally.Unchanged, tally.Read, clock);
        progress?.Report(new ImportProgress("writing", 1, 1));
        writer.Commit();
        return tally.ToReport(true);
    }
}

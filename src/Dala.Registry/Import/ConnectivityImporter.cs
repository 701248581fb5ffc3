using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

/// <summary>
/// Imports connectivity records from CSV: settlement_id (or osm_id or kato), technology, as_of; optional
/// operator (name), operator_id, down_mbps, up_mbps, source, synthetic. Records are history: each is kept,
/// keyed by settlement, operator, technology and date; a re-run changes nothing. Any rejection writes nothing.
/// </summary>
public sealed partial class ConnectivityImporter(IRegistryStore store, IClock clock)
{
    public static readonly string[] Required = ["settlement_id|osm_id|kato", "technology", "as_of"];
    public const double MaxPlausibleMbps = 100_000;

    /// <summary>The earliest as_of accepted: Kazakhstan's independence (no record of its networks is older).
    /// The latest is the clock's today + 1 day (a file written in another time zone).</summary>
    public static readonly DateOnly EarliestAsOf = new(1991, 1, 1);

    public ImportReport Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("connectivity", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return tally.ToReport(false);
        var rows = new List<Row>();
        CsvInput.Read(file, tally, ',', Required, (h, r) =>
        {
            if (ReadRow(h, r, tally, file.Name) is { } row) rows.Add(row);
        }, progress);
        if (tally.Rejected.Any(r => r.Field is "file" or "header")) return tally.ToReport(false);

        using var writer = store.BeginWrite();
        var records = Resolve(rows, writer.Snapshot, tally, out var operators);
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        var existing = writer.Snapshot.Connectivity.ToDictionary(c => c.Key);
        var changed = records.Where(r => !r.Equals(existing.GetValueOrDefault(r.Key))).ToList();
        tally.Stored = changed.Count;
        tally.Unchanged = records.Count - changed.Count;
        writer.UpsertOperators(operators.Where(o => !o.Equals(writer.Snapshot.OperatorsById.GetValueOrDefault(o.Id))).ToList());
        progress?.Report(new ImportProgress("writing", 0, changed.Count));
        writer.UpsertConnectivity(changed);
        ImportSources.Record(writer, "connectivity", file, records.Count, tally.Read, clock, records.Any(r => r.Synthetic));
        writer.Commit();
        progress?.Report(new ImportProgress("writing", changed.Count, changed.Count));
        return tally.ToReport(true);
    }
}

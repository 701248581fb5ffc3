using System.Globalization;
using Dala.Geo;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Kato;

/// <summary>What <c>dala import kato</c> did: the usual report and how well each region matched.</summary>
public sealed record KatoImportResult(ImportReport Report, IReadOnlyList<KatoRegionStats> Regions);

/// <summary>
/// Imports the KATO classifier (see <see cref="KatoClassifier"/>), then gives the store's settlements their
/// KATO code (see <see cref="KatoMatcher"/>), in one transaction. Any rejected row means nothing is written.
/// Settlements no longer matched lose their code; a re-run of the same file changes nothing. A file that would drop
/// most of the stored classifier or un-match many settlements is refused unless <see cref="Replace"/> (see
/// <see cref="KatoReplaceGuard"/>). Read, stored and unchanged count KATO units (rows of the file); what happened
/// to the settlements' codes is in the notes.
/// </summary>
public sealed class KatoImporter(IRegistryStore store, IClock clock)
{
    /// <summary>Replace the stored classifier even when the file would drop most of it or un-match many settlements.</summary>
    public bool Replace { get; init; }

    public KatoImportResult Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("kato", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return new KatoImportResult(tally.ToReport(false), []);
        progress?.Report(new ImportProgress("reading", 0, 0));
        var kato = KatoClassifier.Read(file, tally, progress);
        if (tally.Rejected.Count > 0) return new KatoImportResult(tally.ToReport(false), []);

        using var writer = store.BeginWrite();
        var snapshot = writer.Snapshot;
        progress?.Report(new ImportProgress("matching", 0, snapshot.Settlements.Count));
        var match = KatoMatcher.Match(snapshot, kato.Units);
        progress?.Report(new ImportProgress("matching", snapshot.Settlements.Count, snapshot.Settlements.Count));

        var codes = match.Settlements.ToDictionary(m => m.SettlementId, m => m.KatoCode, StringComparer.Ordinal);
        if (!Replace && !KatoReplaceGuard.Check(tally, snapshot.Kato, kato.Units, snapshot.Settlements, codes))
            return new KatoImportResult(tally.ToReport(false), []);
        progress?.Report(new ImportProgress("writing", 0, 1));
        var unitsChanged = !SameUnits(snapshot.Kato, kato.Units);
        if (unitsChanged) writer.ReplaceKato(kato.Units);
        var changed = snapshot.Settlements.Where(s => s.KatoCode != codes[s.Id]).Select(s => s with { KatoCode = codes[s.Id] }).ToList();
        writer.UpsertSettlements(changed);

        var storedUnits = snapshot.Kato.ToHashSet();
        tally.Stored = kato.Units.Count(u => !storedUnits.Contains(u));
        tally.Unchanged = kato.Units.Count - tally.Stored;
        Explain(tally, snapshot.Kato.Count - (kato.Units.Count - tally.Stored), snapshot, changed, match);
        ImportSources.Record(writer, "kato", file, kato.Units.Count, tally.Read, clock);
        writer.Commit();
        progress?.Report(new ImportProgress("writing", 1, 1));
        return new KatoImportResult(tally.ToReport(true), match.Regions);
    }

    /// <summary>The same units, in any order (a store may hand them back sorted differently).</summary>
    private static bool SameUnits(IReadOnlyList<KatoUnit> stored, IReadOnlyList<KatoUnit> read) =>
        stored.Count == read.Count && stored.ToHashSet().SetEquals(read);

    private static void Explain(ImportTally tally, int removed, RegistrySnapshot before, List<Settlement> changed, KatoMatchResult match)
    {
        var gained = changed.Count(s => s.KatoCode is not null && before.SettlementsById[s.Id].KatoCode is null);
        var lost = changed.Count(s => s.KatoCode is null);
        tally.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"read, stored and unchanged count KATO units (rows of the file): " +
            $"{tally.Read:N0} read, {tally.Stored:N0} new or changed, {tally.Unchanged:N0} unchanged; " +
            $"{removed:N0} units stored before are not in the file and were removed"));
        tally.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"settlements whose KATO code changed: {changed.Count:N0} " +
            $"({gained:N0} newly matched, {changed.Count - gained - lost:N0} given another code, {lost:N0} no longer matched)"));
        tally.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{match.Matched} of {match.Settlements.Count} settlements " +
            $"matched a KATO code ({match.MatchRate:P1}); the rest are ambiguous or have no KATO entry of that name in their region"));
    }
}

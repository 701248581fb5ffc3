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
/// Settlements no longer matched lose their code; a re-run of the same file changes nothing.
/// </summary>
public sealed class KatoImporter(IRegistryStore store, IClock clock)
{
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

        progress?.Report(new ImportProgress("writing", 0, 1));
        var unitsChanged = !SameUnits(snapshot.Kato, kato.Units);
        if (unitsChanged) writer.ReplaceKato(kato.Units);
        var codes = match.Settlements.ToDictionary(m => m.SettlementId, m => m.KatoCode, StringComparer.Ordinal);
        var changed = snapshot.Settlements.Where(s => s.KatoCode != codes[s.Id]).Select(s => s with { KatoCode = codes[s.Id] }).ToList();
        writer.UpsertSettlements(changed);

        var unitsStored = unitsChanged ? kato.Units.Count : 0;
        tally.Stored = unitsStored + changed.Count;
        tally.Unchanged = kato.Units.Count - unitsStored + snapshot.Settlements.Count - changed.Count;
        Explain(tally, kato.Units.Count, unitsChanged, snapshot, changed, match);
        ImportSources.Record(writer, "kato", file, kato.Units.Count, clock);
        writer.Commit();
        progress?.Report(new ImportProgress("writing", 1, 1));
        return new KatoImportResult(tally.ToReport(true), match.Regions);
    }

    /// <summary>The same units, in any order (a store may hand them back sorted differently).</summary>
    private static bool SameUnits(IReadOnlyList<KatoUnit> stored, IReadOnlyList<KatoUnit> read) =>
        stored.Count == read.Count && stored.ToHashSet().SetEquals(read);

    private static void Explain(ImportTally tally, int units, bool unitsChanged, RegistrySnapshot before,
        List<Settlement> changed, KatoMatchResult match)
    {
        var gained = changed.Count(s => s.KatoCode is not null && before.SettlementsById[s.Id].KatoCode is null);
        var lost = changed.Count(s => s.KatoCode is null);
        tally.Notes.Add($"stored and unchanged count KATO units ({units}, {(unitsChanged ? "written" : "unchanged")}) " +
            $"plus settlements whose KATO code changed ({changed.Count}: {gained} newly matched, " +
            $"{changed.Count - gained - lost} given another code, {lost} no longer matched)");
        tally.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{match.Matched} of {match.Settlements.Count} settlements " +
            $"matched a KATO code ({match.MatchRate:P1}); the rest are ambiguous or have no KATO entry of that name in their region"));
    }
}

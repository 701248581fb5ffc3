using Dala.Registry.Import;
using Dala.Registry.Model;

namespace Dala.Registry.Kato;

/// <summary>
/// Refuses a classifier file that would quietly undo most of the one stored: a file with 2 rows, or one cut short,
/// would otherwise replace it whole and take their KATO codes from thousands of settlements. A file is refused
/// (unless the import is told to replace) when it holds fewer than half of the KATO units stored now, or when it
/// would take the code from more settlements than the tolerance: <see cref="MinUnmatchTolerated"/>, or 1% of the
/// settlements matched now when that is more (a new edition renames a few villages; it does not lose regions).
/// </summary>
internal static class KatoReplaceGuard
{
    public const int MinUnmatchTolerated = 10;

    public const int Shown = 5;

    /// <summary>Rejects the file (line 0, field "file") when it may not replace the stored classifier; true when it may.</summary>
    public static bool Check(ImportTally tally, IReadOnlyList<KatoUnit> stored, IReadOnlyList<KatoUnit> read,
        IReadOnlyList<Settlement> settlements, IReadOnlyDictionary<string, string?> newCodes)
    {
        var matchedNow = settlements.Where(s => s.KatoCode is not null).ToList();
        var lost = matchedNow.Where(s => newCodes[s.Id] is null).ToList();
        var tolerated = Math.Max(MinUnmatchTolerated, matchedNow.Count / 100);
        var dropsUnits = stored.Count > 0 && read.Count * 2 < stored.Count;
        if (!dropsUnits && lost.Count <= tolerated) return true;
        var examples = lost.Count == 0 ? "none"
            : string.Join(", ", lost.Take(Shown).Select(s => $"{s.Id} {s.Name.Local} {s.KatoCode}")) + (lost.Count > Shown ? ", ..." : "");
        if (dropsUnits)
            tally.Reject(0, "file", $"has {read.Count:N0} KATO units where the store has {stored.Count:N0} (fewer than half) and would un-match " +
                $"{lost.Count:N0} of the {matchedNow.Count:N0} settlements matched now (first: {examples}); a partial or truncated classifier? --replace imports it anyway");
        else
            tally.Reject(0, "file", $"would un-match {lost.Count:N0} of the {matchedNow.Count:N0} settlements matched now " +
                $"(first: {examples}); a partial or truncated classifier? --replace imports it anyway");
        return false;
    }
}

namespace Dala.Quality.Intake;

/// <summary>What happened to one input line: stored (new), duplicate (already stored) or quarantined, with the reasons.</summary>
public sealed record LineResult(int Line, string Status, string? Id, bool? Valid, IReadOnlyList<string> Reasons);

/// <summary>
/// The outcome of an intake: every line is stored, a duplicate of a stored measurement, or quarantined with its
/// reasons. A file-level error (unreadable, wrong delimiter) means nothing was written.
/// </summary>
public sealed record IntakeResult(
    string Origin,
    int Lines,
    int Stored,
    int Duplicates,
    int Quarantined,
    int Invalid,
    IReadOnlyList<LineResult> Results,
    string? FileError = null)
{
    public const string StoredStatus = "stored";
    public const string DuplicateStatus = "duplicate";
    public const string QuarantinedStatus = "quarantined";

    /// <summary>Quarantine reasons counted, for a summary.</summary>
    public IReadOnlyDictionary<string, int> QuarantineReasons =>
        Results.Where(r => r.Status == QuarantinedStatus).SelectMany(r => r.Reasons.Select(x => x.Split(':')[0]))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
}

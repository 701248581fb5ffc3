namespace Dala.Quality.Intake;

/// <summary>What happened to one input line: stored (new), duplicate (already stored) or quarantined, with the reasons.</summary>
public sealed record LineResult(int Line, string Status, string? Id, bool? Valid, IReadOnlyList<string> Reasons);

/// <summary>
/// The outcome of an intake: every line is stored, a duplicate of a stored measurement, or quarantined with its
/// reasons. A file-level error (unreadable, wrong delimiter) means nothing was written. <see cref="Results"/> holds
/// the per-line outcomes of a posted batch (every line); a file keeps those of its first
/// <see cref="MeasurementIntake.FileLineResults"/> lines only, its counts, its quarantine reasons counted, and a sample
/// of its quarantined lines, so that memory does not grow with the file.
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

    /// <summary>Of the stored (new) measurements, how many failed a validity rule (kept, flagged, not aggregated).</summary>
    public int StoredInvalid { get; init; }

    /// <summary>Quarantine reasons (the part before ':') counted over every line.</summary>
    public IReadOnlyDictionary<string, int> QuarantineReasons { get; init; } = new Dictionary<string, int>();

    /// <summary>The first quarantined lines (at most <see cref="MeasurementIntake.QuarantineSampleSize"/>), for a report.</summary>
    public IReadOnlyList<LineResult> QuarantineSample { get; init; } = [];
}

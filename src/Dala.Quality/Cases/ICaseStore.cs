namespace Dala.Quality.Cases;

/// <summary>Which cases a list shows: by state and/or operator (null: any).</summary>
public sealed record CaseFilter(CaseState? State = null, string? Operator = null)
{
    public static readonly CaseFilter All = new();
}

/// <summary>Where cases are kept (declared here, implemented by every store).</summary>
public interface ICaseStore
{
    /// <summary>
    /// Opens one case per violation in one transaction, each with its first step (opened). A violation that already
    /// has an open case (same <see cref="Violation.Key"/>, not closed) is skipped: its entry in the answer is null.
    /// </summary>
    IReadOnlyList<long?> Open(IReadOnlyList<Violation> violations, CaseStep opened);

    /// <summary>Cases without their steps' notes trimmed: whole, newest first (highest id first).</summary>
    IReadOnlyList<QualityCase> List(CaseFilter filter);

    QualityCase? Get(long id);

    /// <summary>
    /// Appends a step and moves the case to its state (with the fine when there is one), only if the case still has
    /// <paramref name="stepsBefore"/> steps; false when it does not (someone else took a step first): nothing written.
    /// </summary>
    bool Append(long id, int stepsBefore, CaseStep step, Fine? fine);
}

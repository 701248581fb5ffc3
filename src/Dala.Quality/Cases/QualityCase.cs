namespace Dala.Quality.Cases;

/// <summary>
/// One case per violation: the violation, where it stands, its dated steps (who took each; until the platform's audit
/// log exists the actor is recorded as given) and, once fined, the fine as it was worked out then.
/// </summary>
public sealed record QualityCase(long Id, Violation Violation, CaseState State, IReadOnlyList<CaseStep> Steps, Fine? Fine)
{
    public DateOnly OpenedOn => Steps[0].Date;

    /// <summary>The decision's outcome, once decided.</summary>
    public DecisionOutcome? Outcome => Steps.LastOrDefault(s => s.State == CaseState.Decision)?.Outcome;

    /// <summary>The decision's date, once decided.</summary>
    public DateOnly? DecidedOn => Steps.LastOrDefault(s => s.State == CaseState.Decision)?.Date;

    public bool IsOpen => State != CaseState.Closed;
}

/// <summary>One step of a case: the state it moved to, its date, who took it, a note, and for a decision the outcome.</summary>
public sealed record CaseStep(CaseState State, DateOnly Date, string Actor, string? Note, DecisionOutcome? Outcome = null);

/// <summary>
/// A fine worked out: the tier (first or repeat), its count of MRP, the MRP in tenge in force on the decision's date
/// (<see cref="MrpYear"/> is that date's year), and the amount in tenge = Mrp x MrpTenge.
/// </summary>
public sealed record Fine(string Tier, int Mrp, int MrpYear, int MrpTenge, long Tenge, DateOnly DecidedOn)
{
    public const string First = "first";
    public const string Repeat = "repeat";
}

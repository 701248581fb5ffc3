namespace Dala.Quality.Cases;

/// <summary>
/// The one place that says which step may follow which. opened -> notice_sent; notice_sent -> response | appeal |
/// decision (the operator may stay silent); response -> appeal | decision; appeal -> decision; a decision upheld ->
/// fined, dismissed -> closed; fined -> closed. A decision needs an outcome; no other step takes one.
/// </summary>
public static class CaseStateMachine
{
    public static IReadOnlyList<CaseState> Next(CaseState from, DecisionOutcome? outcome) => from switch
    {
        CaseState.Opened => [CaseState.NoticeSent],
        CaseState.NoticeSent => [CaseState.Response, CaseState.Appeal, CaseState.Decision],
        CaseState.Response => [CaseState.Appeal, CaseState.Decision],
        CaseState.Appeal => [CaseState.Decision],
        CaseState.Decision => outcome == DecisionOutcome.Dismissed ? [CaseState.Closed] : [CaseState.Fined],
        CaseState.Fined => [CaseState.Closed],
        _ => [],
    };

    /// <summary>Why the step may not be taken (field, reason), or null when it may.</summary>
    public static (string Field, string Reason)? Refusal(QualityCase c, CaseState to, DecisionOutcome? outcome)
    {
        var next = Next(c.State, c.Outcome);
        if (!next.Contains(to))
            return ("to", next.Count == 0
                ? $"case {c.Id} is {c.State.Wire()}: no step follows"
                : $"case {c.Id} is {c.State.Wire()}{(c.Outcome is { } o ? $" ({o.Wire()})" : "")}: the next step is {string.Join(" or ", next.Select(s => s.Wire()))}, not {to.Wire()}");
        if (to == CaseState.Decision && outcome is null) return ("outcome", "a decision needs an outcome: upheld or dismissed");
        if (to != CaseState.Decision && outcome is not null) return ("outcome", $"only a decision takes an outcome, not {to.Wire()}");
        return null;
    }
}

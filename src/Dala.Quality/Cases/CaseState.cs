namespace Dala.Quality.Cases;

/// <summary>
/// Where a case stands: opened -> notice_sent -> (response | appeal) -> decision -> fined -> closed; a dismissed
/// decision goes to closed without a fine. <see cref="CaseStateMachine"/> says which step may follow which.
/// </summary>
public enum CaseState
{
    Opened,
    NoticeSent,
    Response,
    Appeal,
    Decision,
    Fined,
    Closed,
}

/// <summary>What a decision found: the violation upheld (a fine follows) or dismissed (the case closes).</summary>
public enum DecisionOutcome
{
    Upheld,
    Dismissed,
}

/// <summary>The names states and outcomes have on the command line, in the API and in the store.</summary>
public static class CaseNames
{
    public static readonly IReadOnlyList<string> States = ["opened", "notice_sent", "response", "appeal", "decision", "fined", "closed"];

    public static readonly IReadOnlyList<string> Outcomes = ["upheld", "dismissed"];

    public static string Wire(this CaseState s) => States[(int)s];

    public static string Wire(this DecisionOutcome o) => Outcomes[(int)o];

    public static CaseState? State(string? text) => States.IndexOf(text ?? "") is var i and >= 0 ? (CaseState)i : null;

    public static DecisionOutcome? Outcome(string? text) => Outcomes.IndexOf(text ?? "") is var i and >= 0 ? (DecisionOutcome)i : null;

    private static int IndexOf(this IReadOnlyList<string> list, string text)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], text.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

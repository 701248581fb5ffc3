namespace Dala.Quality.Claims;

/// <summary>Where a challenge is: filed, answered by the operator, then decided upheld or rejected.</summary>
public enum ChallengeState
{
    Filed,
    Answered,
    Upheld,
    Rejected,
}

/// <summary>The claim check's figures when the challenge was filed (what the challenge rests on).</summary>
public sealed record ChallengeEvidence(int N, int K, double CiLow, double CiHigh, ClaimStatus Status, double? PredictedDownMbps,
    DateTimeOffset From, DateTimeOffset To)
{
    public static ChallengeEvidence Of(ClaimCheckResult r) =>
        new(r.N, r.K, r.Interval.Low, r.Interval.High, r.Status, r.PredictedDownMbps, r.From, r.To);
}

/// <summary>
/// A challenge against one coverage claim, in the style of the FCC's broadband-map challenges: filed (by whom, when, the
/// evidence), answered by the operator (actor, note, date), then decided: upheld (the claim is withdrawn) or rejected.
/// <paramref name="Id"/> is 0 until stored. SYNTHETIC when its claim is.
/// </summary>
public sealed record Challenge(
    long Id,
    long ClaimId,
    ChallengeState State,
    string FiledBy,
    DateTimeOffset FiledAt,
    string? Note,
    ChallengeEvidence Evidence,
    bool Synthetic,
    string? AnsweredBy = null,
    DateTimeOffset? AnsweredAt = null,
    string? Answer = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionNote = null)
{
    public bool Open => State is ChallengeState.Filed or ChallengeState.Answered;
}

public static class ChallengeStates
{
    public static string WireName(this ChallengeState s) => s switch
    {
        ChallengeState.Filed => "filed",
        ChallengeState.Answered => "answered",
        ChallengeState.Upheld => "upheld",
        ChallengeState.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static ChallengeState? Parse(string? text) =>
        Enum.GetValues<ChallengeState>().Cast<ChallengeState?>().FirstOrDefault(s => s!.Value.WireName() == text?.Trim().ToLowerInvariant());
}

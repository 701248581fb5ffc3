using Dala.Geo;

namespace Dala.Quality.Claims;

/// <summary>Why a workflow step was refused: no such claim or challenge, a step out of order, or a missing value.</summary>
public enum ChallengeErrorKind
{
    NotFound,
    IllegalTransition,
    Invalid,
}

public sealed record ChallengeError(ChallengeErrorKind Kind, string Field, string Message);

public sealed record ChallengeOutcome(Challenge? Challenge, ChallengeError? Error)
{
    public static ChallengeOutcome Fail(ChallengeErrorKind kind, string field, string message) => new(null, new ChallengeError(kind, field, message));
}

/// <summary>
/// The challenge workflow: file (against a stored, not withdrawn claim with no open challenge; the claim check's figures
/// at filing time are kept as evidence) -> the operator answers -> decided upheld (the claim is withdrawn) or rejected.
/// Steps out of order are named errors; nothing is written then.
/// </summary>
public sealed class ChallengeDesk(IClaimStore store, IClock clock)
{
    public const int MaxText = 2000;

    public ChallengeOutcome File(ClaimCheckResult check, string? actor, string? note)
    {
        if (Text(actor, "actor", required: true) is { } e1) return e1;
        if (Text(note, "note", required: false) is { } e2) return e2;
        var claim = check.Claim;
        if (claim.Id == 0 || store.Claim(claim.Id) is not { } stored)
            return ChallengeOutcome.Fail(ChallengeErrorKind.NotFound, "claim", $"no claim {claim.Id}");
        if (stored.WithdrawnBy is { } by)
            return ChallengeOutcome.Fail(ChallengeErrorKind.IllegalTransition, "claim", $"claim {claim.Id} was already withdrawn (challenge {by} upheld)");
        if (store.Challenges().FirstOrDefault(c => c.ClaimId == claim.Id && c.Open) is { } open)
            return ChallengeOutcome.Fail(ChallengeErrorKind.IllegalTransition, "claim", $"claim {claim.Id} already has an open challenge ({open.Id}, {open.State.WireName()})");
        var challenge = new Challenge(0, claim.Id, ChallengeState.Filed, actor!.Trim(), clock.Now, Trim(note), ChallengeEvidence.Of(check), claim.Synthetic);
        var id = store.AddChallenge(challenge);
        return new ChallengeOutcome(challenge with { Id = id }, null);
    }

    public ChallengeOutcome Answer(long id, string? actor, string? note)
    {
        if (Text(actor, "actor", required: true) is { } e1) return e1;
        if (Text(note, "note", required: true) is { } e2) return e2;
        if (store.Challenge(id) is not { } c) return ChallengeOutcome.Fail(ChallengeErrorKind.NotFound, "id", $"no challenge {id}");
        if (c.State != ChallengeState.Filed)
            return ChallengeOutcome.Fail(ChallengeErrorKind.IllegalTransition, "state", $"challenge {id} is {c.State.WireName()}: only a filed challenge can be answered");
        var next = c with { State = ChallengeState.Answered, AnsweredBy = actor!.Trim(), AnsweredAt = clock.Now, Answer = note!.Trim() };
        return Save(next, c.State);
    }

    /// <summary>Decides an answered challenge: upheld withdraws the claim, rejected leaves it.</summary>
    public ChallengeOutcome Decide(long id, ChallengeState outcome, string? actor, string? note)
    {
        if (outcome is not (ChallengeState.Upheld or ChallengeState.Rejected))
            return ChallengeOutcome.Fail(ChallengeErrorKind.Invalid, "outcome", $"'{outcome.WireName()}' is not a decision: upheld or rejected");
        if (Text(actor, "actor", required: true) is { } e1) return e1;
        if (Text(note, "note", required: false) is { } e2) return e2;
        if (store.Challenge(id) is not { } c) return ChallengeOutcome.Fail(ChallengeErrorKind.NotFound, "id", $"no challenge {id}");
        if (c.State != ChallengeState.Answered)
            return ChallengeOutcome.Fail(ChallengeErrorKind.IllegalTransition, "state", c.State == ChallengeState.Filed
                ? $"challenge {id} is filed: the operator answers before it is decided"
                : $"challenge {id} is already decided ({c.State.WireName()})");
        var next = c with { State = outcome, DecidedBy = actor!.Trim(), DecidedAt = clock.Now, DecisionNote = Trim(note) };
        return Save(next, c.State);
    }

    private ChallengeOutcome Save(Challenge next, ChallengeState from) => store.UpdateChallenge(next, from)
        ? new ChallengeOutcome(next, null)
        : ChallengeOutcome.Fail(ChallengeErrorKind.IllegalTransition, "state", $"challenge {next.Id} was changed by someone else meanwhile; read it again");

    private static ChallengeOutcome? Text(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? ChallengeOutcome.Fail(ChallengeErrorKind.Invalid, field, "required") : null;
        return value.Length > MaxText ? ChallengeOutcome.Fail(ChallengeErrorKind.Invalid, field, $"longer than {MaxText} characters") : null;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

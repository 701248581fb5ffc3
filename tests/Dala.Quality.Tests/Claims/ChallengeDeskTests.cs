using Dala.Quality.Claims;
using Dala.Quality.Verdicts;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Quality.Tests.Claims;

public class ChallengeDeskTests
{
    private readonly MemoryClaimStore _store = new();
    private readonly FakeClock _clock = FakeClock.At("2026-11-21T12:00:00Z");

    private ClaimCheckResult Check()
    {
        _store.AddClaims([new CoverageClaim(0, "s1", "op", Technology.FourG, 10, new DateOnly(2026, 10, 1), "c.csv", false)]);
        var claim = _store.Claims()[0];
        return new ClaimCheckResult(claim, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 16, 1, ShareInterval.ClopperPearson(1, 16, 0.95),
            ClaimStatus.NotDelivered, null, PredictionAgreement.None);
    }

    [Fact]
    public void Filed_answered_upheld_withdraws_the_claim()
    {
        var desk = new ChallengeDesk(_store, _clock);
        var filed = desk.File(Check(), "inspector", "villagers report no signal");
        Assert.Null(filed.Error);
        Assert.Equal(ChallengeState.Filed, filed.Challenge!.State);
        Assert.Equal((16, 1), (filed.Challenge.Evidence.N, filed.Challenge.Evidence.K));
        var answered = desk.Answer(filed.Challenge.Id, "operator", "the site was down for maintenance");
        Assert.Equal(ChallengeState.Answered, answered.Challenge!.State);
        var upheld = desk.Decide(filed.Challenge.Id, ChallengeState.Upheld, "committee", null);
        Assert.Equal(ChallengeState.Upheld, upheld.Challenge!.State);
        Assert.Equal(filed.Challenge.Id, _store.Claims()[0].WithdrawnBy);
        var again = desk.File(Check() with { Claim = _store.Claims()[0] }, "inspector", null);
        Assert.Equal(ChallengeErrorKind.IllegalTransition, again.Error!.Kind);
    }

    [Fact]
    public void Steps_out_of_order_are_named_errors_and_change_nothing()
    {
        var desk = new ChallengeDesk(_store, _clock);
        var id = desk.File(Check(), "inspector", null).Challenge!.Id;
        var early = desk.Decide(id, ChallengeState.Rejected, "committee", null);
        Assert.Equal(ChallengeErrorKind.IllegalTransition, early.Error!.Kind);
        Assert.Contains("the operator answers before", early.Error.Message);
        Assert.Equal(ChallengeState.Filed, _store.Challenge(id)!.State);
        Assert.Equal(ChallengeErrorKind.IllegalTransition, desk.File(Check() with { Claim = _store.Claims()[0] }, "x", null).Error!.Kind);
        Assert.Equal(ChallengeErrorKind.Invalid, desk.Answer(id, "operator", " ").Error!.Kind);
        Assert.Equal(ChallengeErrorKind.NotFound, desk.Answer(id + 100, "operator", "n").Error!.Kind);
        Assert.Null(desk.Answer(id, "operator", "n").Error);
        Assert.Equal(ChallengeErrorKind.IllegalTransition, desk.Answer(id, "operator", "again").Error!.Kind);
        Assert.Equal(ChallengeErrorKind.Invalid, desk.Decide(id, ChallengeState.Answered, "c", null).Error!.Kind);
        Assert.Null(desk.Decide(id, ChallengeState.Rejected, "committee", "coverage confirmed by drive test").Error);
        Assert.Null(_store.Claims()[0].WithdrawnBy);
        var late = desk.Decide(id, ChallengeState.Upheld, "committee", null);
        Assert.Contains("already decided (rejected)", late.Error!.Message);
        Assert.Equal(ChallengeState.Rejected, _store.Challenge(id)!.State);
    }
}

/// <summary>The claim store's contract in memory, for the workflow's unit tests (the real stores pass the contract tests).</summary>
internal sealed class MemoryClaimStore : IClaimStore
{
    private readonly List<CoverageClaim> _claims = [];
    private readonly List<Challenge> _challenges = [];

    public (int Stored, int Unchanged) AddClaims(IReadOnlyList<CoverageClaim> claims)
    {
        int stored = 0, unchanged = 0;
        foreach (var c in claims)
        {
            var i = _claims.FindIndex(x => x.Key == c.Key);
            if (i < 0) { _claims.Add(c with { Id = _claims.Count + 1 }); stored++; }
            else if (_claims[i] with { Id = 0, WithdrawnBy = null } == c with { Id = 0, WithdrawnBy = null }) unchanged++;
            else { _claims[i] = c with { Id = _claims[i].Id, WithdrawnBy = _claims[i].WithdrawnBy }; stored++; }
        }
        return (stored, unchanged);
    }

    public IReadOnlyList<CoverageClaim> Claims() => _claims.ToArray();
    public CoverageClaim? Claim(long id) => _claims.FirstOrDefault(c => c.Id == id);

    public long AddChallenge(Challenge challenge)
    {
        var id = _challenges.Count + 1;
        _challenges.Add(challenge with { Id = id });
        return id;
    }

    public Challenge? Challenge(long id) => _challenges.FirstOrDefault(c => c.Id == id);
    public IReadOnlyList<Challenge> Challenges() => _challenges.AsEnumerable().Reverse().ToArray();

    public bool UpdateChallenge(Challenge challenge, ChallengeState from)
    {
        var i = _challenges.FindIndex(c => c.Id == challenge.Id && c.State == from);
        if (i < 0) return false;
        _challenges[i] = challenge;
        if (challenge.State == ChallengeState.Upheld)
        {
            var j = _claims.FindIndex(c => c.Id == challenge.ClaimId);
            _claims[j] = _claims[j] with { WithdrawnBy = challenge.Id };
        }
        return true;
    }

    public int DeleteSynthetic()
    {
        _challenges.RemoveAll(c => c.Synthetic);
        return _claims.RemoveAll(c => c.Synthetic);
    }
}

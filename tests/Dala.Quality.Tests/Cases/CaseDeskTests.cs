using Dala.Quality.Cases;
using Dala.Testing;

namespace Dala.Quality.Tests.Cases;

/// <summary>Cases through the state machine: every state, illegal steps named, dates and actors, the fine on the fined step.</summary>
public class CaseDeskTests
{
    private readonly FakeClock _clock = FakeClock.At("2026-11-21T12:00:00Z");
    private readonly MemoryCaseStore _store = new();

    private CaseDesk Desk => new(_store, FineSchedule.Default, _clock);

    internal static Violation Sample(string op = "kcell", string region = "KZ-11") =>
        new("down-100", 1, op, region, null, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), 400, 212, 0.53, 0.48, 0.58, false);

    private static DateOnly D(int m, int d) => new(2026, m, d);

    [Fact]
    public void A_case_goes_through_every_state_and_is_fined_from_the_schedule()
    {
        var id = Desk.Open([Sample()], "inspector A", D(10, 1))[0]!.Value;
        Desk.Step(id, new StepRequest(CaseState.NoticeSent, "inspector A", D(10, 2)));
        Desk.Step(id, new StepRequest(CaseState.Response, "Kcell legal", D(10, 20), "measurements disputed"));
        Desk.Step(id, new StepRequest(CaseState.Appeal, "Kcell legal", D(10, 25)));
        Desk.Step(id, new StepRequest(CaseState.Decision, "head of inspectorate", D(11, 5), Outcome: DecisionOutcome.Upheld));
        var fined = Desk.Step(id, new StepRequest(CaseState.Fined, "head of inspectorate", D(11, 6)));
        Assert.Equal(432_500L, fined.Fine!.Tenge);
        Assert.Equal(new DateOnly(2026, 11, 5), fined.Fine.DecidedOn);
        var closed = Desk.Step(id, new StepRequest(CaseState.Closed, "accounts"));
        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(["opened", "notice_sent", "response", "appeal", "decision", "fined", "closed"], closed.Steps.Select(s => s.State.Wire()));
        Assert.Equal(_clock.Now.ToString("yyyy-MM-dd"), closed.Steps[^1].Date.ToString("yyyy-MM-dd"));
        Assert.Equal("Kcell legal", closed.Steps[2].Actor);
        Assert.Equal("measurements disputed", closed.Steps[2].Note);
    }

    [Fact]
    public void A_dismissed_case_closes_without_a_fine()
    {
        var id = Desk.Open([Sample()], "A")[0]!.Value;
        Desk.Step(id, new StepRequest(CaseState.NoticeSent, "A"));
        Desk.Step(id, new StepRequest(CaseState.Decision, "B", Outcome: DecisionOutcome.Dismissed));
        var e = Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Fined, "B")));
        Assert.Equal((CaseRefusal.Conflict, "to"), (e.Kind, e.Field));
        Assert.Contains("the next step is closed", e.Reason);
        var closed = Desk.Step(id, new StepRequest(CaseState.Closed, "B"));
        Assert.Null(closed.Fine);
        Assert.Equal(DecisionOutcome.Dismissed, closed.Outcome);
    }

    [Fact]
    public void Illegal_steps_are_refused_by_name_and_change_nothing()
    {
        var id = Desk.Open([Sample()], "A", D(10, 1))[0]!.Value;
        var skip = Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Decision, "A", Outcome: DecisionOutcome.Upheld)));
        Assert.Equal(CaseRefusal.Conflict, skip.Kind);
        Assert.Contains("is opened: the next step is notice_sent, not decision", skip.Reason);
        Desk.Step(id, new StepRequest(CaseState.NoticeSent, "A", D(10, 3)));
        Assert.Equal("outcome", Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Decision, "A"))).Field);
        Assert.Equal("outcome", Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Response, "A", Outcome: DecisionOutcome.Upheld))).Field);
        Assert.Equal("actor", Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Response, " "))).Field);
        Assert.Equal("date", Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Response, "A", D(10, 2)))).Field);
        Assert.Equal("date", Assert.Throws<CaseException>(() => Desk.Step(id, new StepRequest(CaseState.Response, "A", D(12, 1)))).Field);
        Assert.Equal(CaseRefusal.NotFound, Assert.Throws<CaseException>(() => Desk.Step(99, new StepRequest(CaseState.Response, "A"))).Kind);
        Assert.Equal(2, _store.Get(id)!.Steps.Count);
    }

    [Fact]
    public void A_second_open_case_for_the_same_violation_is_not_opened()
    {
        Assert.Equal([1L, null, 2L], Desk.Open([Sample(), Sample(), Sample(region: "KZ-19")], "A"));
        Assert.Equal(2, _store.List(CaseFilter.All).Count);
    }

    [Fact]
    public void The_operators_second_upheld_decision_within_12_months_is_a_repeat()
    {
        var first = Through(Sample(region: "KZ-11"), D(3, 1), D(3, 2), D(4, 15));
        var second = Through(Sample(region: "KZ-19"), D(5, 1), D(5, 2), D(9, 30));
        var other = Through(Sample(op: "beeline"), D(5, 1), D(5, 2), D(9, 30));
        Assert.Equal((Fine.First, 432_500L), (first.Fine!.Tier, first.Fine.Tenge));
        Assert.Equal((Fine.Repeat, 865_000L), (second.Fine!.Tier, second.Fine.Tenge));
        Assert.Equal((Fine.First, 432_500L), (other.Fine!.Tier, other.Fine.Tenge));
    }

    private QualityCase Through(Violation v, DateOnly opened, DateOnly notice, DateOnly decided)
    {
        var id = Desk.Open([v], "A", opened)[0]!.Value;
        Desk.Step(id, new StepRequest(CaseState.NoticeSent, "A", notice));
        Desk.Step(id, new StepRequest(CaseState.Decision, "B", decided, Outcome: DecisionOutcome.Upheld));
        return Desk.Step(id, new StepRequest(CaseState.Fined, "B", decided));
    }

    [Fact]
    public void Bad_figures_are_refused_before_anything_is_opened()
    {
        var e = Assert.Throws<CaseException>(() => Desk.Open([Sample(), Sample() with { K = 500 }], "A"));
        Assert.Equal(("k", CaseRefusal.Invalid), (e.Field, e.Kind));
        Assert.Empty(_store.List(CaseFilter.All));
    }
}

using Dala.Quality.Cases;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Quality cases opened (one open case per violation), stepped with optimistic checks, read back exactly, on both stores.</summary>
public class CaseStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    internal static ICaseStore Cases(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteCaseStore(s),
        PostgresRegistryStore p => new PostgresCaseStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static readonly DateOnly Day = new(2026, 10, 1);

    private static Violation V(string op = "kcell", string region = "KZ-11", string? settlement = null) =>
        new("down-100", 2, op, region, settlement, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), 400, 212, 0.53, 0.4812345678901234, 0.58, true);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_empty_store_has_no_cases(string kind)
    {
        using var t = TestStore.Create(kind);
        var cases = Cases(t);
        Assert.Empty(cases.List(CaseFilter.All));
        Assert.Null(cases.Get(1));
        Assert.False(cases.Append(1, 1, new CaseStep(CaseState.NoticeSent, Day, "A", null), null));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Cases_are_read_back_exactly_and_one_open_case_per_violation(string kind)
    {
        using var t = TestStore.Create(kind);
        var cases = Cases(t);
        var bare = new Violation("up-20", null, "beeline", "KZ-19", null, null, null, 5, 0, null, null, null, false);
        var opened = new CaseStep(CaseState.Opened, Day, "inspector Ә", "из вердиктов");
        var ids = cases.Open([V(), V(), V(settlement: "S-1"), bare], opened);
        Assert.Null(ids[1]);
        Assert.Equal(3, ids.Count(i => i is not null));
        Assert.Equal([null], cases.Open([V()], opened));
        var one = cases.Get(ids[0]!.Value)!;
        Assert.Equal(V(), one.Violation);
        Assert.Equal(CaseState.Opened, one.State);
        Assert.Equal([opened], one.Steps);
        Assert.Null(one.Fine);
        Assert.Equal(bare, cases.Get(ids[3]!.Value)!.Violation);
        Assert.Equal([ids[3], ids[2], ids[0]], cases.List(CaseFilter.All).Select(c => (long?)c.Id));
        Assert.Equal([ids[3]], cases.List(new CaseFilter(Operator: "beeline")).Select(c => (long?)c.Id));
        Assert.Equal(3, t.CountRows("case_steps"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Steps_are_appended_only_to_the_case_as_it_was_read_and_the_fine_is_kept(string kind)
    {
        using var t = TestStore.Create(kind);
        var cases = Cases(t);
        var id = cases.Open([V()], new CaseStep(CaseState.Opened, Day, "A", null))[0]!.Value;
        Assert.True(cases.Append(id, 1, new CaseStep(CaseState.NoticeSent, Day.AddDays(1), "A", null), null));
        Assert.False(cases.Append(id, 1, new CaseStep(CaseState.Response, Day.AddDays(2), "B", null), null));
        Assert.True(cases.Append(id, 2, new CaseStep(CaseState.Decision, Day.AddDays(3), "C", "upheld", DecisionOutcome.Upheld), null));
        var fine = new Fine(Fine.Repeat, 200, 2026, 4_325, 865_000, Day.AddDays(3));
        Assert.True(cases.Append(id, 3, new CaseStep(CaseState.Fined, Day.AddDays(4), "C", null), fine));
        Assert.True(cases.Append(id, 4, new CaseStep(CaseState.Closed, Day.AddDays(5), "D", null), null));
        var c = cases.Get(id)!;
        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(fine, c.Fine);
        Assert.Equal(["opened", "notice_sent", "decision", "fined", "closed"], c.Steps.Select(s => s.State.Wire()));
        Assert.Equal(DecisionOutcome.Upheld, c.Outcome);
        Assert.Equal([id], cases.List(new CaseFilter(CaseState.Closed)).Select(x => x.Id));
        Assert.Empty(cases.List(new CaseFilter(CaseState.Opened)));
        // A closed case frees its violation: a new case may be opened for it.
        Assert.NotNull(cases.Open([V()], new CaseStep(CaseState.Opened, Day.AddDays(6), "A", null))[0]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_desk_works_a_repeat_fine_from_the_store(string kind)
    {
        using var t = TestStore.Create(kind);
        var desk = new CaseDesk(Cases(t), FineSchedule.Default, FakeClock.At("2026-11-21T12:00:00Z"));
        long Decide(Violation v, DateOnly on)
        {
            var id = desk.Open([v], "A", on)[0]!.Value;
            desk.Step(id, new StepRequest(CaseState.NoticeSent, "A", on));
            desk.Step(id, new StepRequest(CaseState.Decision, "B", on, Outcome: DecisionOutcome.Upheld));
            return desk.Step(id, new StepRequest(CaseState.Fined, "B", on)).Fine!.Tenge;
        }
        Assert.Equal(432_500, Decide(V(region: "KZ-11"), new DateOnly(2026, 2, 1)));
        Assert.Equal(865_000, Decide(V(region: "KZ-19"), new DateOnly(2026, 6, 1)));
    }
}

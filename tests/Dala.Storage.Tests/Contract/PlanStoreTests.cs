using Dala.Registry.Store;
using Dala.Rollout.Plans;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Storage.Tests.Plans;

namespace Dala.Storage.Tests.Contract;

/// <summary>Rollout plans saved whole, listed newest first, read back exactly and deleted whole, on both stores.</summary>
public partial class PlanStoreTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(5));

    internal static IPlanStore Plans(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqlitePlanStore(s),
        PostgresRegistryStore p => new PostgresPlanStore(p),
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_empty_store_has_no_plans(string kind)
    {
        using var t = TestStore.Create(kind);
        var plans = Plans(t);
        Assert.Empty(plans.ListPlans());
        Assert.Null(plans.GetPlan(1));
        Assert.False(plans.DeletePlan(1));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Plans_are_listed_newest_first_as_headers(string kind)
    {
        using var t = TestStore.Create(kind);
        var plans = Plans(t);
        var older = plans.SavePlan(SamplePlans.Build(1, "older", Noon.AddDays(-1), 50, 40, 5));
        var newest = plans.SavePlan(SamplePlans.Build(2, "newest", Noon.AddDays(1), 50, 40, 5));
        var middle = plans.SavePlan(SamplePlans.Build(3, "middle", Noon, 50, 40, 5));
        var list = plans.ListPlans();
        Assert.Equal([newest, middle, older], list.Select(p => p.Id));
        Assert.All(list, p => Assert.True(p.Settlements.Count + p.Fibre.Count + p.Sites.Count + p.Sensitivity.Count == 0));
        var expected = SamplePlans.Build(3, "middle", Noon, 50, 40, 5);
        PlanAssert.Same(expected.Header() with { Id = middle }, list[1]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Two_plans_with_the_same_name_are_kept_apart(string kind)
    {
        using var t = TestStore.Create(kind);
        var plans = Plans(t);
        var a = SamplePlans.Build(4, "Акмола 2027", Noon, 300, 200, 20);
        var b = SamplePlans.Build(5, "Акмола 2027", Noon, 120, 90, 7);
        var ids = (A: plans.SavePlan(a), B: plans.SavePlan(b));
        Assert.NotEqual(ids.A, ids.B);
        Assert.Equal(2, plans.ListPlans().Count(p => p.Name == "Акмола 2027"));
        PlanAssert.Same(a with { Id = ids.A }, plans.GetPlan(ids.A)!);
        PlanAssert.Same(b with { Id = ids.B }, plans.GetPlan(ids.B)!);
        Assert.True(plans.DeletePlan(ids.A));
        Assert.Null(plans.GetPlan(ids.A));
        PlanAssert.Same(b with { Id = ids.B }, plans.GetPlan(ids.B)!);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Deleting_a_plan_removes_every_row_of_it(string kind)
    {
        using var t = TestStore.Create(kind);
        var plans = Plans(t);
        var keep = plans.SavePlan(SamplePlans.Build(6, "keep", Noon, 200, 150, 10));
        var gone = plans.SavePlan(SamplePlans.Build(7, "gone", Noon, 250, 180, 12));
        Assert.True(plans.DeletePlan(gone));
        Assert.False(plans.DeletePlan(gone));
        Assert.Equal([keep], plans.ListPlans().Select(p => p.Id));
        foreach (var table in new[] { "plans", "plan_settlements", "plan_fibre", "plan_sites" })
            Assert.Equal(0, t.CountRows(table, table == "plans" ? $"id = {gone}" : $"plan_id = {gone}"));
        Assert.Equal((200, 150, 10), (t.CountRows("plan_settlements"), t.CountRows("plan_fibre"), t.CountRows("plan_sites")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_save_that_fails_midway_leaves_nothing(string kind)
    {
        using var t = TestStore.Create(kind);
        var plans = Plans(t);
        var first = plans.SavePlan(SamplePlans.Build(8, "first", Noon, 100, 80, 6));
        var bad = SamplePlans.Build(9, "bad", Noon, 3000, 2000, 50);
        bad = bad with { Settlements = [.. bad.Settlements, bad.Settlements[17]] };
        var e = Assert.Throws<StoreException>(() => plans.SavePlan(bad));
        Assert.Contains("bad", e.Message);
        Assert.Equal([first], plans.ListPlans().Select(p => p.Id));
        Assert.Equal((1, 100, 80, 6), (t.CountRows("plans"), t.CountRows("plan_settlements"), t.CountRows("plan_fibre"), t.CountRows("plan_sites")));
        var next = SamplePlans.Build(10, "next", Noon, 100, 80, 6);
        var id = plans.SavePlan(next);
        PlanAssert.Same(next with { Id = id }, plans.GetPlan(id)!);
    }
}

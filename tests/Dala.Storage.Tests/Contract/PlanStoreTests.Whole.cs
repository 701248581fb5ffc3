using System.Diagnostics;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Storage.Tests.Plans;

namespace Dala.Storage.Tests.Contract;

/// <summary>A national-size plan read back exactly (the time is printed, never asserted: speed is measured in bench/), and a store from before the plan tables.</summary>
public partial class PlanStoreTests
{
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_national_plan_reads_back_exactly(string kind)
    {
        using var t = TestStore.Create(kind);
        var plans = Plans(t);
        plans.SavePlan(SamplePlans.Build(41, "warm-up", Noon, 10, 10, 1));
        var plan = SamplePlans.Build(42, "Национальный план 2026–2030", Noon.AddTicks(1_234_560), 7000, 7000, 400);
        var clock = Stopwatch.StartNew();
        var id = plans.SavePlan(plan);
        var saved = clock.Elapsed;
        clock.Restart();
        var read = plans.GetPlan(id)!;
        var got = clock.Elapsed;
        output.WriteLine($"{kind}: saved 7,000 lines, 7,000 fibre segments and 400 sites in {saved.TotalMilliseconds:N0} ms; " +
                         $"read back in {got.TotalMilliseconds:N0} ms");
        PlanAssert.Same(plan with { Id = id }, read);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_store_from_before_the_plan_tables_is_migrated_and_keeps_its_data(string kind)
    {
        var version = (kind == TestStore.Sqlite ? SqliteMigrations.All : PostgresMigrations.All).Single(m => m.Name == "plans").Version;
        using var t = TestStore.CreateAtSchema(kind, version - 1,
            "UPDATE meta SET value = '41' WHERE key = 'revision'; INSERT INTO regions (code, name, source) VALUES ('KZ-11', 'Ақмола', 'old')");
        Assert.Equal(version, TestStore.Applied(t.Store)[0]);
        Assert.Equal(41, t.Store.ReadRevision());
        Assert.Equal(["KZ-11"], t.Store.ReadSnapshot().Regions.Select(r => r.Code));
        var plans = Plans(t);
        Assert.Empty(plans.ListPlans());
        var plan = SamplePlans.Build(11, "after the upgrade", Noon, 500, 400, 30);
        var id = plans.SavePlan(plan);
        PlanAssert.Same(plan with { Id = id }, plans.GetPlan(id)!);
        Assert.Empty(TestStore.Applied(t.Open()));
    }
}

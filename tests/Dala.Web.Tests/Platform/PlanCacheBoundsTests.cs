using Dala.Registry.Progress;
using Dala.Rollout.Plans;
using Dala.Web.Http;

namespace Dala.Web.Tests.Platform;

/// <summary>The plan cache keeps at most its plans and settlement lines, least recently used dropped first.</summary>
public sealed class PlanCacheBoundsTests
{
    private sealed class CountingStore(Func<long, RolloutPlan> make) : IPlanStore
    {
        public int Reads { get; private set; }

        public long SavePlan(RolloutPlan plan) => throw new NotSupportedException();

        public IReadOnlyList<RolloutPlan> ListPlans() => [];

        public RolloutPlan? GetPlan(long id)
        {
            Reads++;
            return make(id);
        }

        public bool DeletePlan(long id) => false;
    }

    private static RolloutPlan Plan(long id, int lines)
    {
        var summary = new PlanSummary("least-cost", new DateOnly(2026, 11, 21), 2026, 2027, lines, 100, 1, 1, 1, 1, true, [], [], [], [], [], [], "proxy", 1.5);
        var line = new SettlementPlan("osm-1", "Aul", "KZ-62", 67, 48, 100, true, "leo", "leo", null, 1, 0, 1, true, 1, "reason", null, null, 0, null, null, null, null);
        return new RolloutPlan(id, $"plan {id}", DateTimeOffset.UnixEpoch, true, "{}", summary, Enumerable.Repeat(line, lines).ToArray(), [], [], []);
    }

    private static PlanCache Cache(int entries, int lines) =>
        new(new DalaWebSettings(OperationsTests.FailingStore.Create(), Dala.Testing.FakeClock.At("2026-11-21T12:00:00Z"), Target.Defaults)
        {
            Limits = PlatformLimits.Default with { PlanCacheEntries = entries, PlanCacheLines = lines },
        });

    [Fact]
    public void Many_plans_keep_the_cache_under_its_entry_cap_and_the_recent_ones_stay()
    {
        var cache = Cache(entries: 3, lines: 1_000_000);
        var store = new CountingStore(id => Plan(id, 10));
        for (var id = 1; id <= 50; id++)
        {
            cache.Get(store, id);
            Assert.True(cache.Count <= 3);
        }
        var reads = store.Reads;
        cache.Get(store, 50);
        cache.Get(store, 48);
        Assert.Equal(reads, store.Reads);
        cache.Get(store, 1);
        Assert.Equal(reads + 1, store.Reads);
    }

    [Fact]
    public void Settlement_lines_are_capped_and_a_plan_larger_than_the_cap_is_served_but_not_kept()
    {
        var cache = Cache(entries: 10, lines: 250);
        var store = new CountingStore(id => Plan(id, id == 99 ? 1000 : 100));
        for (var id = 1; id <= 5; id++) cache.Get(store, id);
        Assert.Equal(2, cache.Count);
        Assert.Equal(1000, cache.Get(store, 99)!.Settlements.Count);
        Assert.Equal(0, cache.Count);
    }
}

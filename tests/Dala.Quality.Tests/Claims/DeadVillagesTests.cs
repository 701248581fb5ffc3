using Dala.Geo;
using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Quality.Tests.Claims;

public class DeadVillagesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly RegistrySnapshot Registry = new(1, [new Region("KZ-11", new Names("Akmola"), null, "t")],
        Enumerable.Range(0, 600).Select(i => new Settlement($"osm-{i}", new Names($"v{i}"), i % 10 == 0 ? SettlementKind.Town : SettlementKind.Village,
            Population.Unknown, new LonLat(70 + i * 0.01, 50), "KZ-11", null, "test")).ToArray(),
        [new Operator("synthetic-a", "A"), new Operator("synthetic-b", "B")], [], [], [], null, null);

    [Fact]
    public void The_demo_flags_the_dead_villages_and_no_live_one()
    {
        var demo = DeadVillages.Generate(Registry, Today, villages: 500, dead: 100, seed: 7);
        Assert.Equal(500, demo.Claims.Count);
        Assert.Equal(100, demo.DeadSettlements.Count);
        Assert.All(demo.Claims, c => Assert.True(c.Synthetic));
        Assert.All(demo.Tests, t => Assert.True(t.Synthetic));
        Assert.All(demo.Claims, c => Assert.True(Registry.SettlementsById[c.SettlementId].Kind.IsRural()));
        var byKey = demo.Tests.ToLookup(t => t.SettlementId);
        var options = new ClaimCheckOptions(Today);
        var results = demo.Claims.Select(c => ClaimCheck.Evaluate(c, byKey[c.SettlementId], null, options)).ToArray();
        var flagged = results.Where(r => r.Flagged).Select(r => r.Claim.SettlementId).ToHashSet();
        Assert.Empty(flagged.Except(demo.DeadSettlements));
        Assert.True(flagged.Count >= 0.95 * demo.DeadSettlements.Count, $"{flagged.Count} of {demo.DeadSettlements.Count} dead villages flagged");
        Assert.All(results.Where(r => !demo.DeadSettlements.Contains(r.Claim.SettlementId)), r => Assert.NotEqual(ClaimStatus.NotDelivered, r.Status));
        Assert.True(results.Count(r => r.Status == ClaimStatus.Delivered) >= 0.9 * 400);
    }

    [Fact]
    public void The_demo_is_deterministic_for_a_seed_and_scales_down_to_a_small_registry()
    {
        var a = DeadVillages.Generate(Registry, Today, 1000, 200, 3);
        var b = DeadVillages.Generate(Registry, Today, 1000, 200, 3);
        Assert.Equal(a.Claims, b.Claims);
        Assert.Equal(a.Tests.Select(t => t.Id), b.Tests.Select(t => t.Id));
        Assert.Equal(540, a.Claims.Count);
        Assert.Equal(108, a.DeadSettlements.Count);
    }
}

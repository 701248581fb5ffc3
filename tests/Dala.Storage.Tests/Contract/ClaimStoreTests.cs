using Dala.Geo;
using Dala.Quality.Claims;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Coverage claims and challenges on both stores: upsert by key, the workflow's state moves, the demo's check.</summary>
public class ClaimStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    internal static IClaimStore Claims(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteClaimStore(s),
        PostgresRegistryStore p => new PostgresClaimStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static IMeasurementStore Measurements(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteMeasurementStore(s),
        PostgresRegistryStore p => new PostgresMeasurementStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static CoverageClaim C(string settlement, double mbps, bool synthetic = false) =>
        new(0, settlement, "kcell", Technology.FourG, mbps, new DateOnly(2026, 10, 1), "claims.csv", synthetic);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Claims_are_upserted_by_key_and_read_back_exactly(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Claims(t.Store);
        Assert.Empty(store.Claims());
        Assert.Null(store.Claim(1));
        Assert.Equal((2, 0), store.AddClaims([C("osm-1", 10), C("osm-2", 5.25, synthetic: true)]));
        Assert.Equal((0, 2), store.AddClaims([C("osm-1", 10), C("osm-2", 5.25, synthetic: true)]));
        Assert.Equal((1, 1), store.AddClaims([C("osm-1", 12), C("osm-2", 5.25, synthetic: true)]));
        var all = store.Claims();
        Assert.Equal(2, all.Count);
        Assert.Equal(C("osm-1", 12) with { Id = all[0].Id }, all[0]);
        Assert.Equal(C("osm-2", 5.25, true) with { Id = all[1].Id }, all[1]);
        Assert.Equal(all[1], store.Claim(all[1].Id));
        Assert.Equal(1, store.DeleteSynthetic());
        Assert.Single(store.Claims());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_challenge_moves_filed_answered_upheld_and_withdraws_its_claim(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Claims(t.Store);
        store.AddClaims([C("osm-1", 10)]);
        var claim = store.Claims()[0];
        var evidence = new ChallengeEvidence(16, 1, 0.0016, 0.3, ClaimStatus.NotDelivered, 7.5,
            new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var filed = new Challenge(0, claim.Id, ChallengeState.Filed, "inspector", Clock.Now, "no signal", evidence, false);
        var id = store.AddChallenge(filed);
        Assert.Equal(filed with { Id = id }, store.Challenge(id));
        var answered = filed with { Id = id, State = ChallengeState.Answered, AnsweredBy = "kcell", AnsweredAt = Clock.Now.AddDays(1), Answer = "site repaired" };
        Assert.False(store.UpdateChallenge(answered, ChallengeState.Answered));
        Assert.True(store.UpdateChallenge(answered, ChallengeState.Filed));
        Assert.False(store.UpdateChallenge(answered, ChallengeState.Filed));
        Assert.Equal(answered, store.Challenge(id));
        var upheld = answered with { State = ChallengeState.Upheld, DecidedBy = "committee", DecidedAt = Clock.Now.AddDays(2) };
        Assert.True(store.UpdateChallenge(upheld, ChallengeState.Answered));
        Assert.Equal(upheld, store.Challenge(id));
        Assert.Equal(id, store.Claim(claim.Id)!.WithdrawnBy);
        Assert.Equal([id], store.Challenges().Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_demo_checked_over_the_store_flags_the_dead_villages_as_the_check_over_its_tests_does(string kind)
    {
        using var t = TestStore.Create(kind);
        var registry = new RegistrySnapshot(1, [], Enumerable.Range(0, 120).Select(i => new Settlement($"osm-{i}", new Names($"v{i}"), SettlementKind.Village,
            Population.Unknown, new LonLat(70 + i * 0.01, 50), "KZ-11", null, "test")).ToArray(), [], [], [], [], null, null);
        var today = DateOnly.FromDateTime(Clock.Now.UtcDateTime);
        var demo = DeadVillages.Generate(registry, today, 100, 20, 11);
        var measurements = Measurements(t.Store);
        measurements.Append(demo.Tests, []);
        var store = Claims(t.Store);
        store.AddClaims(demo.Claims);
        var options = new ClaimCheckOptions(today);
        var results = ClaimCheck.Run(store.Claims(), measurements, NoPrediction.Instance, options);
        var byKey = demo.Tests.ToLookup(x => x.SettlementId);
        var expected = demo.Claims.Select(c => ClaimCheck.Evaluate(c, byKey[c.SettlementId], null, options)).ToArray();
        Assert.Equal(expected.Select(r => (r.Claim.SettlementId, r.N, r.K, r.Status)), results.Select(r => (r.Claim.SettlementId, r.N, r.K, r.Status)));
        var flagged = results.Where(r => r.Flagged).Select(r => r.Claim.SettlementId).ToHashSet();
        Assert.Empty(flagged.Except(demo.DeadSettlements));
        Assert.True(flagged.Count >= 19, $"{flagged.Count} of 20 flagged");
        // real (non-synthetic) claims do not count the synthetic tests
        var real = ClaimCheck.Run([demo.Claims[0] with { Synthetic = false }], measurements, NoPrediction.Instance, options);
        Assert.Equal(ClaimStatus.NoTests, real[0].Status);
    }
}

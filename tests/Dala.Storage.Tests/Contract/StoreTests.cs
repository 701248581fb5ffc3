using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Transactions, locking, revisions and schema versions: the same on both stores.</summary>
public class StoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static Settlement S(string id) => new(id, new Names(id), SettlementKind.Village, Population.Unknown, new Geo.LonLat(70, 50), "KZ-11", null, "t");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Uncommitted_writes_roll_back_and_do_not_bump_the_revision(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = t.Store;
        using (var w = store.BeginWrite()) w.UpsertSettlements([S("a")]);
        Assert.Empty(store.ReadSnapshot().Settlements);
        Assert.Equal(0, store.ReadRevision());
        using (var w = store.BeginWrite()) { w.UpsertSettlements([S("a")]); w.Commit(); }
        Assert.Single(store.ReadSnapshot().Settlements);
        Assert.Equal(1, store.ReadRevision());
        using (var w = store.BeginWrite()) w.Commit();
        Assert.Equal(1, store.ReadRevision());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Two_writers_serialise_the_second_waits_for_the_first(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = t.Store;
        var other = t.Open();
        var first = store.BeginWrite();
        first.UpsertSettlements([S("a")]);
        var second = Task.Run(() =>
        {
            using var w = other.BeginWrite();
            var sawFirst = w.Snapshot.SettlementsById.ContainsKey("a");
            w.UpsertSettlements([S("b")]);
            w.Commit();
            return sawFirst;
        });
        await Task.Delay(500);
        Assert.False(second.IsCompleted);
        first.Commit();
        first.Dispose();
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(["a", "b"], store.ReadSnapshot().Settlements.Select(s => s.Id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_writer_that_cannot_get_the_lock_in_time_fails_cleanly(string kind)
    {
        using var t = TestStore.Create(kind);
        var impatient = t.Open(TimeSpan.FromSeconds(1));
        using var holder = t.Store.BeginWrite();
        var e = Assert.Throws<StoreException>(() => impatient.BeginWrite());
        Assert.Contains("busy", e.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Readers_see_the_last_commit_while_a_write_is_open(string kind)
    {
        using var t = TestStore.Create(kind);
        using (var w = t.Store.BeginWrite()) { w.UpsertSettlements([S("a")]); w.Commit(); }
        using var open = t.Store.BeginWrite();
        open.UpsertSettlements([S("b")]);
        var seen = t.Open().ReadSnapshot();
        Assert.Equal(["a"], seen.Settlements.Select(s => s.Id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_store_with_a_newer_schema_is_refused_with_a_clear_message(string kind)
    {
        using var t = TestStore.Create(kind);
        t.RecordSchemaVersion(999);
        var e = Assert.Throws<StoreException>(() => t.Open());
        Assert.Contains("schema version 999", e.Message);
        Assert.Contains("upgrade Dala", e.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Opening_again_applies_no_migration(string kind)
    {
        using var t = TestStore.Create(kind);
        var again = t.Open();
        var applied = again switch
        {
            Dala.Storage.Sqlite.SqliteRegistryStore s => s.AppliedMigrations,
            Dala.Storage.Postgres.PostgresRegistryStore p => p.AppliedMigrations,
            _ => throw new InvalidOperationException(),
        };
        Assert.Empty(applied);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Importing_polygons_removes_placeholder_regions_left_empty(string kind)
    {
        using var t = TestStore.Create(kind);
        using (var w = t.Store.BeginWrite())
        {
            w.UpsertRegions([new Region("XX-1", new Names("Nowhere"), null, "t"), new Region("XX-2", new Names("Elsewhere"), null, "t"),
                             new Region("KZ-11", new Names("Akmola"), null, "t")]);
            w.UpsertSettlements([S("a")]);
            w.Commit();
        }
        var r = new Dala.Registry.Import.RegionImporter(t.Store, FakeClock.At("2026-11-21T12:00:00Z")).Import(SharedData.RegionsGeoJson);
        Assert.True(r.Committed, string.Join("\n", r.Rejected));
        var codes = t.Store.ReadSnapshot().Regions.Select(x => x.Code).ToArray();
        Assert.Equal(20, codes.Length);
        Assert.DoesNotContain("XX-1", codes);
        Assert.DoesNotContain("XX-2", codes);
        Assert.Contains(r.Notes, n => n.StartsWith("2 regions without polygon", StringComparison.Ordinal));
    }
}

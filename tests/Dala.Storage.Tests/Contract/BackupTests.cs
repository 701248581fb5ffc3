using Dala.Registry.Import;
using Dala.Registry.Kato;
using Dala.Registry.Scenario;
using Dala.Registry.Store;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Backup and restore round-trip on both stores, natively and through the portable dump (also across stores).</summary>
public class BackupTests
{
    public static TheoryData<string, bool> KindsAndFormats()
    {
        var d = new TheoryData<string, bool>();
        foreach (var k in TestStore.KindList()) { d.Add(k, false); d.Add(k, true); }
        return d;
    }

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void Backup_then_restore_into_an_empty_store_gives_the_same_registry(string kind, bool portable)
    {
        using var source = TestStore.Create(kind);
        Assert.True(new RegionImporter(source.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(source.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        Assert.True(new KatoImporter(source.Store, Clock).Import(SharedData.Kato).Report.Committed);
        new SyntheticScenario(source.Store, Clock).Seed();
        var before = source.Store.ReadSnapshot();
        var file = source.Dir.File(portable ? "backup.dala.jsonl" : "backup.bin");
        var said = ((IRegistryBackup)source.Store).Backup(file, portable);
        Assert.Contains(file, said);

        using var target = TestStore.Create(kind);
        ((IRegistryBackup)target.Store).Restore(file, replace: false);
        var after = target.Store.ReadSnapshot();
        Assert.Equal(before.Settlements, after.Settlements);
        Assert.Equal(before.Connectivity, after.Connectivity);
        Assert.Equal(before.Kato, after.Kato);
        Assert.Equal(before.Operators, after.Operators);
        Assert.Equal(before.Sources, after.Sources);
        Assert.Equal(before.Regions.Select(r => (r.Code, r.Name, r.Area!.EqualsExact(after.RegionsByCode[r.Code].Area!))),
            after.Regions.Select(r => (r.Code, r.Name, true)));

        var e = Assert.Throws<StoreException>(() => ((IRegistryBackup)target.Store).Restore(file, replace: false));
        Assert.Contains("--replace", e.Message);
        var revision = target.Store.ReadRevision();
        ((IRegistryBackup)target.Store).Restore(file, replace: true);
        Assert.True(target.Store.ReadRevision() > revision);
        Assert.Equal(before.Settlements, target.Store.ReadSnapshot().Settlements);
    }

    [PostgresFact]
    public void A_portable_dump_moves_a_registry_from_sqlite_to_postgres()
    {
        using var sqlite = TestStore.Create(TestStore.Sqlite);
        Assert.True(new RegionImporter(sqlite.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(sqlite.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        var file = sqlite.Dir.File("move.jsonl");
        ((IRegistryBackup)sqlite.Store).Backup(file, portable: true);
        using var pg = TestStore.Create(TestStore.Postgres);
        ((IRegistryBackup)pg.Store).Restore(file, replace: false);
        Assert.Equal(sqlite.Store.ReadSnapshot().Settlements, pg.Store.ReadSnapshot().Settlements);
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void A_file_that_is_not_a_backup_is_refused_and_changes_nothing(string kind, bool truncated)
    {
        using var t = TestStore.Create(kind);
        var path = t.Dir.Write("junk.bak", truncated ? "{\"format\":\"dala-dump\",\"version\":1,\"revision\":3}\n{\"type\":\"settlement\",\"id\":" : "hello");
        var before = t.Store.ReadSnapshot();
        var e = Record.Exception(() => ((IRegistryBackup)t.Store).Restore(path, replace: true));
        Assert.True(e is StoreException or FormatException, e?.ToString());
        if (truncated) Assert.Contains("junk.bak:2", e!.Message);
        SnapshotAssert.Same(before, t.Store.ReadSnapshot());
    }
}

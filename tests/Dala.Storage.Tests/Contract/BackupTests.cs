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

    [Fact]
    public void A_backup_of_an_older_store_with_4_KB_pages_restores_into_a_new_one_with_16_KB_pages_and_back()
    {
        // A store made before page_size 16384: the file's pages are set before the store first opens it.
        using var dir = new TempDir();
        var old = dir.File("old.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x); DROP TABLE t;";
            cmd.ExecuteNonQuery();
        }
        var oldStore = new Sqlite.SqliteRegistryStore(old);
        Assert.True(new RegionImporter(oldStore, Clock).Import(SharedData.RegionsGeoJson).Committed);
        var backup = dir.File("old.bin");
        oldStore.Backup(backup, portable: false);

        using var target = TestStore.Create(TestStore.Sqlite);
        Assert.NotEqual(PageSize(old), PageSize(target.Spec));
        ((IRegistryBackup)target.Store).Restore(backup, replace: false);
        Assert.Equal(oldStore.ReadSnapshot().Regions.Select(r => r.Code), target.Store.ReadSnapshot().Regions.Select(r => r.Code));
        Assert.Equal("wal", Pragma(target.Spec, "journal_mode"));
        // And a backup of the new store goes back into the old one.
        var again = dir.File("new.bin");
        ((IRegistryBackup)target.Store).Backup(again, portable: false);
        oldStore.Restore(again, replace: true);
        Assert.Equal(20, oldStore.ReadSnapshot().Regions.Count);
    }

    private static long PageSize(string file) => long.Parse(Pragma(file, "page_size"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Pragma(string file, string name)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA " + name;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
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

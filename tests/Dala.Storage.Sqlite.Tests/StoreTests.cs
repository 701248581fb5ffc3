using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Testing;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite.Tests;

public class StoreTests
{
    private static Settlement S(string id) => new(id, new Names(id), SettlementKind.Village, Population.Unknown, new Geo.LonLat(70, 50), "KZ-11", null, "t");

    [Fact]
    public void Uncommitted_writes_roll_back_and_do_not_bump_the_revision()
    {
        using var dir = new TempDir();
        var store = new SqliteRegistryStore(dir.File("s.db"));
        using (var w = store.BeginWrite()) w.UpsertSettlements([S("a")]);
        Assert.Empty(store.ReadSnapshot().Settlements);
        Assert.Equal(0, store.ReadRevision());
        using (var w = store.BeginWrite()) { w.UpsertSettlements([S("a")]); w.Commit(); }
        Assert.Single(store.ReadSnapshot().Settlements);
        Assert.Equal(1, store.ReadRevision());
    }

    [Fact]
    public async Task Two_writers_serialise_the_second_waits_for_the_first()
    {
        using var dir = new TempDir();
        var store = new SqliteRegistryStore(dir.File("s.db"));
        var first = store.BeginWrite();
        first.UpsertSettlements([S("a")]);
        var second = Task.Run(() =>
        {
            using var w = store.BeginWrite();
            var sawFirst = w.Snapshot.SettlementsById.ContainsKey("a");
            w.UpsertSettlements([S("b")]);
            w.Commit();
            return sawFirst;
        });
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        first.Commit();
        first.Dispose();
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, store.ReadSnapshot().Settlements.Count);
    }

    [Fact]
    public void A_writer_that_cannot_get_the_lock_in_time_fails_cleanly()
    {
        using var dir = new TempDir();
        var store = new SqliteRegistryStore(dir.File("s.db"));
        var impatient = new SqliteRegistryStore(dir.File("s.db"), TimeSpan.FromSeconds(1));
        using var holder = store.BeginWrite();
        Assert.Throws<SqliteException>(() => impatient.BeginWrite());
    }

    [Fact]
    public void A_store_with_a_newer_schema_is_refused_with_a_clear_message()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        _ = new SqliteRegistryStore(path);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<StoreException>(() => new SqliteRegistryStore(path));
        Assert.Contains("schema version 999", e.Message);
        Assert.Contains("upgrade Dala", e.Message);
    }

    [Fact]
    public void Opening_twice_applies_migrations_once()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        _ = new SqliteRegistryStore(path);
        _ = new SqliteRegistryStore(path);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Assert.Equal(SqliteMigrations.Latest, SqliteMigrations.Current(c));
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal((long)SqliteMigrations.All.Count, (long)cmd.ExecuteScalar()!);
    }
}

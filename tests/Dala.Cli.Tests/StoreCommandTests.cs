using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>migrate, backup, restore and choosing the store from the command line, the environment or dala.json.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Migrate_applies_every_version_once()
    {
        var first = CliRun.In(_dir.Path, "migrate", "--store", "m.db");
        Assert.Equal(0, first.Exit);
        var all = string.Join(", ", Dala.Storage.Sqlite.SqliteMigrations.All.Select(m => m.Version));
        Assert.Contains($"applied schema version(s) {all}", first.Out);
        var again = CliRun.In(_dir.Path, "migrate", "--store", "m.db");
        Assert.Contains($"schema up to date (version {Dala.Storage.Sqlite.SqliteMigrations.Latest})", again.Out);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backup_and_restore_round_trip_through_the_cli(bool portable)
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson, "--store", "a.db").Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", SharedData.HotOsmPlaces, "--store", "a.db").Exit);
        string[] backup = portable ? ["backup", "a.bak", "--portable", "--store", "a.db"] : ["backup", "a.bak", "--store", "a.db"];
        var b = CliRun.In(_dir.Path, backup);
        Assert.True(b.Exit == 0, b.Err);
        Assert.Contains(portable ? "portable dump" : "SQLite backup", b.Out);
        var r = CliRun.In(_dir.Path, "restore", "a.bak", "--store", "b.db");
        Assert.True(r.Exit == 0, r.Err);
        var statusA = CliRun.In(_dir.Path, "status", "--store", "a.db").Out;
        var statusB = CliRun.In(_dir.Path, "status", "--store", "b.db").Out;
        Assert.Equal(Contents(statusA), Contents(statusB));
        Assert.Contains("7,098 settlements", Contents(statusB));
        var again = CliRun.In(_dir.Path, "restore", "a.bak", "--store", "b.db");
        Assert.Equal(ExitCodes.Store, again.Exit);
        Assert.Contains("--replace", again.Err);
    }

    [Fact]
    public void A_restore_of_junk_is_refused()
    {
        _dir.Write("junk.bak", "not a backup");
        var r = CliRun.In(_dir.Path, "restore", "junk.bak", "--store", "c.db");
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("neither a SQLite backup nor a Dala portable dump", r.Err);
    }

    [Fact]
    public void An_unreachable_postgres_store_is_a_clear_error()
    {
        var r = CliRun.In(_dir.Path, "status", "--store", "postgres://nobody@127.0.0.1:1/nothing");
        Assert.Equal(ExitCodes.Store, r.Exit);
        Assert.Contains("cannot open the store PostgreSQL nobody@127.0.0.1:1/nothing", r.Err);
    }

    [Fact]
    public void A_malformed_postgres_url_is_a_clear_error()
    {
        var r = CliRun.In(_dir.Path, "status", "--store", "postgres://[bad");
        Assert.Equal(ExitCodes.Usage, r.Exit);
        Assert.Contains("--store postgres://[bad", r.Err);
    }

    [Fact]
    public void The_store_can_come_from_dala_json()
    {
        _dir.Write("dala.json", "{ \"store\": \"configured.db\" }");
        var r = CliRun.In(_dir.Path, "status");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("configured.db", r.Out);
    }

    private static string Contents(string status) => status.Split('\n').First(l => l.StartsWith("Contents:", StringComparison.Ordinal));
}

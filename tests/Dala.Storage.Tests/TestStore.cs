using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Npgsql;

namespace Dala.Storage.Tests;

/// <summary>A fresh store of either kind, with what the contract tests need to poke at it.</summary>
public sealed partial class TestStore : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly TempDir _dir = new();
    private readonly List<IDisposable> _owned = [];

    private TestStore(string kind, string spec)
    {
        Kind = kind;
        Spec = spec;
        Store = Open();
    }

    public string Kind { get; }

    /// <summary>What `--store` takes for this store.</summary>
    public string Spec { get; }

    public IRegistryStore Store { get; }

    public TempDir Dir => _dir;

    /// <summary>The kinds every contract test runs on: SQLite always, PostgreSQL when it is there (always with CI=true).</summary>
    public static TheoryData<string> Kinds() => [.. KindList()];

    public static IReadOnlyList<string> KindList() => PgServer.Available || PgServer.Required ? [Sqlite, Postgres] : [Sqlite];

    public static TestStore Create(string kind) => new(kind, NewSpec(kind));

    private static string NewSpec(string kind)
    {
        if (kind != Sqlite) return PgServer.NewDatabase();
        var dir = Path.Combine(Path.GetTempPath(), "dala-store-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "store.db");
    }

    /// <summary>Another handle on the same store, as a second process would have.</summary>
    public IRegistryStore Open(TimeSpan? lockTimeout = null)
    {
        IRegistryStore s = Kind == Sqlite ? new SqliteRegistryStore(Spec, lockTimeout) : new PostgresRegistryStore(Spec, lockTimeout);
        if (s is IDisposable d) _owned.Add(d);
        return s;
    }

    /// <summary>Pretends a newer Dala wrote the store.</summary>
    public void RecordSchemaVersion(int version)
    {
        if (Kind == Sqlite)
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Spec};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, 'future', 'x')";
            cmd.ExecuteNonQuery();
        }
        else
        {
            using var c = new NpgsqlConnection(PostgresLocation.Parse(Spec).ConnectionString);
            c.Open();
            using var cmd = new NpgsqlCommand($"INSERT INTO schema_migrations (version, name) VALUES ({version}, 'future')", c);
            cmd.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Kind == Sqlite)
        {
            try { Directory.Delete(Path.GetDirectoryName(Spec)!, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        _dir.Dispose();
    }
}

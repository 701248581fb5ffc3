using System.Globalization;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Readers never wait for a writer; writers take the write
/// lock at the start of their transaction (BEGIN IMMEDIATE), so two imports serialise instead of interleaving.
/// </summary>
public sealed partial class SqliteRegistryStore : IRegistryStore
{
    private readonly string _connectionString;

    public SqliteRegistryStore(string path, TimeSpan? busyTimeout = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            throw new StoreException($"cannot create the store {Path}: the folder {dir} does not exist");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)(busyTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds,
        }.ToString();
        try
        {
            using var c = Open();
            // 16 KB pages for a new file (an existing one keeps its own): measurement chunks are BLOBs of about a megabyte,
            // and a bulk load of 1 M tests cost 4.1 us a test in SQLite with 4 KB pages against 3.6 with 16 KB (bench
            // store-write; 64 KB gave 3.2-3.4, but every small write of the registry then logs 64 KB).
            Exec(c, "PRAGMA page_size = 16384");
            Exec(c, "PRAGMA journal_mode = WAL");
            AppliedMigrations = SqliteMigrations.Apply(c, Describe());
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot open the store {Path}: {e.Message}", e);
        }
    }

    public string Path { get; }

    /// <summary>The schema versions this open applied (empty when the store was up to date).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; } = [];

    public string Describe() => "SQLite " + Path;

    public long ReadRevision()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'revision'";
        return long.Parse((string)cmd.ExecuteScalar()!, CultureInfo.InvariantCulture);
    }

    public IRegistryWriter BeginWrite()
    {
        var c = Open();
        try
        {
            SqliteTransaction tx;
            try
            {
                tx = c.BeginTransaction(deferred: false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                throw new StoreException($"{Describe()} is busy: another import holds the write lock (waited {c.DefaultTimeout} s)", e);
            }
            return new SqliteRegistryWriter(c, tx, ReadSnapshot(c, tx));
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    internal SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        return c;
    }

    internal static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

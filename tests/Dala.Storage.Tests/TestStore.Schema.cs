using System.Data.Common;
using System.Globalization;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dala.Storage.Tests;

/// <summary>Stores as an older Dala left them, and SQL straight at a store's tables.</summary>
public sealed partial class TestStore
{
    /// <summary>
    /// A store an older Dala created: only the migrations up to <paramref name="version"/>, recorded as the store does,
    /// then <paramref name="sql"/> (data of that time). The returned store has been opened by this Dala, so migrated.
    /// </summary>
    public static TestStore CreateAtSchema(string kind, int version, string sql)
    {
        var spec = NewSpec(kind);
        var scripts = (kind == Sqlite ? SqliteMigrations.All : PostgresMigrations.All).Where(m => m.Version <= version).ToArray();
        using (var c = Connect(kind, spec))
        {
            Exec(c, kind == Sqlite
                ? "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            foreach (var m in scripts)
            {
                Exec(c, m.Sql);
                Exec(c, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({m.Version}, '{m.Name}', '2026-01-01T00:00:00Z')");
            }
            Exec(c, sql);
        }
        return new TestStore(kind, spec);
    }

    /// <summary>How many rows a table of this store holds (optionally only where a condition holds).</summary>
    public long CountRows(string table, string where = "TRUE")
    {
        using var c = Connect(Kind, Spec);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs SQL straight at this store's tables (to show what the store itself refuses).</summary>
    public void Execute(string sql)
    {
        using var c = Connect(Kind, Spec);
        Exec(c, sql);
    }

    /// <summary>The schema versions an open of a store applied.</summary>
    public static IReadOnlyList<int> Applied(Registry.Store.IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => s.AppliedMigrations,
        PostgresRegistryStore p => p.AppliedMigrations,
        _ => throw new InvalidOperationException(),
    };

    private static DbConnection Connect(string kind, string spec)
    {
        DbConnection c = kind == Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = spec, Pooling = false }.ToString())
            : new NpgsqlConnection(PostgresLocation.Parse(spec).ConnectionString);
        c.Open();
        return c;
    }

    private static void Exec(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

using System.Globalization;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Versioned SQL scripts (embedded Migrations/NNNN_name.sql), applied in order, each recorded once.</summary>
public static class SqliteMigrations
{
    public static IReadOnlyList<SchemaScripts.Script> All { get; } =
        SchemaScripts.Load(typeof(SqliteMigrations).Assembly, "Dala.Storage.Sqlite.Migrations.");

    public static int Latest => All[^1].Version;

    /// <summary>Applies what is missing; returns the versions applied now. Refuses a schema newer than known.</summary>
    public static IReadOnlyList<int> Apply(SqliteConnection c, string describe)
    {
        if (HasMigrationsTable(c))
        {
            var now = Current(c);
            SchemaScripts.EnsureKnown(now, Latest, describe);
            if (now == Latest) return [];
        }
        Exec(c, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = new List<int>();
        foreach (var m in All)
        {
            using var tx = c.BeginTransaction(deferred: false);
            var current = Current(c, tx);
            SchemaScripts.EnsureKnown(current, Latest, describe);
            if (m.Version <= current) continue;
            Exec(c, m.Sql, tx);
            using var rec = c.CreateCommand();
            rec.Transaction = tx;
            rec.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            rec.Parameters.AddWithValue("$v", m.Version);
            rec.Parameters.AddWithValue("$n", m.Name);
            rec.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            rec.ExecuteNonQuery();
            tx.Commit();
            applied.Add(m.Version);
        }
        return applied;
    }

    private static bool HasMigrationsTable(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    public static int Current(SqliteConnection c, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Versioned SQL (embedded Migrations/NNNN_name.sql) applied under an advisory lock, each recorded once.</summary>
public static class PostgresMigrations
{
    private const long LockKey = 0x44414C41_4D494752; // "DALAMIGR"

    public static IReadOnlyList<SchemaScripts.Script> All { get; } =
        SchemaScripts.Load(typeof(PostgresMigrations).Assembly, "Dala.Storage.Postgres.Migrations.");

    public static int Latest => All[^1].Version;

    public static IReadOnlyList<int> Apply(NpgsqlConnection c, string describe)
    {
        using var tx = c.BeginTransaction();
        PgStage.Exec(c, tx, $"SELECT pg_advisory_xact_lock({LockKey})");
        PgStage.Exec(c, tx, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        var current = Current(c, tx);
        SchemaScripts.EnsureKnown(current, Latest, describe);
        var applied = new List<int>();
        foreach (var m in All.Where(m => m.Version > current))
        {
            PgStage.Exec(c, tx, m.Sql);
            using var rec = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", c, tx);
            rec.Parameters.AddWithValue(m.Version);
            rec.Parameters.AddWithValue(m.Name);
            rec.ExecuteNonQuery();
            applied.Add(m.Version);
        }
        tx.Commit();
        return applied;
    }

    public static int Current(NpgsqlConnection c, NpgsqlTransaction? tx = null)
    {
        using var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", c, tx);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

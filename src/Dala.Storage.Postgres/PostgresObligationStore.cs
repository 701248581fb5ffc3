using Dala.Quality.Obligations;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Obligations in the same PostgreSQL database as the registry: one row per version, never updated.</summary>
public sealed class PostgresObligationStore(PostgresRegistryStore registry) : IObligationStore
{
    public IReadOnlyList<Obligation> Current()
    {
        using var c = registry.Open();
        return Read(c, "SELECT DISTINCT ON (id) id, version, json, actor, created_at FROM obligations ORDER BY id, version DESC")
            .Select(v => v.Obligation).OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ObligationVersion> History(string id)
    {
        using var c = registry.Open();
        return Read(c, "SELECT id, version, json, actor, created_at FROM obligations WHERE id = $1 ORDER BY version", id);
    }

    public IReadOnlyList<Obligation> Save(IReadOnlyCollection<Obligation> obligations, string actor, DateTimeOffset at)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction();
            // One writer at a time decides the next version numbers.
            PgStage.Exec(c, tx, "LOCK TABLE obligations IN SHARE ROW EXCLUSIVE MODE");
            var saved = new List<Obligation>();
            foreach (var o in obligations)
            {
                var json = ObligationJson.Write(o);
                int version;
                using (var cur = new NpgsqlCommand("SELECT version, json FROM obligations WHERE id = $1 ORDER BY version DESC LIMIT 1", c, tx))
                {
                    cur.Parameters.AddWithValue(o.Id);
                    using var r = cur.ExecuteReader();
                    if (r.Read() && r.GetString(1) == json) continue;
                    version = r.HasRows ? r.GetInt32(0) + 1 : 1;
                }
                PgStage.Exec(c, tx, "INSERT INTO obligations (id, version, json, actor, created_at) VALUES ($1, $2, $3, $4, $5)",
                    o.Id, version, json, actor, at.ToUniversalTime());
                saved.Add(o with { Version = version });
            }
            tx.Commit();
            return saved;
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot save obligations in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    private static List<ObligationVersion> Read(NpgsqlConnection c, string sql, params object[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        using var r = cmd.ExecuteReader();
        var list = new List<ObligationVersion>();
        while (r.Read())
            list.Add(new ObligationVersion(ObligationJson.ReadStored(r.GetString(2), r.GetInt32(1)), r.GetString(3),
                new DateTimeOffset(r.GetDateTime(4).ToUniversalTime(), TimeSpan.Zero)));
        return list;
    }
}

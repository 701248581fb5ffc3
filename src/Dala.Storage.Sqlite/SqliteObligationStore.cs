using System.Globalization;
using Dala.Quality.Obligations;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Obligations in the same SQLite file as the registry: one row per version, never updated.</summary>
public sealed class SqliteObligationStore(SqliteRegistryStore registry) : IObligationStore
{
    public IReadOnlyList<Obligation> Current()
    {
        using var c = registry.Open();
        return Read(c, "SELECT o.id, o.version, o.json, o.actor, o.created_at FROM obligations o " +
                       "WHERE o.version = (SELECT MAX(version) FROM obligations x WHERE x.id = o.id) ORDER BY o.id")
            .Select(v => v.Obligation).ToList();
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
            using var tx = c.BeginTransaction(deferred: false);
            var saved = new List<Obligation>();
            foreach (var o in obligations)
            {
                var json = ObligationJson.Write(o);
                using var cur = Command(c, tx, "SELECT version, json FROM obligations WHERE id = $1 ORDER BY version DESC LIMIT 1", o.Id);
                int version;
                using (var r = cur.ExecuteReader())
                {
                    if (r.Read() && r.GetString(1) == json) continue;
                    version = r.HasRows ? r.GetInt32(0) + 1 : 1;
                }
                using var ins = Command(c, tx, "INSERT INTO obligations (id, version, json, actor, created_at) VALUES ($1, $2, $3, $4, $5)",
                    o.Id, version, json, actor, at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                ins.ExecuteNonQuery();
                saved.Add(o with { Version = version });
            }
            tx.Commit();
            return saved;
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot save obligations in {registry.Describe()}: {e.Message}", e);
        }
    }

    private static List<ObligationVersion> Read(SqliteConnection c, string sql, params object[] args)
    {
        using var cmd = Command(c, null, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<ObligationVersion>();
        while (r.Read())
            list.Add(new ObligationVersion(ObligationJson.ReadStored(r.GetString(2), r.GetInt32(1)), r.GetString(3),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        return list;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params object[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i]);
        return cmd;
    }
}

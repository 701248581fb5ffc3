using System.Text;
using Dala.Platform.Audit;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>The audit log in the registry's PostgreSQL database: appended to, never changed (a trigger refuses UPDATE, DELETE, TRUNCATE).</summary>
public sealed class PostgresAuditLog(PostgresRegistryStore registry) : IAuditLog
{
    public void Append(AuditEntry e)
    {
        try
        {
            using var c = registry.Open();
            using var cmd = PgCommand.Create(c, "INSERT INTO audit_log (at, actor, action, target, origin, status) VALUES ($1, $2, $3, $4, $5, $6)",
                [e.At, e.Actor, e.Action, e.Target, e.Origin, e.Status]);
            cmd.ExecuteNonQuery();
        }
        catch (PostgresException x)
        {
            throw new StoreException($"cannot append to the audit log in {registry.Describe()}: {x.MessageText}", x);
        }
    }

    public IReadOnlyList<AuditEntry> Query(AuditQuery q)
    {
        var sql = new StringBuilder("SELECT id, at, actor, action, target, origin, status FROM audit_log WHERE true");
        var args = new List<object?>();
        if (q.From is { } from) { args.Add(from); sql.Append($" AND at >= ${args.Count}"); }
        if (q.To is { } to) { args.Add(to); sql.Append($" AND at < ${args.Count}"); }
        if (q.Actor is { } actor) { args.Add(actor); sql.Append($" AND actor = ${args.Count}"); }
        args.Add(q.Limit);
        sql.Append($" ORDER BY id DESC LIMIT ${args.Count}");
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c, sql.ToString(), [.. args]);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
            list.Add(new AuditEntry(r.GetInt64(0), PgCommand.Time(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6)));
        return list;
    }
}

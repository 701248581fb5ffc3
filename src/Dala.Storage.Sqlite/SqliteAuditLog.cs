using System.Text;
using Dala.Platform.Audit;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>The audit log in the registry's SQLite file: appended to, never changed (triggers refuse UPDATE and DELETE).</summary>
public sealed class SqliteAuditLog(SqliteRegistryStore registry) : IAuditLog
{
    public void Append(AuditEntry e)
    {
        try
        {
            using var c = registry.Open();
            using var cmd = SqliteTime.Command(c, "INSERT INTO audit_log (at, actor, action, target, origin, status) VALUES ($1, $2, $3, $4, $5, $6)",
                [SqliteTime.Write(e.At), e.Actor, e.Action, e.Target, e.Origin, e.Status]);
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException x)
        {
            throw new StoreException($"cannot append to the audit log in {registry.Describe()}: {x.Message}", x);
        }
    }

    public IReadOnlyList<AuditEntry> Query(AuditQuery q)
    {
        var sql = new StringBuilder("SELECT id, at, actor, action, target, origin, status FROM audit_log WHERE 1 = 1");
        var args = new List<object?>();
        // Times are written in one format (round-trip, UTC), so text order is time order.
        if (q.From is { } from) { args.Add(SqliteTime.Write(from)); sql.Append($" AND at >= ${args.Count}"); }
        if (q.To is { } to) { args.Add(SqliteTime.Write(to)); sql.Append($" AND at < ${args.Count}"); }
        if (q.Actor is { } actor) { args.Add(actor); sql.Append($" AND actor = ${args.Count}"); }
        args.Add(q.Limit);
        sql.Append($" ORDER BY id DESC LIMIT ${args.Count}");
        using var c = registry.Open();
        using var cmd = SqliteTime.Command(c, sql.ToString(), [.. args]);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
            list.Add(new AuditEntry(r.GetInt64(0), SqliteTime.Read(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6)));
        return list;
    }
}

namespace Dala.Platform.Audit;

/// <summary>
/// One write, as recorded: when, who (user:NAME, key:NAME, cli:OSUSER, ndt7 or anonymous), what (the method and route or
/// the CLI verb), on what (the path or file), from where (a /24 or /48 network, or "cli"), and the outcome (HTTP status,
/// or the CLI's exit code).
/// </summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Origin, int Status);

/// <summary>Which entries to read: a time window [From, To), an actor, at most Limit (newest first).</summary>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, int Limit = 1000);

/// <summary>The audit log: append-only (the stores refuse updates and deletes), read by admins.</summary>
public interface IAuditLog
{
    void Append(AuditEntry entry);

    /// <summary>Entries matching the query, newest first.</summary>
    IReadOnlyList<AuditEntry> Query(AuditQuery query);
}

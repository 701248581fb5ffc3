using Dala.Geo;

namespace Dala.Platform.Audit;

/// <summary>Stamps and appends entries with the injected clock; fields are cut to sane lengths so that no input can bloat the log.</summary>
public sealed class Auditor(IAuditLog log, IClock clock)
{
    public IAuditLog Log => log;

    public AuditEntry Record(string actor, string action, string target, string origin, int status)
    {
        var e = new AuditEntry(0, clock.Now, Cut(actor, 200), Cut(action, 200), Cut(target, 1000), Cut(origin, 100), status);
        log.Append(e);
        return e;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}

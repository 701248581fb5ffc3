using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Platform.Audit;

/// <summary>The audit log as CSV (one header, one row per entry, times in UTC ISO 8601): the CLI and the API write the same file.</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["id", "at", "actor", "action", "target", "origin", "status"];

    public static void Write(TextWriter writer, IEnumerable<AuditEntry> entries)
    {
        var csv = new CsvWriter(writer);
        csv.Row(Header);
        foreach (var e in entries)
            csv.Row(e.Id, Time(e.At), e.Actor, e.Action, e.Target, e.Origin, e.Status);
    }

    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

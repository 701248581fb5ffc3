using Dala.Registry.Import;
using Spectre.Console;

namespace Dala.Cli;

/// <summary>
/// Prints an import's summary: read / stored / unchanged / skipped per reason / rejected per field and reason.
/// A rejected import prints the same table (stored 0), then names the first rejected rows as file:line: field: reason.
/// </summary>
public static class ReportOutput
{
    /// <summary>How many rejected rows are named one by one; the rest are counted in the table and "... and N more".</summary>
    public const int RowsNamed = 50;

    public static int Print(CliContext ctx, ImportReport report, string store)
    {
        if (!report.Succeeded) return PrintRejected(ctx, report);
        ctx.Out.MarkupLineInterpolated($"Imported [bold]{report.Kind}[/] from {report.File} into {store}");
        var t = Summary();
        t.AddRow("read", N(report.Read));
        t.AddRow("stored (new or changed)", N(report.Stored));
        t.AddRow("unchanged", N(report.Unchanged));
        t.AddRow("skipped", N(report.Skipped.Values.Sum()));
        foreach (var (reason, n) in report.Skipped.OrderByDescending(k => k.Value)) t.AddRow("  " + Markup.Escape(reason), N(n));
        t.AddRow("rejected", "0");
        ctx.Out.Write(t);
        foreach (var note in report.Notes.Take(20)) ctx.Out.WriteLine("note: " + note);
        if (report.Notes.Count > 20) ctx.Out.WriteLine($"note: ... and {report.Notes.Count - 20} more notes");
        return ExitCodes.Ok;
    }

    private static int PrintRejected(CliContext ctx, ImportReport report)
    {
        var rejected = report.Rejected;
        ctx.Err.MarkupLineInterpolated($"[red]error:[/] nothing was imported from {report.File}: {rejected.Count} row(s) rejected; the store is unchanged.");
        var t = Summary();
        t.AddRow("read", N(report.Read));
        t.AddRow("stored", "0");
        t.AddRow("rejected", N(rejected.Count));
        foreach (var r in report.RejectedByReason) t.AddRow("  " + Markup.Escape($"{r.Field}: {r.Reason}"), N(r.Count));
        ctx.Err.Write(t);
        ctx.Err.WriteLine(rejected.Count > RowsNamed ? $"Rejected rows (the first {RowsNamed}):" : "Rejected rows:");
        foreach (var r in rejected.Take(RowsNamed)) ctx.Err.WriteLine("  " + r);
        if (rejected.Count > RowsNamed) ctx.Err.WriteLine($"  ... and {N(rejected.Count - RowsNamed)} more rejected rows");
        return ExitCodes.Rejected;
    }

    private static Table Summary() => new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("rows").RightAligned());

    public static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

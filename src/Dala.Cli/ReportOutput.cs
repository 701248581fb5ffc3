using Dala.Registry.Import;
using Spectre.Console;

namespace Dala.Cli;

/// <summary>Prints an import's summary (read / stored / unchanged / skipped per reason / rejected) and its rejections.</summary>
public static class ReportOutput
{
    public static int Print(CliContext ctx, ImportReport report, string store)
    {
        if (!report.Succeeded)
        {
            ctx.Err.MarkupLineInterpolated($"[red]error:[/] nothing was imported from {report.File}: {report.Rejected.Count} row(s) rejected; the store is unchanged.");
            foreach (var r in report.Rejected) ctx.Err.WriteLine("  " + r);
            return ExitCodes.Rejected;
        }
        ctx.Out.MarkupLineInterpolated($"Imported [bold]{report.Kind}[/] from {report.File} into {store}");
        var t = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("rows").RightAligned());
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

    public static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

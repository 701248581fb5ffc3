using Dala.Quality.Intake;

namespace Dala.Cli;

/// <summary>The summary of a measurement intake: stored, duplicates, quarantined by reason, invalid by rule.</summary>
public static class MeasurementOutput
{
    public static int Print(CliContext ctx, IntakeResult r, string store)
    {
        if (r.FileError is { } error)
        {
            ctx.Err.MarkupLineInterpolated($"[red]error:[/] nothing was imported from {r.Origin}: {error}");
            return ExitCodes.Rejected;
        }
        ctx.Out.WriteLine($"Imported measurements from {r.Origin} into {store}");
        var t = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("lines").RightAligned());
        t.AddRow("read", ReportOutput.N(r.Lines));
        t.AddRow("stored (new)", ReportOutput.N(r.Stored));
        t.AddRow("  of which invalid (kept, not aggregated)", ReportOutput.N(r.StoredInvalid));
        t.AddRow("already stored", ReportOutput.N(r.Duplicates));
        t.AddRow("quarantined", ReportOutput.N(r.Quarantined));
        foreach (var (reason, n) in r.QuarantineReasons.OrderByDescending(k => k.Value)) t.AddRow("  " + Markup.Escape(reason), ReportOutput.N(n));
        ctx.Out.Write(t);
        foreach (var q in r.QuarantineSample.Take(20))
            ctx.Out.WriteLine($"  {r.Origin}:{q.Line}: {string.Join("; ", q.Reasons)}");
        if (r.Quarantined > 20) ctx.Out.WriteLine($"  ... and {r.Quarantined - 20:N0} more (dala quality quarantine)");
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.Globalization;
using Dala.Quality.Cases;

namespace Dala.Cli.Commands;

/// <summary>
/// dala quality cases list|show|open|step|fines — the inspectorate's cases: one per violation, taken step by step
/// (opened -> notice_sent -> response | appeal -> decision -> fined -> closed), each step dated with who took it.
/// A refused step or bad input names the field and exits 2 with nothing stored.
/// </summary>
public static partial class QualityCasesCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var fines = new Option<string?>("--fines")
        {
            Description = "JSON file with the fine tiers and/or MRP values replacing the defaults (see dala quality cases fines)",
            HelpName = "FILE.json",
            Recursive = true,
        };
        var cmd = new Command("cases", "Fines and cases: one case per violation, taken step by step to a decision and a fine worked out from the schedule and the MRP.")
        {
            fines,
            List(store, ctx),
            Show(store, ctx, fines),
            Open(store, ctx, fines),
            Step(store, ctx, fines),
            Fines(ctx, fines),
        };
        return cmd;
    }

    private static CaseDesk Desk(StoreOption store, ParseResult r, CliContext ctx, Option<string?> fines) =>
        new(StoreOption.Cases(store.Open(r, ctx)), Schedule(r, ctx, fines), ctx.Clock);

    private static FineSchedule Schedule(ParseResult r, CliContext ctx, Option<string?> fines)
    {
        if (r.GetValue(fines) is not { } path) return FineSchedule.Default;
        try
        {
            return FineScheduleJson.ReadFile(ctx.FullPath(path));
        }
        catch (InputFileException e)
        {
            throw Refused(ctx, e, path, "the fine schedule");
        }
    }

    internal static CliException Refused(CliContext ctx, InputFileException e, string path, string what)
    {
        foreach (var p in e.Problems.Take(ReportOutput.RowsNamed)) ctx.ErrText.WriteLine(p with { File = path });
        if (e.Problems.Count > ReportOutput.RowsNamed) ctx.ErrText.WriteLine($"... and {e.Problems.Count - ReportOutput.RowsNamed} more");
        return new CliException($"{what} {path} was refused ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}); nothing was stored", ExitCodes.Rejected);
    }

    /// <summary>Runs a case action; a refusal becomes "field: reason", exit 2.</summary>
    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CaseException e)
        {
            throw new CliException($"{(e.Field.StartsWith('-') ? e.Field : "--" + e.Field.Replace('_', '-'))}: {e.Reason}; nothing was stored", ExitCodes.Rejected);
        }
    }

    private static DateOnly? Date(string? text, string option)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new CliException($"{option}: '{text}' is not a date YYYY-MM-DD; nothing was stored", ExitCodes.Rejected);
    }

    private static Command List(StoreOption store, CliContext ctx)
    {
        var state = new Option<string?>("--state") { Description = "Only cases in this state", HelpName = "STATE" };
        state.AcceptOnlyFromAmong([.. CaseNames.States]);
        var op = new Option<string?>("--operator") { Description = "Only this operator's cases", HelpName = "ID" };
        var cmd = new Command("list", "The cases, newest first: state, operator, obligation, unit, period, opened, fine.") { state, op };
        cmd.SetAction(r =>
        {
            var cases = StoreOption.Cases(store.Open(r, ctx)).List(new CaseFilter(CaseNames.State(r.GetValue(state)), r.GetValue(op)));
            if (cases.Count == 0)
            {
                ctx.OutText.WriteLine("no cases: open one with dala quality cases open --from-verdicts VERDICTS.csv");
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "id", "state", "operator", "obligation", "unit", "period", "opened", "fine, tenge", "" }) t.AddColumn(h);
            foreach (var c in cases)
                t.AddRow(c.Id.ToString(CultureInfo.InvariantCulture), StateText(c), Markup.Escape(c.Violation.Operator), Markup.Escape(c.Violation.ObligationId),
                    Markup.Escape(c.Violation.Unit), c.Violation.Period, Day(c.OpenedOn), c.Fine is { } f ? Tenge(f.Tenge) : "-", c.Violation.Synthetic ? "SYNTHETIC" : "");
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static string StateText(QualityCase c) => c.State.Wire() + (c.Outcome is { } o && c.State is CaseState.Decision or CaseState.Closed ? $" ({o.Wire()})" : "");

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Tenge(long t) => t.ToString("N0", CultureInfo.InvariantCulture);
}

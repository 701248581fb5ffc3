using System.CommandLine;
using System.Globalization;
using Dala.Quality.Cases;

namespace Dala.Cli.Commands;

public static partial class QualityCasesCommand
{
    private static Command Open(StoreOption store, CliContext ctx, Option<string?> fines)
    {
        var verdicts = new Option<string?>("--from-verdicts") { Description = "Open one case per violation row of a verdicts CSV (header obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict,...)", HelpName = "VERDICTS.csv" };
        var obligation = new Option<string?>("--obligation") { Description = "The obligation's id", HelpName = "ID" };
        var version = new Option<int?>("--version") { Description = "The obligation's version", HelpName = "N" };
        var op = new Option<string?>("--operator") { Description = "The operator's id", HelpName = "ID" };
        var region = new Option<string?>("--region") { Description = "The region (code)", HelpName = "CODE" };
        var settlement = new Option<string?>("--settlement") { Description = "The settlement, when the unit is one", HelpName = "ID" };
        var from = new Option<string?>("--from") { Description = "The period's first day", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "The period's last day", HelpName = "YYYY-MM-DD" };
        var n = new Option<long?>("--n") { Description = "Tests in the evidence", HelpName = "N" };
        var k = new Option<long?>("--k") { Description = "Tests that met the obligation", HelpName = "K" };
        var estimate = new Option<double?>("--estimate") { Description = "The estimate", HelpName = "X" };
        var low = new Option<double?>("--ci-low") { Description = "The confidence interval's lower end", HelpName = "X" };
        var high = new Option<double?>("--ci-high") { Description = "The confidence interval's upper end", HelpName = "X" };
        var synthetic = new Option<bool>("--synthetic") { Description = "The evidence is synthetic (the case is labelled so everywhere)" };
        var (actor, date, note) = StepOptions();
        var cmd = new Command("open", "Open a case for a violation given by options, or one per violation of a verdicts CSV (a violation with an open case already is skipped).")
            { verdicts, obligation, version, op, region, settlement, from, to, n, k, estimate, low, high, synthetic, actor, date, note };
        cmd.SetAction(r => Run(() =>
        {
            IReadOnlyList<Violation> violations;
            string source;
            if (r.GetValue(verdicts) is { } file)
            {
                var given = new Option[] { obligation, version, op, region, settlement, from, to, n, k, estimate, low, high }.Where(o => r.GetResult(o) is { Implicit: false }).ToArray();
                if (given.Length > 0) throw new CliException($"--from-verdicts takes the violations from the file; do not give {string.Join(", ", given.Select(o => o.Name))} too");
                try
                {
                    violations = VerdictsCsv.ReadFile(ctx.FullPath(file));
                }
                catch (InputFileException e)
                {
                    throw Refused(ctx, e, file, "the verdicts file");
                }
                source = file;
            }
            else
            {
                var missing = new Option[] { obligation, op, region, n, k }.Where(o => r.GetResult(o) is null or { Implicit: true }).Select(o => o.Name).ToArray();
                if (missing.Length > 0) throw new CliException($"give {string.Join(", ", missing)} (or --from-verdicts FILE)", ExitCodes.Rejected);
                violations = [new Violation(r.GetValue(obligation)!.Trim(), r.GetValue(version), r.GetValue(op)!.Trim(), r.GetValue(region)!.Trim(), r.GetValue(settlement)?.Trim(),
                    Date(r.GetValue(from), "--from"), Date(r.GetValue(to), "--to"), r.GetValue(n)!.Value, r.GetValue(k)!.Value,
                    r.GetValue(estimate), r.GetValue(low), r.GetValue(high), r.GetValue(synthetic))];
                source = "the options";
            }
            var desk = Desk(store, r, ctx, fines);
            var ids = desk.Open(violations, r.GetValue(actor)!, Date(r.GetValue(date), "--date"), r.GetValue(note));
            for (var i = 0; i < ids.Count; i++)
            {
                var v = violations[i];
                var what = $"{v.ObligationId} {v.Operator} {v.Unit} {v.Period}{(v.Synthetic ? " (SYNTHETIC)" : "")}";
                ctx.OutText.WriteLine(ids[i] is { } id ? $"opened case {id}: {what}" : $"skipped: {what} already has an open case");
            }
            ctx.OutText.WriteLine($"{ids.Count(i => i is not null)} case(s) opened, {ids.Count(i => i is null)} skipped, from {source}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static (Option<string> Actor, Option<string?> Date, Option<string?> Note) StepOptions() => (
        new Option<string>("--actor") { Description = "Who takes the step (recorded with it)", HelpName = "NAME", Required = true },
        new Option<string?>("--date") { Description = "The step's date (default: today)", HelpName = "YYYY-MM-DD" },
        new Option<string?>("--note") { Description = "A note kept with the step", HelpName = "TEXT" });

    private static Command Step(StoreOption store, CliContext ctx, Option<string?> fines)
    {
        var id = new Argument<long>("ID") { Description = "A case's id (dala quality cases list)" };
        var to = new Option<string>("--to") { Description = "The state to move to", HelpName = "STATE", Required = true };
        to.AcceptOnlyFromAmong([.. CaseNames.States]);
        var outcome = new Option<string?>("--outcome") { Description = "A decision's outcome", HelpName = "upheld|dismissed" };
        outcome.AcceptOnlyFromAmong([.. CaseNames.Outcomes]);
        var (actor, date, note) = StepOptions();
        var cmd = new Command("step", "Take a case's next step: notice_sent, response, appeal, decision (--outcome upheld|dismissed), fined (the fine is worked out), closed.")
            { id, to, actor, date, note, outcome };
        cmd.SetAction(r => Run(() =>
        {
            var desk = Desk(store, r, ctx, fines);
            var c = desk.Step(r.GetValue(id), new StepRequest(CaseNames.State(r.GetValue(to))!.Value, r.GetValue(actor)!, Date(r.GetValue(date), "--date"),
                r.GetValue(note), CaseNames.Outcome(r.GetValue(outcome))));
            var s = c.Steps[^1];
            ctx.OutText.WriteLine($"case {c.Id}: {StateText(c)} on {Day(s.Date)} by {s.Actor}");
            if (s.State == CaseState.Fined && c.Fine is { } f) ctx.OutText.WriteLine("fine: " + FineText(f));
            var next = CaseStateMachine.Next(c.State, c.Outcome);
            ctx.OutText.WriteLine(next.Count == 0 ? "the case is closed" : $"next: {string.Join(" or ", next.Select(x => x.Wire()))}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    internal static string FineText(Fine f) =>
        $"{f.Tier} violation: {f.Mrp.ToString(CultureInfo.InvariantCulture)} MRP x {Tenge(f.MrpTenge)} tenge (the MRP in force on the decision's date " +
        $"{Day(f.DecidedOn)}, year {f.MrpYear.ToString(CultureInfo.InvariantCulture)}) = {Tenge(f.Tenge)} tenge";
}

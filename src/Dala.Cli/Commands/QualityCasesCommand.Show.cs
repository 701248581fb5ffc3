using System.CommandLine;
using System.Globalization;
using Dala.Quality.Cases;

namespace Dala.Cli.Commands;

public static partial class QualityCasesCommand
{
    private static Command Show(StoreOption store, CliContext ctx, Option<string?> fines)
    {
        var id = new Argument<long>("ID") { Description = "A case's id (dala quality cases list)" };
        var cmd = new Command("show", "A case: the violation's figures with its interval, the timeline of steps (date, state, who, note) and the fine worked out.") { id };
        cmd.SetAction(r => Run(() =>
        {
            var desk = Desk(store, r, ctx, fines);
            var c = desk.Get(r.GetValue(id));
            var v = c.Violation;
            string X(double? x) => x?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
            ctx.OutText.WriteLine($"case {c.Id}: {StateText(c)}{(v.Synthetic ? "   SYNTHETIC evidence" : "")}");
            ctx.OutText.WriteLine($"obligation {v.ObligationId}{(v.ObligationVersion is { } ver ? $" v{ver}" : "")}, operator {v.Operator}, unit {v.Unit}, period {v.Period}");
            ctx.OutText.WriteLine($"evidence: k = {v.K:N0} of n = {v.N:N0}, estimate {X(v.Estimate)}, interval [{X(v.CiLow)}, {X(v.CiHigh)}]");
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "date", "step", "by", "note" }) t.AddColumn(h);
            foreach (var s in c.Steps)
                t.AddRow(Day(s.Date), s.State.Wire() + (s.Outcome is { } o ? $" ({o.Wire()})" : ""), Markup.Escape(s.Actor), Markup.Escape(s.Note ?? ""));
            ctx.Out.Write(t);
            if (c.Fine is { } kept) ctx.OutText.WriteLine("fine: " + FineText(kept));
            else if (desk.WorkFine(c, out var why) is { } preview) ctx.OutText.WriteLine("fine (worked out now, imposed at the step fined): " + FineText(preview));
            else ctx.OutText.WriteLine($"fine: none ({why})");
            var next = CaseStateMachine.Next(c.State, c.Outcome);
            ctx.OutText.WriteLine(next.Count == 0 ? "the case is closed" : $"next: {string.Join(" or ", next.Select(x => x.Wire()))}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Fines(CliContext ctx, Option<string?> fines)
    {
        var year = new Option<int?>("--year") { Description = "Work the example fines for a decision in this year (default: this year)", HelpName = "YYYY" };
        var cmd = new Command("fines", "The fine schedule (tiers in MRP, the repeat period, their source) and the MRP by year; a fine = tier MRP x the MRP in force on the decision's date.") { year };
        cmd.SetAction(r =>
        {
            var s = Schedule(r, ctx, fines);
            string I(int x) => x.ToString(CultureInfo.InvariantCulture);
            ctx.OutText.WriteLine($"tiers{(s.Assumption ? " (ASSUMPTION: not verified against the Code; replace with --fines FILE.json)" : "")}:");
            ctx.OutText.WriteLine($"  first violation: {I(s.FirstMrp)} MRP");
            ctx.OutText.WriteLine($"  repeat (another violation of the operator upheld within {I(s.RepeatWithinMonths)} months before the decision): {I(s.RepeatMrp)} MRP");
            ctx.OutText.WriteLine($"  source: {s.Source}");
            ctx.OutText.WriteLine("MRP, tenge (the value in force on the decision's date counts; its year is the decision's year):");
            foreach (var m in s.Mrp.Values) ctx.OutText.WriteLine($"  from {Day(m.From)}: {Tenge(m.Tenge)}   ({m.Source})");
            var y = r.GetValue(year) ?? ctx.Clock.Now.Year;
            if (y is < 1 or > 9998) throw new CliException("--year: not a year", ExitCodes.Rejected);
            var day = new DateOnly(y, 12, 31);
            if (s.Work(day, [], out var why) is { } first)
            {
                var repeat = s.Work(day, [day], out _)!;
                ctx.OutText.WriteLine($"a decision on {Day(day)}: {FineText(first)}; {FineText(repeat)}");
            }
            else ctx.OutText.WriteLine($"a decision in {I(y)}: no fine can be worked out ({why})");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}

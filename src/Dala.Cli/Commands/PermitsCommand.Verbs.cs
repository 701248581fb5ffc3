using System.CommandLine;
using Dala.Permits.Analytics;
using Dala.Permits.Model;
using Spectre.Console;

namespace Dala.Cli.Commands;

public static partial class PermitsCommand
{
    private static Command Survival(StoreOption store, CliContext ctx, Option<string?> asOf)
    {
        var by = new Option<string>("--by") { Description = "Group the curves by region, operator or all (the country)", HelpName = "region|operator|all", DefaultValueFactory = _ => PermitGroups.Region };
        by.AcceptOnlyFromAmong([.. PermitGroups.Names]);
        var output = Out("the curves (group,day,at_risk,events,survival: one row per group and day with at least one request on air)");
        var cmd = new Command("survival", "Kaplan-Meier curves of days from opened to on air; requests not on air by the as-of date are censored there, " +
                                          "requests opened after it are left out (and counted).") { by, output };
        cmd.SetAction(r =>
        {
            var result = PermitSurvival.Compute(All(store, r, ctx), AsOf(r, asOf, ctx), r.GetValue(by)!);
            var t = new Table().Border(TableBorder.Simple).Title($"Time to on air by {result.By}, as of {result.AsOf:yyyy-MM-dd}")
                .AddColumn("group").AddColumn(new TableColumn("requests").RightAligned()).AddColumn(new TableColumn("on air").RightAligned())
                .AddColumn(new TableColumn("censored").RightAligned()).AddColumn(new TableColumn("median days").RightAligned())
                .AddColumn(new TableColumn("S(365)").RightAligned());
            foreach (var c in result.Curves)
                t.AddRow(Markup.Escape(c.Group), N(c.N), N(c.Events), N(c.Censored), c.Median?.ToString(Inv) ?? "-", c.At(365).ToString("0.000", Inv));
            ctx.Out.Write(t);
            foreach (var note in result.Notes()) ctx.OutText.WriteLine("note: " + note);
            WriteCsv(ctx, r.GetValue(output), w => PermitCsv.Survival(w, result));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Stages(StoreOption store, CliContext ctx, Option<string?> asOf, Option<string[]> sla, Option<string[]> names)
    {
        var output = Out("the days per stage per region");
        var cmd = new Command("stages", "Days per stage per region (median, p90; KZ is the country) against each stage's SLA, from the stages passed by the as-of date.") { output, sla, names };
        cmd.SetAction(r =>
        {
            var stages = StageSettings(r, sla, names);
            var rows = StageDurations.Compute(All(store, r, ctx), AsOf(r, asOf, ctx), stages);
            var t = new Table().Border(TableBorder.Simple).AddColumn("region").AddColumn("stage").AddColumn(new TableColumn("n").RightAligned())
                .AddColumn(new TableColumn("median").RightAligned()).AddColumn(new TableColumn("p90").RightAligned()).AddColumn(new TableColumn("SLA").RightAligned());
            foreach (var s in rows)
                t.AddRow(s.Region, Markup.Escape(s.Name), N(s.N), (s.MedianOverSla ? "[red]" : "") + s.Median.ToString("0.#", Inv) + (s.MedianOverSla ? "[/]" : ""),
                    s.P90.ToString("0.#", Inv), N(s.SlaDays));
            ctx.Out.Write(t);
            if (rows.Count == 0) ctx.OutText.WriteLine("no stage passed yet: import requests with dala import permits");
            WriteCsv(ctx, r.GetValue(output), w => PermitCsv.Stages(w, rows));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Overdue(StoreOption store, CliContext ctx, Option<string?> asOf, Option<string[]> sla, Option<string[]> names)
    {
        var output = Out("the overdue requests");
        var cmd = new Command("overdue", "Open requests waiting on a stage longer than its SLA: the stage, who holds it, since when, days over; most days over first.") { output, sla, names };
        cmd.SetAction(r =>
        {
            var day = AsOf(r, asOf, ctx);
            var rows = Dala.Permits.Analytics.Overdue.Compute(All(store, r, ctx), day, StageSettings(r, sla, names));
            var t = new Table().Border(TableBorder.Simple).Title($"{rows.Count} request(s) past their SLA on {day:yyyy-MM-dd}")
                .AddColumn("request").AddColumn("operator").AddColumn("region").AddColumn("waits for").AddColumn("held by").AddColumn("since")
                .AddColumn(new TableColumn("days").RightAligned()).AddColumn(new TableColumn("over").RightAligned());
            foreach (var o in rows)
                t.AddRow(Markup.Escape(o.RequestId), Markup.Escape(o.Operator), o.Region, Markup.Escape(o.StageName), Markup.Escape(o.Holder),
                    o.WaitingSince.ToString("yyyy-MM-dd", Inv), N(o.DaysWaiting), N(o.DaysOver));
            ctx.Out.Write(t);
            WriteCsv(ctx, r.GetValue(output), w => PermitCsv.Overdue(w, rows));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Forecast(StoreOption store, CliContext ctx, Option<string?> asOf)
    {
        var output = Out("the forecasts");
        var cmd = new Command("forecast", "A forecast on-air date for every open request: the conditional median of its region's Kaplan-Meier curve given the days " +
                                          "it has waited (the country's when the region's does not fall to half; none when neither does).") { output };
        cmd.SetAction(r =>
        {
            var day = AsOf(r, asOf, ctx);
            var rows = Forecasts.Compute(All(store, r, ctx), day);
            var t = new Table().Border(TableBorder.Simple).Title($"{rows.Count} open request(s) on {day:yyyy-MM-dd}")
                .AddColumn("request").AddColumn("operator").AddColumn("region").AddColumn("opened").AddColumn(new TableColumn("waited").RightAligned())
                .AddColumn("waits for").AddColumn("on air (forecast)").AddColumn("from");
            foreach (var f in rows)
                t.AddRow(Markup.Escape(f.RequestId), Markup.Escape(f.Operator), f.Region, f.Opened.ToString("yyyy-MM-dd", Inv), N(f.DaysWaited), f.Waiting,
                    f.OnAir?.ToString("yyyy-MM-dd", Inv) ?? "none", f.Basis);
            ctx.Out.Write(t);
            if (rows.Any(f => f.Basis != Forecasts.ByRegion))
                ctx.OutText.WriteLine("note: 'country' uses the whole country's curve where the region's does not fall to half; 'none': neither does, no date");
            WriteCsv(ctx, r.GetValue(output), w => PermitCsv.Forecast(w, rows));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Set(StoreOption store, CliContext ctx)
    {
        var id = new Argument<string>("REQUEST") { Description = "The request id" };
        var stage = new Option<string>("--stage") { Description = "The stage", HelpName = string.Join("|", PermitStages.Keys), Required = true };
        stage.AcceptOnlyFromAmong([.. PermitStages.Keys]);
        var date = new Option<string?>("--date") { Description = "The day the stage was passed (YYYY-MM-DD); without it the stage's date is cleared", HelpName = "YYYY-MM-DD" };
        var cmd = new Command("set", "Set (or clear) one stage's date of a stored request; refused, with nothing stored, when the dates would be out of order.") { id, stage, date };
        cmd.SetAction(r =>
        {
            var permits = StoreOption.Permits(store.Open(r, ctx));
            var request = permits.Get(r.GetValue(id)!) ?? throw new CliException($"REQUEST: no request '{r.GetValue(id)}'; nothing was stored", ExitCodes.Rejected);
            var key = r.GetValue(stage)!;
            var changed = request.WithStage(key, r.GetValue(date) is { } text ? Date(text, "--date") : null);
            var problems = PermitRules.Problems(changed, DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime));
            if (problems.Count > 0)
                throw new CliException(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Reason}")) + "; nothing was stored", ExitCodes.Rejected);
            permits.Save([changed]);
            ctx.OutText.WriteLine($"{changed.RequestId}: {key} {(changed.DateOf(key) is { } d ? d.ToString("yyyy-MM-dd", Inv) : "cleared")}; status {changed.Status}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string N(int n) => ReportOutput.N(n);
}

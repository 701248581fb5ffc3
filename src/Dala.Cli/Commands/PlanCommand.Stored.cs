using System.CommandLine;
using System.Globalization;
using Dala.Rollout.Export;
using Dala.Rollout.Plans;

namespace Dala.Cli.Commands;

public static partial class PlanCommand
{
    private static Command List(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("list", "List the plans kept in the store, newest first.");
        cmd.SetAction(r =>
        {
            var plans = StoreOption.Plans(store.Open(r, ctx)).ListPlans();
            if (plans.Count == 0)
            {
                ctx.OutText.WriteLine("no plans: make one with dala plan national --out PLAN.csv");
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "id", "name", "created", "mode", "settlements", "NPV", "gap", "targets", "" }) t.AddColumn(h);
            foreach (var p in plans)
            {
                var s = p.Summary;
                t.AddRow(p.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Name), p.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.Mode,
                    s.Settlements.ToString("N0"), (s.TotalNpvTenge / 1e9).ToString("N2", CultureInfo.InvariantCulture) + " bn ₸",
                    (s.Gap * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%", s.TargetsMet ? "met" : "not met", p.Synthetic ? "SYNTHETIC" : "");
            }
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Argument<long> PlanId(string name = "ID") => new(name) { Description = "A plan's id (dala plan list)" };

    private static RolloutPlan Load(StoreOption store, ParseResult r, CliContext ctx, long id) =>
        StoreOption.Plans(store.Open(r, ctx)).GetPlan(id) ?? throw new CliException($"no plan {id} in the store (dala plan list shows them)", ExitCodes.Rejected);

    private static Command Show(StoreOption store, CliContext ctx)
    {
        var id = PlanId();
        var csv = new Option<string?>("--out") { Description = "Write the plan as CSV", HelpName = "PLAN.csv" };
        var geojson = new Option<string?>("--geojson") { Description = "Write the plan as GeoJSON", HelpName = "FILE" };
        var cmd = new Command("show", "Show a kept plan's totals, years and targets; optionally write it again as CSV or GeoJSON.") { id, csv, geojson };
        cmd.SetAction(r =>
        {
            var plan = Load(store, r, ctx, r.GetValue(id));
            if (r.GetValue(csv) is { } c) Write(ctx, c, text => PlanCsv.Write(text, plan));
            if (r.GetValue(geojson) is { } g) WriteJson(ctx, g, w => PlanGeoJson.Write(w, plan));
            PlanOutput.Print(ctx, plan);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Compare(StoreOption store, CliContext ctx)
    {
        var a = PlanId("A");
        var b = PlanId("B");
        var cmd = new Command("compare", "Two kept plans side by side: totals, settlements per technology, and the settlements planned differently (B against A).") { a, b };
        cmd.SetAction(r =>
        {
            var c = PlanComparison.Of(Load(store, r, ctx, r.GetValue(a)), Load(store, r, ctx, r.GetValue(b)));
            string Bn(double v) => (v / 1e9).ToString("N2", CultureInfo.InvariantCulture) + " bn ₸";
            ctx.OutText.WriteLine($"A: #{c.A.Id} '{c.A.Name}' NPV {Bn(c.A.Summary.TotalNpvTenge)}, capex {Bn(c.A.Summary.CapexTenge)}, targets {(c.A.Summary.TargetsMet ? "met" : "not met")}{(c.A.Synthetic ? " (SYNTHETIC)" : "")}");
            ctx.OutText.WriteLine($"B: #{c.B.Id} '{c.B.Name}' NPV {Bn(c.B.Summary.TotalNpvTenge)}, capex {Bn(c.B.Summary.CapexTenge)}, targets {(c.B.Summary.TargetsMet ? "met" : "not met")}{(c.B.Synthetic ? " (SYNTHETIC)" : "")}");
            ctx.OutText.WriteLine($"B - A: NPV {Bn(c.NpvDifferenceTenge)}, capex {Bn(c.CapexDifferenceTenge)}");
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "technology", "settlements A", "settlements B", "capex A", "capex B" }) t.AddColumn(h);
            foreach (var x in c.Technologies) t.AddRow(Markup.Escape(x.Technology), x.SettlementsA.ToString("N0"), x.SettlementsB.ToString("N0"), Bn(x.CapexA), Bn(x.CapexB));
            ctx.Out.Write(t);
            ctx.OutText.WriteLine($"settlements planned differently: {c.Settlements.Count:N0}; only in A: {c.OnlyInA:N0}; only in B: {c.OnlyInB:N0}");
            foreach (var d in c.Settlements.Take(20))
                ctx.OutText.WriteLine($"  {d.SettlementId} {d.Name} ({d.Region}): {d.TechnologyA} {d.YearA?.ToString(CultureInfo.InvariantCulture) ?? "-"} -> {d.TechnologyB} {d.YearB?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            if (c.Settlements.Count > 20) ctx.OutText.WriteLine($"  ... and {c.Settlements.Count - 20:N0} more");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}

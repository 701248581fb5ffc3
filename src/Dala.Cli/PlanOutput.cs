using System.Globalization;
using Dala.Rollout.Plans;

namespace Dala.Cli;

/// <summary>A plan's summary on the terminal; the last two lines are total_npv_tenge and lower_bound_tenge (tools read them).</summary>
public static class PlanOutput
{
    private static string Bn(double tenge) => (tenge / 1e9).ToString("N2", CultureInfo.InvariantCulture) + " bn ₸";

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static void Print(CliContext ctx, RolloutPlan plan)
    {
        var s = plan.Summary;
        var w = ctx.OutText;
        w.WriteLine($"plan {(plan.Id > 0 ? $"#{plan.Id} " : "")}'{plan.Name}' ({s.Mode}) as of {s.AsOf:yyyy-MM-dd}, years {s.FirstYear}-{s.LastYear}");
        if (plan.Synthetic) w.WriteLine("SYNTHETIC: the plan rests on synthetic inputs (connectivity scenario, sites or candidates): a demonstration, not advice about real settlements.");
        if (s.Network == "proxy") w.WriteLine("PROXY NETWORK: fibre routes follow straight lines between settlements x 1.2 (no road data).");
        var served = plan.Settlements.Count(l => l.Option == "served");
        w.WriteLine($"settlements: {s.Settlements:N0} rural ({s.Settlements - served:N0} to serve, {served:N0} served today), {s.Population:N0} people");
        var tech = new Table().Border(TableBorder.Simple).Title("by technology");
        foreach (var h in new[] { "technology", "settlements", "people", "capex", "NPV" }) tech.AddColumn(new TableColumn(h) { Alignment = h == "technology" ? Justify.Left : Justify.Right });
        foreach (var t in s.Technologies) tech.AddRow(Markup.Escape(t.Technology), t.Settlements.ToString("N0"), t.Population.ToString("N0"), Bn(t.CapexTenge), Bn(t.NpvTenge));
        ctx.Out.Write(tech);
        var years = new Table().Border(TableBorder.Simple).Title("by year (shares of rural settlements at the year's end)");
        foreach (var h in new[] { "year", "served", "capex", "budget", "fibre km", "sites", "broadband", "≥100 Mbps" }) years.AddColumn(new TableColumn(h) { Alignment = Justify.Right });
        foreach (var y in s.Years)
            years.AddRow(y.Year.ToString(CultureInfo.InvariantCulture), y.SettlementsConnected.ToString("N0"), Bn(y.CapexTenge), y.BudgetTenge > 0 ? Bn(y.BudgetTenge) : "no limit",
                y.FibreKm.ToString("N0"), y.Sites.ToString("N0"), Pct(y.BroadbandShare), Pct(y.Mbps100Share));
        ctx.Out.Write(years);
        foreach (var a in s.Assumptions) w.WriteLine($"assumption: {a}");
        foreach (var t in s.Targets)
            w.WriteLine($"target {(t.Met ? "met" : "NOT MET")}: {t.Label}: {Pct(t.Reached)} by {t.By:yyyy-MM-dd}{(t.Binding is { } b ? $"; binds: {b}" : "")}");
        foreach (var x in s.Shortfalls) w.WriteLine($"  to meet it: {x.Explanation}");
        var late = plan.Settlements.Where(l => l.EarliestYear is not null).ToList();
        if (late.Count > 0) w.WriteLine($"late: {late.Count:N0} settlements miss the date; earliest years {string.Join(", ", late.GroupBy(l => l.EarliestYear).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count():N0}"))}");
        foreach (var bar in plan.Sensitivity)
            w.WriteLine($"sensitivity: {bar.Label} x{bar.Low:0.##}: {Bn(bar.NpvLowTenge)}, x{bar.High:0.##}: {Bn(bar.NpvHighTenge)} (base {Bn(bar.NpvBaseTenge)})");
        w.WriteLine($"capex: {Bn(s.CapexTenge)}; opex at full rollout: {Bn(s.OpexTengePerYear)} a year; NPV: {Bn(s.TotalNpvTenge)}");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gap: {s.Gap * 100:0.000}% (no plan under the same rules costs less than the lower bound){(s.Seconds > 0 ? $"; {s.Seconds:0.0} s" : "")}"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total_npv_tenge: {Math.Round(s.TotalNpvTenge):0}"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lower_bound_tenge: {Math.Round(s.LowerBoundTenge):0}"));
    }
}

using System.Collections.Immutable;
using Dala.Registry.Query;
using Dala.Rollout.Options;
using Dala.Rollout.Phasing;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Planning;

/// <summary>Turns a chosen and scheduled plan into the stored <see cref="RolloutPlan"/>: lines, fibre, sites, years and totals.</summary>
internal sealed partial class PlanAssembly(
    RegistryView view,
    PlanRequest request,
    PlanInstance instance,
    Works works,
    Scheduler scheduler,
    Baseline baseline,
    double staticBound)
{
    private readonly Attribution _money = new(works, scheduler, request.Costs);

    private ChoiceInstance Inst => instance.Choice;

    public RolloutPlan Build()
    {
        var lines = Lines();
        var fibre = Fibre();
        var sites = Sites();
        var years = Years(lines);
        var lastYear = years.Count == 0 ? scheduler.FirstYear : years[^1].Year;
        var npv = _money.Npv.Sum();
        var bound = Math.Min(npv, staticBound * request.Costs.Discount(lastYear - scheduler.FirstYear));
        var outcomes = scheduler.Outcomes(baseline);
        var summary = new PlanSummary(
            request.Mode == PlanMode.LeastCost ? "least-cost" : "most-people", view.AsOf, scheduler.FirstYear, lastYear,
            lines.Count, lines.Sum(l => (long)l.Population), npv, bound, _money.Capex.Sum(), _money.Opex.Sum(),
            outcomes.All(o => o.Met), Technologies(lines), years, RegionYears(lines), outcomes, scheduler.Shortfalls(),
            [.. instance.Assumptions, .. PhasingAssumptions(lastYear)], Inst.Network.Kind, 0);
        return new RolloutPlan(0, request.Name, default, instance.Synthetic, PlanInputs.Json(request), summary, lines, fibre, sites, []);
    }

    private IEnumerable<string> PhasingAssumptions(int lastYear)
    {
        var p = request.Phasing;
        var budget = (p.BudgetPerYear is { } b ? $"{b / 1e9:N0} bn tenge a year" : "no national budget limit") +
                     string.Concat(p.RegionBudgetPerYear.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $", {kv.Key} {kv.Value / 1e9:N2} bn a year"));
        yield return $"phasing from {view.AsOf:yyyy-MM-dd}: {budget}; {p.FibreKmPerRegionYear:N0} km of fibre and {p.SitesPerRegionYear:N0} site works per region a year; " +
                     $"{scheduler.FirstYear} counted pro rata from the plan date; a new mast carries traffic {p.PermitLeadMonths} months after the plan date at the earliest" +
                     (p.EarliestOnAirByRegion.Count == 0 ? "" : "; in " + string.Join(", ", p.EarliestOnAirByRegion.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                         .Select(kv => $"{kv.Key} from {kv.Value:yyyy-MM-dd}")) + " (the regions' permit records: median time to on air)");
        yield return $"money is spent in the year a service starts; NPV discounts each year to {scheduler.FirstYear}; the lower bound is the technology choice's bound discounted to {lastYear}, the last year used";
    }

    private List<FibreSegment> Fibre()
    {
        var list = new List<FibreSegment>();
        var net = Inst.Network;
        foreach (var e in works.Sol.TreeEdges)
        {
            if (scheduler.EdgeYears[e] is not { } year) continue;
            var edge = Inst.FibreGraph.Edge(e);
            var child = works.ParentEdge[edge.V] == e ? edge.V : edge.U;
            var parent = child == edge.V ? edge.U : edge.V;
            var (a, b) = (net.Positions[child], net.Positions[parent]);
            list.Add(new FibreSegment(a.Lon, a.Lat, b.Lon, b.Lat, net.EdgeKm[e], Inst.EdgeCapex[e], year, works.EdgeRegion[e]));
        }
        return list;
    }

    private List<PlannedSite> Sites()
    {
        var users = _money.FacilityUsers;
        return
        [
            .. Inst.Facilities.Select((f, j) => (f, j)).Where(x => scheduler.FacilityYears[x.j] is not null).Select(x => new PlannedSite(
                x.f.Id, x.f.Kind.WireName(), x.f.Location.Lon, x.f.Location.Lat, x.f.Region, scheduler.FacilityYears[x.j]!.Value, x.f.Capex, users[x.j], x.f.Candidate)),
        ];
    }

    private static List<TechnologyTotal> Technologies(IReadOnlyList<SettlementPlan> lines) =>
    [
        .. lines.GroupBy(l => l.Technology).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TechnologyTotal(g.Key, g.Count(), g.Sum(l => (long)l.Population), g.Sum(l => l.CapexTenge), g.Sum(l => l.NpvTenge))),
    ];

    private static List<RegionYearCost> RegionYears(IReadOnlyList<SettlementPlan> lines) =>
    [
        .. lines.Where(l => l.Year is not null && l.CapexTenge > 0).GroupBy(l => (l.Region, l.Year!.Value, l.Technology))
            .OrderBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Value).ThenBy(g => g.Key.Technology, StringComparer.Ordinal)
            .Select(g => new RegionYearCost(g.Key.Region, g.Key.Value, g.Key.Technology, g.Sum(l => l.CapexTenge), g.Count())),
    ];
}

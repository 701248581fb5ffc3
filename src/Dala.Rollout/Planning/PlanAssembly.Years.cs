using Dala.Rollout.Plans;

namespace Dala.Rollout.Planning;

internal sealed partial class PlanAssembly
{
    private List<PlanYear> Years(IReadOnlyList<SettlementPlan> lines)
    {
        var last = scheduler.LastYear(request.Targets);
        var years = new List<PlanYear>();
        var popOf = new long[Inst.Count];
        for (var i = 0; i < Inst.Count; i++) popOf[i] = Inst.Customers[i].Demand.Population;
        for (var y = scheduler.FirstYear; y <= last; y++)
        {
            var (bb, bbPop, m100, m100Pop) = (baseline.Broadband, baseline.BroadbandPopulation, baseline.Mbps100, baseline.Mbps100Population);
            for (var i = 0; i < Inst.Count; i++)
            {
                if (scheduler.Counted(i, "broadband", y)) { bb++; bbPop += popOf[i]; }
                if (scheduler.Counted(i, "mbps100", y)) { m100++; m100Pop += popOf[i]; }
            }
            var budget = scheduler.Ledger.Budget(y);
            var total = Math.Max(1, baseline.Total);
            var year = y;
            years.Add(new PlanYear(y, lines.Count(l => l.Year == year), scheduler.Ledger.CapexUsed(y),
                lines.Where(l => l.Year <= year).Sum(l => l.OpexTengePerYear),
                Enumerable.Range(0, Inst.FibreGraph.EdgeCount).Where(e => scheduler.EdgeYears[e] == year).Sum(e => Inst.Network.EdgeKm[e]),
                scheduler.FacilityYears.Count(f => f == year), double.IsFinite(budget) ? budget : 0,
                bb, m100, bbPop, m100Pop, (double)bb / total, (double)m100 / total));
        }
        return years;
    }
}

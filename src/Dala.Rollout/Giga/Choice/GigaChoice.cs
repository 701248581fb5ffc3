using System.Collections.Immutable;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Choice;

/// <summary>
/// Giga's EconomiesOfScaleMinimizer: each school's baseline is its cheapest feasible option outside the networked technology
/// (fibre when the scenario has fibre, else P2P); the network is split by root in order of first connection and each tree is
/// pruned (CostTreePruner, or CostTreePrunerV2 when scenario_id is "minimum_cost_giga", as Giga's minimizer picks); the schools
/// left in a tree take the networked technology, the others their baseline, or None when nothing is feasible.
/// </summary>
public static class GigaChoice
{
    public static GigaPlan Run(CaseCosts costs)
    {
        var networked = costs.Scenario.Has(Technology.Fiber) ? Technology.Fiber : costs.Scenario.Has(Technology.P2P) ? Technology.P2P : Technology.None;
        var baseline = BaselineLookup.Run(costs, new HashSet<Technology> { networked });
        var parent = new Dictionary<int, string>();
        if (costs.Of(networked) is { } network)
            foreach (var group in network.Network.GroupBy(l => l.RootId))
            {
                var tree = new CostTree(group.Key, group);
                Func<int, double> own = s => costs.Total(networked, s) ?? double.NaN;
                if (costs.Scenario.ScenarioId == "minimum_cost_giga") CostTreePruner.RunV2(tree, own, s => baseline[s].Total);
                else CostTreePruner.Run(tree, own, s => baseline[s].Total);
                foreach (var l in tree.Members) parent[l.School] = l.ParentId;
            }
        var choices = Enumerable.Range(0, costs.Case.Schools.Length).Select(i =>
            parent.TryGetValue(i, out var p) ? new SchoolChoice(i, networked, p, costs.Total(networked, i) ?? double.NaN)
            : double.IsFinite(baseline[i].Total) ? new SchoolChoice(i, baseline[i].Technology, null, baseline[i].Total)
            : new SchoolChoice(i, Technology.None, null, double.NaN));
        return new GigaPlan(costs, [.. choices]);
    }
}

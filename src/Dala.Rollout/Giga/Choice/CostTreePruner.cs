namespace Dala.Rollout.Giga.Choice;

/// <summary>
/// Giga's CostTreePruner (the one its scenario uses unless scenario_id is "minimum_cost_giga"): while the summed totals of the
/// tree's schools for the networked technology exceed (strictly) their summed baselines and more than the root is left, cut
/// the largest leaf. Sums run in node order; an infeasible school (NaN) or a school without baseline (+∞) stops the pruning.
/// </summary>
internal static class CostTreePruner
{
    public static void Run(CostTree tree, Func<int, double> networked, Func<int, double> baseline)
    {
        while (Sum(tree, networked) > Sum(tree, baseline) && tree.NodeCount > 1) tree.RemoveLargestLeaf();
    }

    /// <summary>
    /// Giga's CostTreePrunerV2 (scenario_id "minimum_cost_giga"): the whole tree goes when its summed totals exceed its summed
    /// baselines; otherwise pass after pass every current leaf whose baseline is cheaper (strictly) leaves, until a pass removes none.
    /// </summary>
    public static void RunV2(CostTree tree, Func<int, double> networked, Func<int, double> baseline)
    {
        if (Sum(tree, networked) > Sum(tree, baseline))
        {
            tree.Clear();
            return;
        }
        var removed = true;
        while (removed && tree.NodeCount > 1)
        {
            removed = false;
            foreach (var s in tree.Leaves().ToList())
                if (baseline(s) < networked(s)) { tree.Remove(s); removed = true; }
        }
    }

    private static double Sum(CostTree tree, Func<int, double> cost)
    {
        var sum = 0.0;
        foreach (var l in tree.Members) sum += cost(l.School);
        return sum;
    }
}

using System.Collections.Immutable;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// A technology choice: per customer the index of its option, or <see cref="Fibre"/> (-1) for fibre, or
/// <see cref="Unserved"/> (-2) when it has no option at all; the fibre edges laid; the total life-cycle cost.
/// </summary>
public sealed record ChoiceSolution(ImmutableArray<int> Assigned, ImmutableArray<int> TreeEdges, double Cost)
{
    public const int Fibre = -1;
    public const int Unserved = -2;

    /// <summary>The cost of a choice: facilities used (once), options, fibre settlements and the edges of the tree.</summary>
    public static double CostOf(ChoiceInstance inst, IReadOnlyList<int> assigned, IEnumerable<int> edges)
    {
        var used = new bool[inst.Facilities.Length];
        double cost = 0;
        for (var i = 0; i < assigned.Count; i++)
        {
            var a = assigned[i];
            if (a == Fibre) cost += inst.FibreOption[i]!.Value.Cost;
            else if (a >= 0)
            {
                var o = inst.Options[i][a];
                cost += o.Cost;
                if (o.Facility >= 0) used[o.Facility] = true;
            }
        }
        for (var f = 0; f < used.Length; f++)
            if (used[f]) cost += inst.Facilities[f].Cost;
        foreach (var e in edges) cost += inst.FibreGraph.Cost(e);
        return cost;
    }
}

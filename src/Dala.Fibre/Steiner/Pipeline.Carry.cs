using Dala.Fibre.Heuristics;
using Dala.Fibre.Reduction;

namespace Dala.Fibre.Steiner;

internal sealed partial class Pipeline
{
    /// <summary>
    /// A tree found earlier (original edges) brought onto the current snapshot: the MST of the subgraph its
    /// surviving nodes induce, pruned; when that leaves terminals apart, a shortest path construction that prefers
    /// those nodes' edges.
    /// </summary>
    private int[] Project(WorkGraph work, Instance inst, int[] workNode, int[] originalEdges)
    {
        var g = inst.Graph;
        var index = new int[work.NodeCount];
        Array.Fill(index, -1);
        for (var v = 0; v < workNode.Length; v++) index[workNode[v]] = v;
        var inV = new bool[inst.NodeCount];
        foreach (var t in inst.Terminals) inV[t] = true;
        var original = problem.Graph;
        foreach (var e in originalEdges)
        {
            if (index[original.Tail[e]] >= 0) inV[index[original.Tail[e]]] = true;
            if (index[original.Head[e]] >= 0) inV[index[original.Head[e]]] = true;
        }
        var tree = TreeOps.Prune(inst, TreeOps.InducedMst(inst, inV));
        if (TreeOps.IsSteinerTree(inst, tree)) return tree;
        var costs = new long[inst.EdgeCount];
        var penalty = Math.Min(inst.Costs.Sum() + 1, Algorithms.Voronoi.Infinity / 4);
        for (var e = 0; e < costs.Length; e++) costs[e] = inst.Costs[e] + (inV[g.Tail[e]] && inV[g.Head[e]] ? 0 : penalty);
        return ShortestPathHeuristic.Instance.Build(inst, costs, inst.Terminals[0]);
    }
}

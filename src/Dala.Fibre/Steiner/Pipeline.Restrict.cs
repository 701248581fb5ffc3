using Dala.Fibre.Bounds;
using Dala.Fibre.Reduction;

namespace Dala.Fibre.Steiner;

internal sealed partial class Pipeline
{
    /// <summary>
    /// Deletes what cannot be in a tree as cheap as the incumbent, then reduces; false when nothing could be
    /// deleted. The incumbent's cost is first tried as a proof: costs are integers, so if deleting what cannot be
    /// in a strictly cheaper tree leaves the terminals apart, the incumbent is optimal.
    /// </summary>
    private bool Restrict(WorkGraph work, Instance inst, int[] we, int[] wn, List<DualAscentResult> ascents)
    {
        var target = _best.Cost - work.FixedCost;
        var (nodes, edges, count) = Fixes(inst, ascents, target - 1);
        if (count > 0 && !TerminalsConnected(inst, nodes, edges))
        {
            _best.Bound(_best.Cost);
            return true;
        }
        (nodes, edges, count) = Fixes(inst, ascents, target);
        if (count == 0) return false;
        for (var v = 0; v < inst.NodeCount; v++) if (nodes[v]) work.DeleteNode(wn[v]);
        for (var e = 0; e < inst.EdgeCount; e++) if (edges[e]) work.DeleteEdge(we[e]);
        Reducer.Run(work, _deadline);
        return true;
    }

    private static (bool[] Nodes, bool[] Edges, int Count) Fixes(Instance inst, List<DualAscentResult> ascents, long target)
    {
        var nodes = new bool[inst.NodeCount];
        var edges = new bool[inst.EdgeCount];
        var count = 0;
        foreach (var a in ascents)
        {
            var fixes = ReducedCostFixing.Find(inst, a, target);
            for (var v = 0; v < inst.NodeCount; v++) if (fixes.Node[v] && !nodes[v]) { nodes[v] = true; count++; }
            for (var e = 0; e < inst.EdgeCount; e++) if (fixes.Edge[e] && !edges[e]) { edges[e] = true; count++; }
        }
        return (nodes, edges, count);
    }

    private static bool TerminalsConnected(Instance inst, bool[] deletedNodes, bool[] deletedEdges)
    {
        var g = inst.Graph;
        var seen = new bool[inst.NodeCount];
        var stack = new Stack<int>();
        seen[inst.Terminals[0]] = true;
        stack.Push(inst.Terminals[0]);
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
            {
                var w = g.AdjNode[i];
                if (seen[w] || deletedNodes[w] || deletedEdges[g.AdjEdge[i]]) continue;
                seen[w] = true;
                stack.Push(w);
            }
        }
        return inst.Terminals.All(t => seen[t]);
    }
}

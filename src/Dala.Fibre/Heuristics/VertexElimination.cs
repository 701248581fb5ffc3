using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Steiner-vertex elimination: drop one non-terminal of the tree and take the MST of the subgraph induced by the
/// rest (Kruskal over the induced edges, sorted once per tree), pruned. First improvement.
/// </summary>
internal sealed class VertexElimination : ITreeMove
{
    public bool TryImprove(Instance inst, ref int[] tree)
    {
        var g = inst.Graph;
        var uf = new StampedUnionFind(inst.NodeCount);
        var pruned = new PruneCost(inst);
        var chosen = new List<int>();
        var improved = false;
        var (vertices, induced, cost) = State(inst, tree);
        for (var k = 0; k < vertices.Length; k++)
        {
            var w = vertices[k];
            if (inst.IsTerminal[w]) continue;
            uf.Reset();
            chosen.Clear();
            foreach (var e in induced)
                if (g.Tail[e] != w && g.Head[e] != w && uf.Union(g.Tail[e], g.Head[e])) chosen.Add(e);
            if (chosen.Count != vertices.Length - 2 || pruned.Of(chosen) >= cost) continue;
            var next = TreeOps.Prune(inst, chosen);
            var nextCost = TreeOps.Cost(inst, next);
            if (nextCost >= cost) continue;
            tree = TreeOps.Normalize(inst, next);
            (vertices, induced, cost) = State(inst, tree);
            k = -1;
            improved = true;
        }
        return improved;
    }

    private static (int[] Vertices, int[] Induced, long Cost) State(Instance inst, int[] tree)
    {
        var g = inst.Graph;
        var inV = new bool[inst.NodeCount];
        foreach (var e in tree) inV[g.Tail[e]] = inV[g.Head[e]] = true;
        var vertices = Enumerable.Range(0, inst.NodeCount).Where(v => inV[v]).ToArray();
        var induced = new List<int>();
        foreach (var v in vertices)
            foreach (var e in g.IncidentEdges(v))
                if (inst.Other(e, v) > v && inV[inst.Other(e, v)]) induced.Add(e);
        return (vertices, [.. induced.OrderBy(e => g.Costs[e])], TreeOps.Cost(inst, tree));
    }
}

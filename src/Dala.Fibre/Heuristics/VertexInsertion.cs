using Dala.Fibre.Algorithms;
using Dala.Fibre.Reduction;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Steiner-vertex insertion: for a vertex outside the tree with two or more tree neighbours, the MST of the tree
/// plus its edges (Kruskal over both, the tree being the MST of its own vertices), pruned. First improvement.
/// A candidate is skipped unless two of its tree neighbours have a tree path with an edge dearer than both of
/// its edges to them (bottleneck queries on the tree's Kruskal tree): otherwise nothing can change.
/// </summary>
internal sealed class VertexInsertion : ITreeMove
{
    public bool TryImprove(Instance inst, ref int[] tree)
    {
        var g = inst.Graph;
        var uf = new StampedUnionFind(inst.NodeCount);
        var pruned = new PruneCost(inst);
        var improved = false;
        var (inV, sorted, cost, leaf, bottleneck) = State(inst, tree);
        var star = new List<int>();
        var chosen = new List<int>();
        for (var v = 0; v < inst.NodeCount; v++)
        {
            if (inV[v]) continue;
            star.Clear();
            foreach (var e in g.IncidentEdges(v))
                if (inV[inst.Other(e, v)]) star.Add(e);
            if (star.Count < 2) continue;
            star.Sort((a, b) => g.Costs[a].CompareTo(g.Costs[b]));
            if (!MayGain(inst, v, star, leaf, bottleneck)) continue;
            uf.Reset();
            chosen.Clear();
            int i = 0, j = 0;
            while (i < sorted.Length || j < star.Count)
            {
                var e = j >= star.Count || (i < sorted.Length && g.Costs[sorted[i]] <= g.Costs[star[j]]) ? sorted[i++] : star[j++];
                if (uf.Union(g.Tail[e], g.Head[e])) chosen.Add(e);
            }
            if (pruned.Of(chosen) >= cost) continue;
            var next = TreeOps.Normalize(inst, chosen);
            var nextCost = TreeOps.Cost(inst, next);
            if (nextCost >= cost) continue;
            tree = next;
            (inV, sorted, cost, leaf, bottleneck) = State(inst, tree);
            improved = true;
        }
        return improved;
    }

    private static bool MayGain(Instance inst, int v, List<int> star, int[] leaf, BottleneckTree bottleneck)
    {
        for (var j = 1; j < star.Count; j++)
        {
            var uj = leaf[inst.Other(star[j], v)];
            for (var i = 0; i < j; i++)
                if (bottleneck.Bottleneck(leaf[inst.Other(star[i], v)], uj) > inst.Costs[star[j]]) return true;
        }
        return false;
    }

    private static (bool[] InV, int[] Sorted, long Cost, int[] Leaf, BottleneckTree Bottleneck) State(Instance inst, int[] tree)
    {
        var g = inst.Graph;
        var inV = new bool[inst.NodeCount];
        var leaf = new int[inst.NodeCount];
        var count = 0;
        foreach (var e in tree)
            foreach (var x in (ReadOnlySpan<int>)[g.Tail[e], g.Head[e]])
                if (!inV[x]) { inV[x] = true; leaf[x] = count++; }
        var sorted = tree.OrderBy(e => inst.Costs[e]).ToArray();
        var links = sorted.Select(e => (inst.Costs[e], leaf[g.Tail[e]], leaf[g.Head[e]])).ToList();
        return (inV, sorted, TreeOps.Cost(inst, tree), leaf, new BottleneckTree(count, links));
    }
}

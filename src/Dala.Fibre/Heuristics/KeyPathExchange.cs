using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Key-path exchange: remove one key path (its inner vertices leave the tree), and reconnect the two halves by
/// the shortest path between them, found through the tree's Voronoi regions (the freed regions recomputed).
/// </summary>
internal sealed class KeyPathExchange(TreeCache? cache = null) : ITreeMove
{
    private readonly TreeCache _cache = cache ?? new TreeCache();

    public bool TryImprove(Instance inst, ref int[] tree)
    {
        var improved = false;
        while (TryOnce(inst, ref tree)) improved = true;
        return improved;
    }

    /// <summary>
    /// One pass over the structures of the tree as it was at the start; moves found later in the pass are
    /// applied to the tree as it is by then, and kept only when the result is a valid, cheaper tree.
    /// </summary>
    private bool TryOnce(Instance inst, ref int[] tree)
    {
        var g = inst.Graph;
        var vor = _cache.For(inst, tree);
        var rooted = vor.Tree;
        var repair = new RegionRepair(inst, vor);
        var cost = TreeOps.Cost(inst, tree);
        var current = new HashSet<int>(tree);
        var improved = false;
        foreach (var path in rooted.Paths)
        {
            repair.Run(path.Interior);
            var best = path.Cost;
            var bestEdge = -1;
            foreach (var (length, e) in vor.Crossing)
            {
                if (length >= best) break;
                if (repair.Freed(g.Tail[e]) || repair.Freed(g.Head[e])) continue;
                if (rooted.InSubtree(vor.Paths.Base[g.Tail[e]], path.Lower) == rooted.InSubtree(vor.Paths.Base[g.Head[e]], path.Lower)) continue;
                (best, bestEdge) = (length, e);
                break;
            }
            foreach (var (length, e) in repair.Local)
            {
                if (length >= best) break;
                if (rooted.InSubtree(repair.Base(g.Tail[e]), path.Lower) == rooted.InSubtree(repair.Base(g.Head[e]), path.Lower)) continue;
                (best, bestEdge) = (length, e);
                break;
            }
            if (bestEdge < 0) continue;
            if (!Present(current, path)) continue;
            var edges = new HashSet<int>(current);
            edges.ExceptWith(path.Edges);
            edges.Add(bestEdge);
            repair.Walk(g.Tail[bestEdge], edges);
            repair.Walk(g.Head[bestEdge], edges);
            var next = TreeOps.Normalize(inst, edges);
            var nextCost = TreeOps.Cost(inst, next);
            if (nextCost >= cost || !TreeOps.IsSteinerTree(inst, next)) continue;
            (tree, cost, improved) = (next, nextCost, true);
            current = [.. next];
        }
        return improved;
    }

    private static bool Present(HashSet<int> current, KeyPath path)
    {
        foreach (var e in path.Edges)
            if (!current.Contains(e)) return false;
        return true;
    }
}

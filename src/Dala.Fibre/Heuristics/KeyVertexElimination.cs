using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Key-vertex elimination: remove a non-terminal of degree ≥ 3 with its key paths, and reconnect the pieces by
/// the MST of their cheapest connecting paths (Kruskal over the Voronoi crossing edges, freed regions recomputed).
/// </summary>
internal sealed class KeyVertexElimination(TreeCache? cache = null) : ITreeMove
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
        var byLower = rooted.Paths.ToDictionary(p => p.Lower);
        var byUpper = rooted.Paths.ToLookup(p => p.Upper);
        var uf = new StampedUnionFind(inst.NodeCount);
        var chosen = new List<int>();
        foreach (var k in rooted.Vertices)
        {
            if (inst.IsTerminal[k] || rooted.Degree[k] < 3) continue;
            var children = byUpper[k].ToArray();
            var parent = byLower[k];
            var removedCost = parent.Cost + children.Sum(p => p.Cost);
            repair.Run(children.SelectMany(p => p.Interior).Concat(parent.Interior).Append(k));
            int Side(int b)
            {
                for (var i = 0; i < children.Length; i++)
                    if (rooted.InSubtree(b, children[i].Lower)) return i + 1;
                return 0;
            }
            uf.Reset();
            chosen.Clear();
            long total = 0;
            var joins = 0;
            int a = 0, l = 0;
            var crossing = vor.Crossing;
            var local = repair.Local;
            while (joins < children.Length && (a < crossing.Length || l < local.Count))
            {
                var fromLocal = a >= crossing.Length || (l < local.Count && local[l].Length < crossing[a].Length);
                var (length, e) = fromLocal ? local[l++] : crossing[a++];
                if (total + length >= removedCost) break;
                if (!fromLocal && (repair.Freed(g.Tail[e]) || repair.Freed(g.Head[e]))) continue;
                if (!uf.Union(Side(repair.Base(g.Tail[e])), Side(repair.Base(g.Head[e])))) continue;
                total += length;
                chosen.Add(e);
                joins++;
            }
            if (joins < children.Length) continue;
            if (!parent.Edges.All(current.Contains) || !children.All(p => p.Edges.All(current.Contains))) continue;
            var edges = new HashSet<int>(current);
            edges.ExceptWith(parent.Edges);
            foreach (var p in children) edges.ExceptWith(p.Edges);
            foreach (var e in chosen)
            {
                edges.Add(e);
                repair.Walk(g.Tail[e], edges);
                repair.Walk(g.Head[e], edges);
            }
            var next = TreeOps.Normalize(inst, edges);
            var nextCost = TreeOps.Cost(inst, next);
            if (nextCost >= cost || !TreeOps.IsSteinerTree(inst, next)) continue;
            (tree, cost, improved) = (next, nextCost, true);
            current = [.. next];
        }
        return improved;
    }
}

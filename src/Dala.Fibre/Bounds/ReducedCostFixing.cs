using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Bounds;

/// <summary>
/// Bound-based elimination after a dual ascent: a tree through node v (or arc u→v) costs at least
/// bound + d(root, v) [+ rc(u→v)] + d(v, nearest other terminal) in reduced costs. What cannot be in any tree
/// cheaper than or as cheap as the incumbent (bound above it) is removed.
/// </summary>
internal static class ReducedCostFixing
{
    public sealed record Fixes(bool[] Node, bool[] Edge, int Nodes, int Edges);

    public static Fixes Find(Instance inst, DualAscentResult da, long upperBound)
    {
        var g = inst.Graph;
        var fromRoot = Distances(inst, da.Reduced, [da.Root], forward: true);
        var toTerminal = Distances(inst, da.Reduced, inst.Terminals.Where(t => t != da.Root), forward: false);
        var node = new bool[inst.NodeCount];
        var edge = new bool[inst.EdgeCount];
        int nodes = 0, edges = 0;
        for (var v = 0; v < inst.NodeCount; v++)
        {
            if (inst.IsTerminal[v] || Sum(da.LowerBound, fromRoot[v], toTerminal[v]) <= upperBound) continue;
            node[v] = true;
            nodes++;
        }
        for (var e = 0; e < inst.EdgeCount; e++)
        {
            int u = g.Tail[e], v = g.Head[e];
            if (node[u] || node[v]) { edge[e] = true; edges++; continue; }
            var forward = Sum(da.LowerBound, fromRoot[u], da.Reduced[2 * e], toTerminal[v]);
            var backward = Sum(da.LowerBound, fromRoot[v], da.Reduced[2 * e + 1], toTerminal[u]);
            if (Math.Min(forward, backward) <= upperBound) continue;
            edge[e] = true;
            edges++;
        }
        return new Fixes(node, edge, nodes, edges);
    }

    private static long Sum(params ReadOnlySpan<long> parts)
    {
        long s = 0;
        foreach (var p in parts) s = p >= Voronoi.Infinity || s >= Voronoi.Infinity ? Voronoi.Infinity : s + p;
        return s;
    }

    /// <summary>Reduced-cost distances from the sources along arcs (forward), or to the sources against them.</summary>
    private static long[] Distances(Instance inst, long[] rc, IEnumerable<int> sources, bool forward)
    {
        var g = inst.Graph;
        var dist = new long[inst.NodeCount];
        Array.Fill(dist, Voronoi.Infinity);
        var heap = new IndexedHeap(inst.NodeCount);
        foreach (var s in sources)
        {
            dist[s] = 0;
            heap.Push(s, 0);
        }
        while (heap.Count > 0)
        {
            var x = heap.Pop(out var d);
            for (var i = g.Offsets[x]; i < g.Offsets[x + 1]; i++)
            {
                var e = g.AdjEdge[i];
                var a = forward ? DualAscent.OutOf(g, e, x) : DualAscent.Into(g, e, x);
                var y = g.AdjNode[i];
                if (d + rc[a] >= dist[y]) continue;
                dist[y] = d + rc[a];
                heap.Push(y, dist[y]);
            }
        }
        return dist;
    }
}

using Dala.Fibre.Algorithms;

namespace Dala.Fibre.PrizeCollecting;

/// <summary>
/// A prize-collecting shortest-path construction: grow the tree from the root set, nearest node first; a node whose
/// (scaled) prize exceeds its distance to the tree joins with its path, and the path's nodes become sources at
/// distance 0. Scaling the prizes up lets groups of nodes that are only worth joining together come in; the strong
/// pruning that follows judges them at their true prizes.
/// </summary>
internal static class PrizeGrowth
{
    public static List<int> Grow(PcstProblem p, double scale, bool[]? start = null)
    {
        var g = p.Graph;
        var n = g.NodeCount;
        var inTree = new bool[n];
        var dist = new long[n];
        var via = new int[n];
        Array.Fill(dist, long.MaxValue);
        Array.Fill(via, -1);
        var heap = new IndexedHeap(n);
        var edges = new List<int>();
        void Source(int v)
        {
            inTree[v] = true;
            dist[v] = 0;
            via[v] = -1;
            heap.Push(v, 0);
        }
        foreach (var r in p.RootSet) Source(r);
        if (start is not null)
        {
            for (var v = 0; v < n; v++)
                if (start[v] && !inTree[v]) Source(v);
        }
        while (heap.Count > 0)
        {
            var u = heap.Pop(out var d);
            if (d > dist[u]) continue;
            if (!inTree[u] && p.Prizes[u] * scale > d)
            {
                for (var x = u; !inTree[x];)
                {
                    var e = via[x];
                    edges.Add(e);
                    Source(x);
                    x = g.Tail[e] == x ? g.Head[e] : g.Tail[e];
                }
                continue;
            }
            for (var i = g.Offsets[u]; i < g.Offsets[u + 1]; i++)
            {
                var w = g.AdjNode[i];
                var nd = dist[u] + g.Costs[g.AdjEdge[i]];
                if (nd >= dist[w]) continue;
                dist[w] = nd;
                via[w] = g.AdjEdge[i];
                heap.Push(w, nd);
            }
        }
        return edges;
    }
}

using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Takahashi–Matsuyama: grow a tree from the root, each time joining the terminal nearest to the tree by a
/// shortest path. One incremental Dijkstra serves all additions: nodes joining the tree become sources at
/// distance 0 and their decrease propagates through the heap.
/// </summary>
internal sealed class ShortestPathHeuristic : IConstruction
{
    public static readonly ShortestPathHeuristic Instance = new();

    public int[] Build(Instance inst, long[] costs, int root)
    {
        var g = inst.Graph;
        var n = inst.NodeCount;
        var dist = new long[n];
        var pred = new int[n];
        var inTree = new bool[n];
        Array.Fill(dist, long.MaxValue);
        var heap = new IndexedHeap(n);
        var missing = inst.Terminals.Length - (inst.IsTerminal[root] ? 1 : 0);
        var edges = new List<int>();
        dist[root] = 0;
        pred[root] = -1;
        inTree[root] = true;
        heap.Push(root, 0);
        while (missing > 0 && heap.Count > 0)
        {
            var v = heap.Pop(out var d);
            if (inst.IsTerminal[v] && !inTree[v])
            {
                for (var x = v; !inTree[x]; x = inst.Other(pred[x], x))
                {
                    inTree[x] = true;
                    edges.Add(pred[x]);
                    dist[x] = 0;
                    heap.Push(x, 0);
                }
                missing--;
                continue;
            }
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
            {
                var w = g.AdjNode[i];
                var nd = Math.Min(d + costs[g.AdjEdge[i]], Voronoi.Infinity);
                if (nd >= dist[w]) continue;
                dist[w] = nd;
                pred[w] = g.AdjEdge[i];
                heap.Push(w, nd);
            }
        }
        return [.. edges];
    }
}

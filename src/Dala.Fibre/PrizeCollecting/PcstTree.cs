using Dala.Fibre.Graphs;

namespace Dala.Fibre.PrizeCollecting;

/// <summary>A candidate tree as a set of edges, with helpers to price it against a problem.</summary>
internal static class PcstTree
{
    /// <summary>Whether each node is touched by an edge of the tree or belongs to the root set.</summary>
    public static bool[] Covered(PcstProblem p, IEnumerable<int> edges)
    {
        var g = p.Graph;
        var inTree = new bool[g.NodeCount];
        foreach (var r in p.RootSet) inTree[r] = true;
        foreach (var e in edges)
        {
            var edge = g.Edge(e);
            inTree[edge.U] = inTree[edge.V] = true;
        }
        return inTree;
    }

    public static (long EdgeCost, long Missed) Price(PcstProblem p, IReadOnlyCollection<int> edges)
    {
        var inTree = Covered(p, edges);
        long missed = 0;
        for (var v = 0; v < inTree.Length; v++)
            if (!inTree[v]) missed += p.Prizes[v];
        return (edges.Sum(e => p.Graph.Cost(e)), missed);
    }

    /// <summary>
    /// Prim's minimum spanning forest of the subgraph induced by the nodes, grown from the root set at once (the
    /// root set is one contracted node): never dearer in edges than any tree over the same nodes. Callers prune it.
    /// </summary>
    public static List<int> Respan(PcstProblem p, bool[] nodes)
    {
        var g = p.Graph;
        var best = new long[g.NodeCount];
        var via = new int[g.NodeCount];
        var done = new bool[g.NodeCount];
        Array.Fill(best, long.MaxValue);
        var heap = new PriorityQueue<int, long>();
        foreach (var r in p.RootSet)
        {
            best[r] = 0;
            via[r] = -1;
            heap.Enqueue(r, 0);
        }
        var edges = new List<int>();
        while (heap.TryDequeue(out var v, out var key))
        {
            if (done[v] || key > best[v]) continue;
            done[v] = true;
            if (via[v] >= 0) edges.Add(via[v]);
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
            {
                var (w, e) = (g.AdjNode[i], g.AdjEdge[i]);
                var c = g.Costs[e];
                if (!nodes[w] || done[w] || c >= best[w]) continue;
                best[w] = c;
                via[w] = e;
                heap.Enqueue(w, c);
            }
        }
        return edges;
    }
}

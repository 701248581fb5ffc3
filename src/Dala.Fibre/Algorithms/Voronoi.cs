using Dala.Fibre.Graphs;

namespace Dala.Fibre.Algorithms;

/// <summary>
/// Multi-source shortest paths: for every node its nearest source (<see cref="Base"/>), the distance to it and
/// the last edge of that path (<see cref="Pred"/>, -1 at a source). Unreached nodes have Base -1.
/// </summary>
internal sealed class Voronoi
{
    public const long Infinity = long.MaxValue / 4;

    private Voronoi(int n)
    {
        Dist = new long[n];
        Base = new int[n];
        Pred = new int[n];
        Array.Fill(Dist, Infinity);
        Array.Fill(Base, -1);
        Array.Fill(Pred, -1);
    }

    public long[] Dist { get; }

    public int[] Base { get; }

    public int[] Pred { get; }

    public static Voronoi Compute(Graph g, long[] cost, IEnumerable<int> sources, bool[]? blocked = null)
    {
        var r = new Voronoi(g.NodeCount);
        var heap = new IndexedHeap(g.NodeCount);
        foreach (var s in sources)
        {
            r.Dist[s] = 0;
            r.Base[s] = s;
            heap.Push(s, 0);
        }
        while (heap.Count > 0)
        {
            var v = heap.Pop(out var d);
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
            {
                var w = g.AdjNode[i];
                var nd = d + cost[g.AdjEdge[i]];
                if (nd >= r.Dist[w] || (blocked is not null && blocked[w])) continue;
                r.Dist[w] = nd;
                r.Base[w] = r.Base[v];
                r.Pred[w] = g.AdjEdge[i];
                heap.Push(w, nd);
            }
        }
        return r;
    }

    /// <summary>The edges of the path from <paramref name="v"/> back to its base.</summary>
    public IEnumerable<int> PathToBase(Graph g, int v)
    {
        while (Pred[v] >= 0)
        {
            var e = Pred[v];
            yield return e;
            v = g.Tail[e] == v ? g.Head[e] : g.Tail[e];
        }
    }
}

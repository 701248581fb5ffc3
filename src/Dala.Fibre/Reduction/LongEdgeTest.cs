namespace Dala.Fibre.Reduction;

/// <summary>
/// Path test: an edge u–v is not needed when another u–v path costs no more. A Dijkstra from u without the
/// edge, bounded by its cost and by a node budget, looks for one. Edges are tested (and deleted) one by one.
/// </summary>
internal sealed class LongEdgeTest(int nodeBudget = 48) : IReduction
{
    public int Apply(WorkGraph g)
    {
        var dist = new Dictionary<int, long>();
        var heap = new PriorityQueue<int, long>();
        var edits = 0;
        for (var e = 0; e < g.EdgeSlots; e++)
        {
            if (!g.EdgeAlive(e)) continue;
            if (Shorter(g, e, dist, heap)) { g.DeleteEdge(e); edits++; }
        }
        return edits;
    }

    private bool Shorter(WorkGraph g, int skip, Dictionary<int, long> dist, PriorityQueue<int, long> heap)
    {
        int u = g.U(skip), v = g.V(skip);
        var limit = g.Cost(skip);
        dist.Clear();
        heap.Clear();
        dist[u] = 0;
        heap.Enqueue(u, 0);
        var settled = 0;
        while (heap.TryDequeue(out var x, out var d) && settled < nodeBudget)
        {
            if (d > dist[x]) continue;
            if (x == v) return true;
            settled++;
            foreach (var e in g.Incident(x))
            {
                if (e == skip) continue;
                var w = g.Other(e, x);
                var nd = d + g.Cost(e);
                if (nd > limit || (dist.TryGetValue(w, out var old) && old <= nd)) continue;
                dist[w] = nd;
                heap.Enqueue(w, nd);
            }
        }
        return false;
    }
}

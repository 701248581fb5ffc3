namespace Dala.Fibre.PrizeCollecting;

/// <summary>
/// The best subtree of a given tree (Johnson, Minkoff and Phillips' strong pruning): hanging the tree from the root
/// set, a branch is kept only when the prizes it collects exceed the cost of reaching and spanning it. Exact for
/// the tree it is given, in linear time.
/// </summary>
public static class StrongPruning
{
    public static List<int> Prune(PcstProblem p, IReadOnlyCollection<int> edges)
    {
        var g = p.Graph;
        var adjacency = new Dictionary<int, List<(int Node, int Edge)>>();
        void Link(int a, int b, int e)
        {
            if (!adjacency.TryGetValue(a, out var list)) adjacency[a] = list = [];
            list.Add((b, e));
        }
        foreach (var e in edges)
        {
            var edge = g.Edge(e);
            Link(edge.U, edge.V, e);
            Link(edge.V, edge.U, e);
        }
        var order = new List<int>();
        var parentEdge = new Dictionary<int, int>();
        var stack = new Stack<int>();
        foreach (var r in p.RootSet)
        {
            if (!adjacency.ContainsKey(r) || parentEdge.ContainsKey(r)) continue;
            parentEdge[r] = -1;
            stack.Push(r);
        }
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            order.Add(v);
            foreach (var (w, e) in adjacency[v])
            {
                if (parentEdge.ContainsKey(w)) continue;
                parentEdge[w] = e;
                stack.Push(w);
            }
        }
        var worth = new Dictionary<int, long>(order.Count);
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var v = order[k];
            long net = p.Prizes[v];
            foreach (var (w, e) in adjacency[v])
            {
                if (parentEdge[w] != e || w == v) continue;
                net += Math.Max(0, worth[w] - g.Costs[e]);
            }
            worth[v] = net;
        }
        var kept = new List<int>();
        var keep = new HashSet<int>(p.RootSet.Where(adjacency.ContainsKey));
        foreach (var v in order)
        {
            if (!keep.Contains(v)) continue;
            foreach (var (w, e) in adjacency[v])
            {
                if (parentEdge[w] != e || keep.Contains(w)) continue;
                if (worth[w] - g.Costs[e] <= 0) continue;
                keep.Add(w);
                kept.Add(e);
            }
        }
        return kept;
    }
}

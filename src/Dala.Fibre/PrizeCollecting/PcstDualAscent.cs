namespace Dala.Fibre.PrizeCollecting;

/// <summary>
/// A lower bound for the rooted prize-collecting Steiner tree by Wong's dual ascent on its Steiner arborescence
/// form: each node v with a prize gets a terminal t_v reached either from v at no cost (v is connected) or straight
/// from the root at the prize (v is left out). Every undirected edge is two arcs. The sum of the cut duals raised
/// is a valid lower bound on the cost (edges plus missed prizes) of every tree.
/// </summary>
internal static class PcstDualAscent
{
    /// <summary>The bound, and the nodes the root reaches over arcs the ascent saturated (a guide for constructions).</summary>
    public sealed record Outcome(long Bound, bool[] Saturated);

    public static Outcome Run(PcstProblem p, CancellationToken cancel = default)
    {
        var g = p.Graph;
        var n = g.NodeCount;
        var prized = Enumerable.Range(0, n).Where(v => p.Prizes[v] > 0).ToArray();
        var root = n;
        var total = n + 1 + prized.Length;
        // arcs: 2e / 2e+1 for the edges, then root -> root set, then v -> t_v and root -> t_v
        var tail = new List<int>(2 * g.EdgeCount + p.RootSet.Length + 2 * prized.Length);
        var head = new List<int>(tail.Capacity);
        var rc = new List<long>(tail.Capacity);
        void Arc(int a, int b, long c)
        {
            tail.Add(a);
            head.Add(b);
            rc.Add(c);
        }
        for (var e = 0; e < g.EdgeCount; e++)
        {
            Arc(g.Tail[e], g.Head[e], g.Costs[e]);
            Arc(g.Head[e], g.Tail[e], g.Costs[e]);
        }
        foreach (var r in p.RootSet) Arc(root, r, 0);
        for (var k = 0; k < prized.Length; k++)
        {
            Arc(prized[k], n + 1 + k, 0);
            Arc(root, n + 1 + k, p.Prizes[prized[k]]);
        }
        var incoming = Incoming(total, head);
        var reduced = rc.ToArray();
        var tails = tail.ToArray();
        var bound = Ascend(total, root, [.. Enumerable.Range(n + 1, prized.Length)], tails, incoming, reduced, cancel);
        return new Outcome(bound, Saturated(total, n, root, tail, head, reduced));
    }

    private static bool[] Saturated(int total, int n, int root, List<int> tail, List<int> head, long[] rc)
    {
        var outgoing = Incoming(total, tail);
        var seen = new bool[outgoing.Length];
        var queue = new Queue<int>();
        seen[root] = true;
        queue.Enqueue(root);
        while (queue.TryDequeue(out var v))
        {
            foreach (var a in outgoing[v])
            {
                var w = head[a];
                if (rc[a] != 0 || seen[w]) continue;
                seen[w] = true;
                queue.Enqueue(w);
            }
        }
        return seen[..n];
    }

    private static int[][] Incoming(int nodes, List<int> head)
    {
        var count = new int[nodes];
        foreach (var h in head) count[h]++;
        var lists = new int[nodes][];
        for (var v = 0; v < nodes; v++) lists[v] = new int[count[v]];
        Array.Clear(count);
        for (var a = 0; a < head.Count; a++) lists[head[a]][count[head[a]]++] = a;
        return lists;
    }

    private static long Ascend(int nodes, int root, int[] terminals, int[] tail, int[][] incoming, long[] rc, CancellationToken cancel)
    {
        var active = new bool[nodes];
        var queue = new PriorityQueue<int, int>();
        foreach (var t in terminals)
        {
            active[t] = true;
            queue.Enqueue(t, 0);
        }
        var mark = new int[nodes];
        var stamp = 0;
        var component = new List<int>();
        var cut = new List<int>();
        long bound = 0;
        var steps = 0;
        while (queue.TryDequeue(out var t, out _))
        {
            if (!active[t]) continue;
            if ((++steps & 1023) == 0) cancel.ThrowIfCancellationRequested();
            stamp++;
            component.Clear();
            component.Add(t);
            mark[t] = stamp;
            var reachesRoot = false;
            for (var k = 0; k < component.Count && !reachesRoot; k++)
            {
                foreach (var a in incoming[component[k]])
                {
                    var y = tail[a];
                    if (rc[a] != 0 || mark[y] == stamp) continue;
                    if (y == root) { reachesRoot = true; break; }
                    mark[y] = stamp;
                    component.Add(y);
                }
            }
            if (reachesRoot) { active[t] = false; continue; }
            cut.Clear();
            var delta = long.MaxValue;
            foreach (var x in component)
            {
                foreach (var a in incoming[x])
                {
                    if (mark[tail[a]] == stamp) continue;
                    cut.Add(a);
                    delta = Math.Min(delta, rc[a]);
                }
            }
            if (cut.Count == 0) { active[t] = false; continue; }
            if (queue.TryPeek(out _, out var next) && cut.Count > next) { queue.Enqueue(t, cut.Count); continue; }
            foreach (var a in cut) rc[a] -= delta;
            bound += delta;
            queue.Enqueue(t, cut.Count);
        }
        return bound;
    }
}

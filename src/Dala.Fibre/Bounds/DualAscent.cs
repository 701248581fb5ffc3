using Dala.Fibre.Steiner;

namespace Dala.Fibre.Bounds;

/// <summary>
/// The lower bound and reduced arc costs of one dual ascent run. Arc 2e runs Tail→Head of edge e, arc 2e+1
/// Head→Tail; reduced costs are non-negative and the bound plus the reduced cost of any arborescence from
/// <see cref="Root"/> is at most its cost.
/// </summary>
internal sealed record DualAscentResult(int Root, long LowerBound, long[] Reduced);

/// <summary>
/// Wong's dual ascent on the bidirected cut formulation: repeatedly take the active terminal whose saturated
/// component (the nodes that reach it by zero-reduced-cost arcs) has the fewest entering arcs, and raise that
/// cut's dual until one entering arc saturates. A terminal stops being active once the root or another active
/// terminal reaches it. The sum of the raises is a valid lower bound.
/// </summary>
internal static class DualAscent
{
    public static DualAscentResult Run(Instance inst, int root)
    {
        var g = inst.Graph;
        var n = inst.NodeCount;
        var rc = new long[2 * inst.EdgeCount];
        for (var e = 0; e < inst.EdgeCount; e++) rc[2 * e] = rc[2 * e + 1] = g.Costs[e];
        var active = new bool[n];
        var queue = new PriorityQueue<int, int>();
        foreach (var t in inst.Terminals)
        {
            if (t == root) continue;
            active[t] = true;
            queue.Enqueue(t, 0);
        }
        var mark = new int[n];
        var stamp = 0;
        var component = new List<int>();
        var cut = new List<int>();
        long bound = 0;
        while (queue.TryDequeue(out var t, out _))
        {
            if (!active[t]) continue;
            stamp++;
            if (!Component(inst, rc, t, root, active, mark, stamp, component))
            {
                active[t] = false;
                continue;
            }
            cut.Clear();
            var delta = long.MaxValue;
            foreach (var x in component)
            {
                for (var i = g.Offsets[x]; i < g.Offsets[x + 1]; i++)
                {
                    if (mark[g.AdjNode[i]] == stamp) continue;
                    var a = Into(g, g.AdjEdge[i], x);
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
        return new DualAscentResult(root, bound, rc);
    }

    /// <summary>The arc of edge e that enters x.</summary>
    public static int Into(Graphs.Graph g, int e, int x) => g.Head[e] == x ? 2 * e : 2 * e + 1;

    /// <summary>The arc of edge e that leaves x.</summary>
    public static int OutOf(Graphs.Graph g, int e, int x) => g.Tail[e] == x ? 2 * e : 2 * e + 1;

    /// <summary>Collects the nodes reaching t by saturated arcs; false when the root or another active terminal does.</summary>
    private static bool Component(Instance inst, long[] rc, int t, int root, bool[] active, int[] mark, int stamp, List<int> component)
    {
        var g = inst.Graph;
        component.Clear();
        component.Add(t);
        mark[t] = stamp;
        for (var k = 0; k < component.Count; k++)
        {
            var x = component[k];
            for (var i = g.Offsets[x]; i < g.Offsets[x + 1]; i++)
            {
                var y = g.AdjNode[i];
                if (mark[y] == stamp || rc[Into(g, g.AdjEdge[i], x)] != 0) continue;
                if (y == root || (active[y] && y != t)) return false;
                mark[y] = stamp;
                component.Add(y);
            }
        }
        return true;
    }
}

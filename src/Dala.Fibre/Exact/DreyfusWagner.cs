using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Exact;

/// <summary>
/// The exact Dreyfus–Wagner dynamic programme: best[S][v] is the cheapest tree joining the terminal subset S and
/// node v, from the splits of S at v and then one Dijkstra per S. O(3^t·n + 2^t·m log n) time, 2^t·n memory:
/// for few terminals only (tests, and small reduced instances).
/// </summary>
internal static class DreyfusWagner
{
    /// <summary>3^(t-1)·n: roughly the work of a solve.</summary>
    public static double Work(Instance inst) => Math.Pow(3, Math.Max(0, inst.Terminals.Length - 1)) * inst.NodeCount;

    public static bool Fits(Instance inst, double workLimit) =>
        inst.Terminals.Length <= 16 && Work(inst) <= workLimit && (1L << Math.Max(0, inst.Terminals.Length - 1)) * inst.NodeCount <= 8_000_000;

    public static int[] Solve(Instance inst)
    {
        var k = inst.Terminals.Length - 1;
        if (k <= 0) return [];
        var n = inst.NodeCount;
        var g = inst.Graph;
        var best = new long[1 << k][];
        var trace = new int[1 << k][];
        var heap = new IndexedHeap(n);
        for (var s = 1; s < 1 << k; s++)
        {
            var cost = best[s] = new long[n];
            var tr = trace[s] = new int[n];
            Array.Fill(cost, Voronoi.Infinity);
            Array.Fill(tr, int.MinValue);
            if ((s & (s - 1)) == 0)
            {
                cost[inst.Terminals[System.Numerics.BitOperations.TrailingZeroCount(s)]] = 0;
            }
            else
            {
                var low = s & -s;
                for (var a = (s - 1) & s; a > 0; a = (a - 1) & s)
                {
                    if ((a & low) == 0) continue;
                    long[] x = best[a], y = best[s ^ a];
                    for (var v = 0; v < n; v++)
                    {
                        var c = x[v] + y[v];
                        if (c < cost[v]) { cost[v] = c; tr[v] = -(a + 1); }
                    }
                }
            }
            for (var v = 0; v < n; v++)
                if (cost[v] < Voronoi.Infinity) heap.Push(v, cost[v]);
            while (heap.Count > 0)
            {
                var v = heap.Pop(out var d);
                for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
                {
                    var w = g.AdjNode[i];
                    var nd = d + g.Costs[g.AdjEdge[i]];
                    if (nd >= cost[w]) continue;
                    cost[w] = nd;
                    tr[w] = g.AdjEdge[i];
                    heap.Push(w, nd);
                }
            }
        }
        var edges = new HashSet<int>();
        Collect(inst, trace, (1 << k) - 1, inst.Terminals[k], edges);
        return TreeOps.Normalize(inst, edges);
    }

    private static void Collect(Instance inst, int[][] trace, int s, int v, HashSet<int> edges)
    {
        var stack = new Stack<(int S, int V)>();
        stack.Push((s, v));
        while (stack.Count > 0)
        {
            (s, v) = stack.Pop();
            var tr = trace[s][v];
            if (tr == int.MinValue) continue;
            if (tr >= 0)
            {
                edges.Add(tr);
                stack.Push((s, inst.Other(tr, v)));
            }
            else
            {
                var a = -tr - 1;
                stack.Push((a, v));
                stack.Push((s ^ a, v));
            }
        }
    }
}

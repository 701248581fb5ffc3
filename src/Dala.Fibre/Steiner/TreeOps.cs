using Dala.Fibre.Algorithms;

namespace Dala.Fibre.Steiner;

/// <summary>Clean-ups every construction and move ends with: MST of the induced subgraph, pruning, checks.</summary>
internal static class TreeOps
{
    public static long Cost(Instance inst, IEnumerable<int> edges) => edges.Sum(e => inst.Costs[e]);

    /// <summary>The vertices the edges touch, plus the terminals; then the MST of their induced subgraph, pruned.</summary>
    public static int[] Normalize(Instance inst, IEnumerable<int> edges)
    {
        var inV = new bool[inst.NodeCount];
        foreach (var t in inst.Terminals) inV[t] = true;
        foreach (var e in edges)
        {
            inV[inst.Graph.Tail[e]] = true;
            inV[inst.Graph.Head[e]] = true;
        }
        return Prune(inst, InducedMst(inst, inV));
    }

    /// <summary>Prim's MST over the subgraph induced by <paramref name="inV"/>, grown from the first terminal.</summary>
    public static List<int> InducedMst(Instance inst, bool[] inV)
    {
        var g = inst.Graph;
        var result = new List<int>();
        if (inst.Terminals.Length == 0) return result;
        var heap = new IndexedHeap(inst.NodeCount);
        var best = new long[inst.NodeCount];
        var via = new int[inst.NodeCount];
        var done = new bool[inst.NodeCount];
        Array.Fill(best, long.MaxValue);
        heap.Push(inst.Terminals[0], 0);
        via[inst.Terminals[0]] = -1;
        while (heap.Count > 0)
        {
            var v = heap.Pop(out _);
            done[v] = true;
            if (via[v] >= 0) result.Add(via[v]);
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
            {
                var w = g.AdjNode[i];
                var c = g.Costs[g.AdjEdge[i]];
                if (!inV[w] || done[w] || c >= best[w]) continue;
                best[w] = c;
                via[w] = g.AdjEdge[i];
                heap.Push(w, c);
            }
        }
        return result;
    }

    /// <summary>Removes non-terminal leaves until none is left.</summary>
    public static int[] Prune(Instance inst, IEnumerable<int> edges)
    {
        var list = edges as IReadOnlyList<int> ?? edges.ToList();
        var degree = new int[inst.NodeCount];
        var xor = new int[inst.NodeCount];
        foreach (var e in list)
        {
            degree[inst.Graph.Tail[e]]++;
            degree[inst.Graph.Head[e]]++;
            xor[inst.Graph.Tail[e]] ^= e;
            xor[inst.Graph.Head[e]] ^= e;
        }
        var removed = new HashSet<int>();
        var stack = new Stack<int>();
        foreach (var e in list)
        {
            if (degree[inst.Graph.Tail[e]] == 1 && !inst.IsTerminal[inst.Graph.Tail[e]]) stack.Push(inst.Graph.Tail[e]);
            if (degree[inst.Graph.Head[e]] == 1 && !inst.IsTerminal[inst.Graph.Head[e]]) stack.Push(inst.Graph.Head[e]);
        }
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (degree[v] != 1) continue;
            var e = xor[v];
            removed.Add(e);
            var w = inst.Other(e, v);
            degree[v] = 0;
            xor[v] = 0;
            xor[w] ^= e;
            if (--degree[w] == 1 && !inst.IsTerminal[w]) stack.Push(w);
        }
        return removed.Count == 0 ? [.. list.Order()] : [.. list.Where(e => !removed.Contains(e)).Order()];
    }

    /// <summary>True when the edges form one tree that contains every terminal.</summary>
    public static bool IsSteinerTree(Instance inst, IReadOnlyCollection<int> edges)
    {
        var uf = new UnionFind(inst.NodeCount);
        foreach (var e in edges)
            if (!uf.Union(inst.Graph.Tail[e], inst.Graph.Head[e])) return false;
        if (inst.Terminals.Length == 0) return edges.Count == 0;
        var root = uf.Find(inst.Terminals[0]);
        return inst.Terminals.All(t => uf.Find(t) == root);
    }
}

namespace Dala.Fibre.Heuristics;

/// <summary>The cost of a tree after pruning its non-terminal leaves, without building it; reusable scratch.</summary>
internal sealed class PruneCost(Steiner.Instance inst)
{
    private readonly int[] _degree = new int[inst.NodeCount];
    private readonly int[] _xor = new int[inst.NodeCount];
    private readonly Stack<int> _leaves = new();

    public long Of(List<int> edges)
    {
        var g = inst.Graph;
        long cost = 0;
        foreach (var e in edges)
        {
            cost += g.Costs[e];
            _degree[g.Tail[e]]++;
            _degree[g.Head[e]]++;
            _xor[g.Tail[e]] ^= e;
            _xor[g.Head[e]] ^= e;
        }
        foreach (var e in edges)
        {
            if (_degree[g.Tail[e]] == 1 && !inst.IsTerminal[g.Tail[e]]) _leaves.Push(g.Tail[e]);
            if (_degree[g.Head[e]] == 1 && !inst.IsTerminal[g.Head[e]]) _leaves.Push(g.Head[e]);
        }
        while (_leaves.Count > 0)
        {
            var v = _leaves.Pop();
            if (_degree[v] != 1) continue;
            var e = _xor[v];
            cost -= g.Costs[e];
            _degree[v] = 0;
            var w = inst.Other(e, v);
            _xor[w] ^= e;
            if (--_degree[w] == 1 && !inst.IsTerminal[w]) _leaves.Push(w);
        }
        foreach (var e in edges)
        {
            _degree[g.Tail[e]] = _degree[g.Head[e]] = 0;
            _xor[g.Tail[e]] = _xor[g.Head[e]] = 0;
        }
        return cost;
    }
}

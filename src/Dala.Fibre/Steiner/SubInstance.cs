using Dala.Fibre.Graphs;

namespace Dala.Fibre.Steiner;

/// <summary>The subgraph made of some edges of an instance (and the terminals), renumbered, with the way back.</summary>
internal static class SubInstance
{
    public static (Instance Sub, int[] EdgeBack) Of(Instance inst, IEnumerable<int> edges)
    {
        var g = inst.Graph;
        var index = new int[inst.NodeCount];
        Array.Fill(index, -1);
        var count = 0;
        foreach (var t in inst.Terminals) index[t] = count++;
        var kept = edges.Distinct().Order().ToArray();
        foreach (var e in kept)
        {
            if (index[g.Tail[e]] < 0) index[g.Tail[e]] = count++;
            if (index[g.Head[e]] < 0) index[g.Head[e]] = count++;
        }
        var builder = new GraphBuilder(count);
        foreach (var e in kept) builder.AddEdge(index[g.Tail[e]], index[g.Head[e]], g.Costs[e]);
        var terminal = new bool[count];
        foreach (var t in inst.Terminals) terminal[index[t]] = true;
        return (new Instance(builder.Build(), terminal), kept);
    }
}

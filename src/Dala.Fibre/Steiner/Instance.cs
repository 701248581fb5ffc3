using Dala.Fibre.Graphs;

namespace Dala.Fibre.Steiner;

/// <summary>A graph with its terminals marked: what the heuristics, bounds and exact solvers work on.</summary>
internal sealed class Instance
{
    public Instance(Graph graph, bool[] isTerminal)
    {
        Graph = graph;
        IsTerminal = isTerminal;
        Terminals = Enumerable.Range(0, graph.NodeCount).Where(v => isTerminal[v]).ToArray();
    }

    public Graph Graph { get; }

    public bool[] IsTerminal { get; }

    public int[] Terminals { get; }

    public int NodeCount => Graph.NodeCount;

    public int EdgeCount => Graph.EdgeCount;

    public long[] Costs => Graph.Costs;

    public int Other(int e, int v) => Graph.Tail[e] == v ? Graph.Head[e] : Graph.Tail[e];

    public static Instance Of(Graph graph, IEnumerable<int> terminals)
    {
        var flags = new bool[graph.NodeCount];
        foreach (var t in terminals) flags[t] = true;
        return new Instance(graph, flags);
    }
}

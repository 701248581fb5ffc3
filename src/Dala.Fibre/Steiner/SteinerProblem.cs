using System.Collections.Immutable;
using Dala.Fibre.Graphs;

namespace Dala.Fibre.Steiner;

/// <summary>
/// Connect every terminal at least cost. <see cref="RootSet"/> is an existing network (a backbone contracted to
/// one root): its nodes count together as one terminal and are joined to each other at no cost. When it is empty
/// the first terminal is the root. Duplicate terminals are ignored; nodes must exist in the graph.
/// </summary>
public sealed record SteinerProblem
{
    public SteinerProblem(Graph graph, IEnumerable<int> terminals, IEnumerable<int>? rootSet = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(terminals);
        Graph = graph;
        Terminals = Checked(graph, terminals, nameof(terminals));
        RootSet = Checked(graph, rootSet ?? [], nameof(rootSet));
    }

    public Graph Graph { get; }

    public ImmutableArray<int> Terminals { get; }

    public ImmutableArray<int> RootSet { get; }

    /// <summary>The node reachability is judged from: a root-set node, else the first terminal (-1 if none).</summary>
    public int RootNode => !RootSet.IsEmpty ? RootSet[0] : !Terminals.IsEmpty ? Terminals[0] : -1;

    private static ImmutableArray<int> Checked(Graph graph, IEnumerable<int> nodes, string name)
    {
        var seen = new HashSet<int>();
        var list = ImmutableArray.CreateBuilder<int>();
        foreach (var v in nodes)
        {
            if ((uint)v >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(name, $"node {v} is outside 0..{graph.NodeCount - 1}");
            if (seen.Add(v)) list.Add(v);
        }
        return list.ToImmutable();
    }
}

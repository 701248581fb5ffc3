using System.Collections.Immutable;
using Dala.Fibre.Graphs;

namespace Dala.Fibre.PrizeCollecting;

/// <summary>
/// A rooted prize-collecting Steiner tree problem: choose a tree hanging from the root set (an existing network,
/// contracted to one root) that minimises its edge cost plus the prizes of the nodes it leaves out. A node's prize
/// is what leaving it unconnected costs (e.g. its next-best way to be served less its own connection cost); nodes
/// without a prize may carry the tree through. Costs and prizes are integers in the graph's cost units.
/// </summary>
public sealed record PcstProblem
{
    public PcstProblem(Graph graph, IReadOnlyList<long> prizes, IEnumerable<int> rootSet)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(prizes);
        ArgumentNullException.ThrowIfNull(rootSet);
        if (prizes.Count != graph.NodeCount) throw new ArgumentException($"{prizes.Count} prizes for {graph.NodeCount} nodes", nameof(prizes));
        foreach (var p in prizes)
            if (p < 0 || p > GraphBuilder.MaxCost) throw new ArgumentOutOfRangeException(nameof(prizes), p, "a prize must be within 0..10^12 cost units");
        Graph = graph;
        Prizes = [.. prizes];
        RootSet = [.. rootSet.Distinct()];
        foreach (var r in RootSet)
            if ((uint)r >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(rootSet), $"node {r} is outside 0..{graph.NodeCount - 1}");
        if (RootSet.IsEmpty) throw new ArgumentException("the root set is empty: a prize-collecting tree hangs from an existing network", nameof(rootSet));
    }

    public Graph Graph { get; }

    public ImmutableArray<long> Prizes { get; }

    public ImmutableArray<int> RootSet { get; }

    /// <summary>The sum of all prizes: the cost of connecting nothing.</summary>
    public long TotalPrize => Prizes.Sum();
}

/// <summary>
/// A prize-collecting tree: its edges, the nodes it connects (besides the root set), its edge cost, the prizes of
/// the nodes left out, and a proven lower bound on the optimum of the problem.
/// </summary>
public sealed record PcstResult(ImmutableArray<int> Edges, ImmutableArray<int> Nodes, long EdgeCost, long MissedPrize, long LowerBound, TimeSpan Elapsed)
{
    public long Cost => EdgeCost + MissedPrize;

    /// <summary>(cost - lower bound) / cost: 0 when the tree is proven optimal.</summary>
    public double Gap => Cost == 0 ? 0 : Math.Max(0, (double)(Cost - LowerBound) / Cost);
}

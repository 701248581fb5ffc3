namespace Dala.Fibre.Graphs;

/// <summary>The one way to make a <see cref="Graph"/>: add edges (and optionally coordinates), then build.</summary>
public sealed class GraphBuilder
{
    /// <summary>The largest edge cost (10^12 units): sums over any path stay far from overflowing a long.</summary>
    public const long MaxCost = 1_000_000_000_000;

    private readonly List<int> _tail = [];
    private readonly List<int> _head = [];
    private readonly List<long> _cost = [];
    private Coordinate[]? _coordinates;

    public GraphBuilder(int nodeCount, double costScale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (!(costScale > 0) || !double.IsFinite(costScale)) throw new ArgumentOutOfRangeException(nameof(costScale), "the cost scale must be positive and finite");
        NodeCount = nodeCount;
        CostScale = costScale;
    }

    public int NodeCount { get; }

    public double CostScale { get; }

    public int EdgeCount => _cost.Count;

    /// <summary>Adds an edge with an integer cost in cost units; returns its id (ids are dense, in order).</summary>
    public int AddEdge(int u, int v, long cost)
    {
        CheckNode(u);
        CheckNode(v);
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cost, MaxCost);
        _tail.Add(u);
        _head.Add(v);
        _cost.Add(cost);
        return _cost.Count - 1;
    }

    /// <summary>Adds an edge with a real cost (e.g. km), stored as round(cost × CostScale).</summary>
    public int AddEdgeReal(int u, int v, double cost)
    {
        var scaled = Math.Round(cost * CostScale, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(cost) || cost < 0 || scaled > MaxCost) throw new ArgumentOutOfRangeException(nameof(cost), $"a real cost must be finite, not negative, and at most {MaxCost} cost units");
        return AddEdge(u, v, (long)scaled);
    }

    public GraphBuilder SetCoordinate(int v, double x, double y)
    {
        CheckNode(v);
        _coordinates ??= new Coordinate[NodeCount];
        _coordinates[v] = new Coordinate(x, y);
        return this;
    }

    /// <summary>The coordinate set for node v, if any.</summary>
    public Coordinate? Coordinate(int v)
    {
        CheckNode(v);
        return _coordinates?[v];
    }

    public Graph Build() =>
        new(NodeCount, [.. _tail], [.. _head], [.. _cost], CostScale, _coordinates is null ? null : (Coordinate[])_coordinates.Clone());

    private void CheckNode(int v)
    {
        if ((uint)v >= (uint)NodeCount) throw new ArgumentOutOfRangeException(nameof(v), $"node {v} is outside 0..{NodeCount - 1}");
    }
}

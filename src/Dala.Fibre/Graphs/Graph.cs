namespace Dala.Fibre.Graphs;

/// <summary>
/// An immutable undirected graph snapshot in compressed sparse row form: the arcs of node v are
/// <c>Offsets[v] .. Offsets[v+1]-1</c> in <c>AdjNode</c> (the neighbour) and <c>AdjEdge</c> (the edge id).
/// Costs are integers: real costs (km) are multiplied by <see cref="CostScale"/> and rounded by the builder.
/// Build one with <see cref="GraphBuilder"/>.
/// </summary>
public sealed class Graph
{
    internal Graph(int nodeCount, int[] tail, int[] head, long[] costs, double costScale, Coordinate[]? coordinates)
    {
        NodeCount = nodeCount;
        Tail = tail;
        Head = head;
        Costs = costs;
        CostScale = costScale;
        CoordinatesArray = coordinates;
        Offsets = new int[nodeCount + 1];
        foreach (var u in tail) Offsets[u + 1]++;
        foreach (var v in head) Offsets[v + 1]++;
        for (var i = 0; i < nodeCount; i++) Offsets[i + 1] += Offsets[i];
        AdjNode = new int[Offsets[nodeCount]];
        AdjEdge = new int[Offsets[nodeCount]];
        var next = Offsets[..^1];
        for (var e = 0; e < tail.Length; e++)
        {
            AdjNode[next[tail[e]]] = head[e];
            AdjEdge[next[tail[e]]++] = e;
            AdjNode[next[head[e]]] = tail[e];
            AdjEdge[next[head[e]]++] = e;
        }
    }

    internal int[] Offsets { get; }
    internal int[] AdjNode { get; }
    internal int[] AdjEdge { get; }
    internal int[] Tail { get; }
    internal int[] Head { get; }
    internal long[] Costs { get; }
    internal Coordinate[]? CoordinatesArray { get; }

    public int NodeCount { get; }

    public int EdgeCount => Costs.Length;

    /// <summary>Cost units per real unit (1 for SteinLib; e.g. 1000 for costs in metres of a km graph).</summary>
    public double CostScale { get; }

    public bool HasCoordinates => CoordinatesArray is not null;

    public Edge Edge(int e) => new(Tail[e], Head[e], Costs[e]);

    public long Cost(int e) => Costs[e];

    public int Degree(int v) => Offsets[v + 1] - Offsets[v];

    public ReadOnlySpan<int> Neighbours(int v) => AdjNode.AsSpan(Offsets[v], Degree(v));

    public ReadOnlySpan<int> IncidentEdges(int v) => AdjEdge.AsSpan(Offsets[v], Degree(v));

    public Coordinate? Coordinate(int v) => CoordinatesArray?[v];

    /// <summary>The total cost of a set of edges.</summary>
    public long CostOf(IEnumerable<int> edges) => edges.Sum(e => Costs[e]);

    /// <summary>A cost in real units (cost / <see cref="CostScale"/>).</summary>
    public double RealCost(long cost) => cost / CostScale;
}

namespace Dala.Fibre.Graphs;

/// <summary>An undirected edge between nodes U and V with an integer cost (in the graph's cost units).</summary>
public readonly record struct Edge(int U, int V, long Cost)
{
    /// <summary>The end of this edge that is not <paramref name="node"/>.</summary>
    public int Other(int node) => node == U ? V : U;
}

/// <summary>An optional planar position of a node (SteinLib DD lines, or projected metres for real routes).</summary>
public readonly record struct Coordinate(double X, double Y);

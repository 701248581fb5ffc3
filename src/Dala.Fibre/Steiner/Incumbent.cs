namespace Dala.Fibre.Steiner;

/// <summary>The best tree found so far in terms of the original graph's edges, and the best lower bound.</summary>
internal sealed class Incumbent(Graphs.Graph original)
{
    public int[] Edges { get; private set; } = [];

    public long Cost { get; private set; } = long.MaxValue;

    public long LowerBound { get; private set; }

    public bool Closed => Cost <= LowerBound;

    public bool Offer(IEnumerable<int> originalEdges)
    {
        var edges = originalEdges.Distinct().Order().ToArray();
        var cost = original.CostOf(edges);
        if (cost >= Cost) return false;
        (Edges, Cost) = (edges, cost);
        return true;
    }

    public void Bound(long lowerBound) => LowerBound = Math.Max(LowerBound, lowerBound);
}

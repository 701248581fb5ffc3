namespace Dala.Fibre.Reduction;

/// <summary>
/// For every node of a work graph its two nearest terminals (distinct) and their distances: a Dijkstra in which
/// each node accepts up to two labels with different bases. Unreached labels have base -1.
/// </summary>
internal sealed class NearestTerminals
{
    public const long Infinity = long.MaxValue / 4;

    public NearestTerminals(WorkGraph g)
    {
        var n = g.NodeCount;
        Base1 = new int[n];
        Base2 = new int[n];
        Dist1 = new long[n];
        Dist2 = new long[n];
        Array.Fill(Base1, -1);
        Array.Fill(Base2, -1);
        Array.Fill(Dist1, Infinity);
        Array.Fill(Dist2, Infinity);
        var queue = new PriorityQueue<(int Node, int Base), long>();
        for (var v = 0; v < n; v++)
            if (g.Alive[v] && g.Terminal[v]) queue.Enqueue((v, v), 0);
        while (queue.TryDequeue(out var item, out var d))
        {
            var (v, b) = item;
            if (Base1[v] == b || Base2[v] >= 0) continue;
            if (Base1[v] < 0) (Base1[v], Dist1[v]) = (b, d);
            else (Base2[v], Dist2[v]) = (b, d);
            foreach (var e in g.Incident(v))
            {
                var w = g.Other(e, v);
                if (Base2[w] < 0 && Base1[w] != b) queue.Enqueue((w, b), d + g.Cost(e));
            }
        }
    }

    public int[] Base1 { get; }
    public int[] Base2 { get; }
    public long[] Dist1 { get; }
    public long[] Dist2 { get; }

    /// <summary>The distance from v to its nearest terminal other than <paramref name="not"/>, and that terminal.</summary>
    public (long Dist, int Base) NearestOther(int v, int not) =>
        Base1[v] != not ? (Dist1[v], Base1[v]) : (Dist2[v], Base2[v]);
}

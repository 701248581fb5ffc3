namespace Dala.Fibre.Reduction;

/// <summary>
/// Special distance test (Duin and Volgenant), with the bottleneck distance bounded through the Voronoi regions
/// of the terminals: u → its nearest terminal, along the MST of the terminal distance graph, → v. An edge
/// costing more than the largest piece of that walk is in no optimal tree. All deletions use one snapshot of
/// distances, which is safe because the inequality is strict.
/// </summary>
internal sealed class SpecialDistanceTest : IReduction
{
    public int Apply(WorkGraph g)
    {
        var near = new NearestTerminals(g);
        var leaf = new int[g.NodeCount];
        var count = 0;
        for (var v = 0; v < g.NodeCount; v++) leaf[v] = g.Alive[v] && g.Terminal[v] ? count++ : -1;
        var links = new List<(long, int, int)>();
        for (var e = 0; e < g.EdgeSlots; e++)
        {
            if (!g.EdgeAlive(e)) continue;
            int bu = near.Base1[g.U(e)], bv = near.Base1[g.V(e)];
            if (bu < 0 || bv < 0 || bu == bv) continue;
            links.Add((near.Dist1[g.U(e)] + g.Cost(e) + near.Dist1[g.V(e)], leaf[bu], leaf[bv]));
        }
        links.Sort();
        var tree = new BottleneckTree(count, links);
        var edits = 0;
        for (var e = 0; e < g.EdgeSlots; e++)
        {
            if (!g.EdgeAlive(e)) continue;
            int u = g.U(e), v = g.V(e);
            if (near.Base1[u] < 0 || near.Base1[v] < 0) continue;
            var bound = Math.Max(Math.Max(near.Dist1[u], near.Dist1[v]), tree.Bottleneck(leaf[near.Base1[u]], leaf[near.Base1[v]]));
            if (g.Cost(e) <= bound) continue;
            g.DeleteEdge(e);
            edits++;
        }
        return edits;
    }
}

namespace Dala.Fibre.Reduction;

/// <summary>
/// Nearest vertex test (Duin and Volgenant): for a terminal z whose cheapest edge goes to v, if its second
/// cheapest edge costs at least that edge plus the distance from v to another terminal, some optimal tree uses
/// the cheapest edge: fix it. Distances are computed once per pass; nodes merged in the pass are not retested.
/// </summary>
internal sealed class NearestVertexTest : IReduction
{
    public int Apply(WorkGraph g)
    {
        var near = new NearestTerminals(g);
        var dirty = new bool[g.NodeCount];
        var edits = 0;
        for (var z = 0; z < g.NodeCount && g.TerminalCount > 1; z++)
        {
            if (!g.Alive[z] || !g.Terminal[z] || dirty[z] || g.Degree(z) < 2) continue;
            int first = -1;
            long c1 = long.MaxValue, c2 = long.MaxValue;
            foreach (var e in g.Incident(z))
            {
                var c = g.Cost(e);
                if (c < c1) { c2 = c1; c1 = c; first = e; }
                else if (c < c2) c2 = c;
            }
            var v = g.Other(first, z);
            var (d, other) = near.NearestOther(v, z);
            if (dirty[v] || other < 0 || dirty[other] || c2 < c1 + d) continue;
            dirty[z] = dirty[v] = true;
            g.Contract(first, v);
            edits++;
        }
        return edits;
    }
}

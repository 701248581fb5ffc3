namespace Dala.Fibre.Reduction;

/// <summary>
/// Degree tests: a non-terminal of degree 0 or 1 goes; a non-terminal of degree 2 becomes one edge; a terminal
/// of degree 1 fixes its edge (its neighbour becomes a terminal); an edge of cost 0 at a terminal is fixed.
/// Repeated until nothing changes; stops when one terminal is left (then everything else goes).
/// </summary>
internal sealed class DegreeTest : IReduction
{
    public int Apply(WorkGraph g)
    {
        var edits = 0;
        var queue = new Queue<int>(Enumerable.Range(0, g.NodeCount).Where(v => g.Alive[v]));
        var queued = new bool[g.NodeCount];
        Array.Fill(queued, true);
        void Touch(int v)
        {
            if (g.Alive[v] && !queued[v]) { queued[v] = true; queue.Enqueue(v); }
        }
        while (queue.Count > 0 && g.TerminalCount > 1)
        {
            var v = queue.Dequeue();
            queued[v] = false;
            if (!g.Alive[v]) continue;
            var neighbours = g.Incident(v).Select(e => g.Other(e, v)).ToArray();
            if (!Reduce(g, v)) continue;
            edits++;
            foreach (var w in neighbours) Touch(w);
            Touch(v);
        }
        if (g.TerminalCount <= 1) edits += ClearAllButTerminal(g);
        return edits;
    }

    private static bool Reduce(WorkGraph g, int v)
    {
        var degree = g.Degree(v);
        if (!g.Terminal[v])
        {
            if (degree == 0 || degree == 1) { g.DeleteNode(v); return true; }
            if (degree == 2) { g.Bypass(v); return true; }
            return false;
        }
        if (degree == 1) { g.Contract(g.Incident(v)[0], v); return true; }
        foreach (var e in g.Incident(v))
        {
            if (g.Cost(e) != 0) continue;
            g.Contract(e, g.Other(e, v));
            return true;
        }
        return false;
    }

    private static int ClearAllButTerminal(WorkGraph g)
    {
        var edits = 0;
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (!g.Alive[v] || g.Terminal[v]) continue;
            g.DeleteNode(v);
            edits++;
        }
        return edits;
    }
}

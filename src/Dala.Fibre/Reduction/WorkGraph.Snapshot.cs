using Dala.Fibre.Graphs;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Reduction;

internal sealed partial class WorkGraph
{
    /// <summary>The problem's graph with the root set merged into its first node (edges inside it dropped).</summary>
    public static WorkGraph From(SteinerProblem problem)
    {
        var g = problem.Graph;
        var w = new WorkGraph(g.NodeCount);
        var rep = Enumerable.Range(0, g.NodeCount).ToArray();
        foreach (var r in problem.RootSet) rep[r] = problem.RootSet[0];
        for (var v = 0; v < g.NodeCount; v++) w.Alive[v] = rep[v] == v;
        for (var e = 0; e < g.EdgeCount; e++) w.AddEdge(rep[g.Tail[e]], rep[g.Head[e]], g.Costs[e], [e]);
        foreach (var t in problem.Terminals) w.SetTerminal(rep[t], true);
        if (!problem.RootSet.IsEmpty) w.SetTerminal(problem.RootSet[0], true);
        return w;
    }

    /// <summary>An independent copy (ancestor lists are shared: they are never changed in place).</summary>
    public WorkGraph Clone()
    {
        var c = new WorkGraph(NodeCount);
        Array.Copy(Alive, c.Alive, NodeCount);
        Array.Copy(Terminal, c.Terminal, NodeCount);
        c.TerminalCount = TerminalCount;
        for (var v = 0; v < NodeCount; v++) c._adj[v].AddRange(_adj[v]);
        c._u.AddRange(_u);
        c._v.AddRange(_v);
        c._cost.AddRange(_cost);
        c._edgeAlive.AddRange(_edgeAlive);
        c._ancestors.AddRange(_ancestors);
        c.FixedEdges.AddRange(FixedEdges);
        c.FixedCost = FixedCost;
        return c;
    }

    /// <summary>Deletes everything not connected to <paramref name="root"/>; returns the terminals so lost.</summary>
    public List<int> KeepComponentOf(int root)
    {
        var seen = new bool[NodeCount];
        var stack = new Stack<int>();
        if (root >= 0) { seen[root] = true; stack.Push(root); }
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            foreach (var e in _adj[v])
            {
                var w = Other(e, v);
                if (!seen[w]) { seen[w] = true; stack.Push(w); }
            }
        }
        var lost = new List<int>();
        for (var v = 0; v < NodeCount; v++)
        {
            if (!Alive[v] || seen[v]) continue;
            if (Terminal[v]) lost.Add(v);
            DeleteNode(v);
        }
        return lost;
    }

    /// <summary>A compact snapshot of what is left, with the work edge behind each snapshot edge.</summary>
    public (Instance Instance, int[] WorkEdge, int[] WorkNode) Snapshot()
    {
        var index = new int[NodeCount];
        var nodes = new List<int>();
        for (var v = 0; v < NodeCount; v++)
        {
            index[v] = Alive[v] ? nodes.Count : -1;
            if (Alive[v]) nodes.Add(v);
        }
        var builder = new GraphBuilder(nodes.Count);
        var edges = new List<int>();
        for (var e = 0; e < _cost.Count; e++)
        {
            if (!_edgeAlive[e]) continue;
            builder.AddEdge(index[_u[e]], index[_v[e]], _cost[e]);
            edges.Add(e);
        }
        var terminal = nodes.Select(v => Terminal[v]).ToArray();
        return (new Instance(builder.Build(), terminal), [.. edges], [.. nodes]);
    }

    /// <summary>The original edges behind some snapshot edges, plus every fixed edge.</summary>
    public List<int> Expand(IEnumerable<int> snapshotEdges, int[] workEdge)
    {
        var result = new List<int>(FixedEdges);
        foreach (var e in snapshotEdges) result.AddRange(_ancestors[workEdge[e]]);
        return result;
    }
}

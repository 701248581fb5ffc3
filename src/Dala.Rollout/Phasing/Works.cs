using Dala.Rollout.Choice;
using Dala.Rollout.Options;

namespace Dala.Rollout.Phasing;

/// <summary>
/// The works behind a choice: each customer's own capex, the facility it needs (if any) and, on fibre, the new
/// edges between it and the existing network (the chosen tree hung from the root set), with their regions.
/// </summary>
internal sealed class Works
{
    /// <param name="edgeRegion">The region whose crews lay an edge (and whose capacity it uses).</param>
    public Works(ChoiceInstance inst, ChoiceSolution sol, Func<int, string> edgeRegion, CancellationToken cancel)
    {
        Inst = inst;
        Sol = sol;
        var g = inst.FibreGraph;
        ParentEdge = new int[g.NodeCount];
        Array.Fill(ParentEdge, -1);
        var adjacency = new Dictionary<int, List<(int Node, int Edge)>>();
        foreach (var e in sol.TreeEdges)
        {
            var edge = g.Edge(e);
            (adjacency.TryGetValue(edge.U, out var a) ? a : adjacency[edge.U] = []).Add((edge.V, e));
            (adjacency.TryGetValue(edge.V, out var b) ? b : adjacency[edge.V] = []).Add((edge.U, e));
        }
        var seen = new bool[g.NodeCount];
        var queue = new Queue<int>();
        foreach (var r in inst.RootSet) { seen[r] = true; queue.Enqueue(r); }
        while (queue.TryDequeue(out var v))
        {
            if (!adjacency.TryGetValue(v, out var list)) continue;
            foreach (var (w, e) in list)
            {
                if (seen[w]) continue;
                seen[w] = true;
                ParentEdge[w] = e;
                queue.Enqueue(w);
            }
        }
        EdgeRegion = new string[g.EdgeCount];
        foreach (var e in sol.TreeEdges) EdgeRegion[e] = edgeRegion(e);
        Paths = new int[inst.Count][];
        for (var i = 0; i < inst.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            Paths[i] = sol.Assigned[i] == ChoiceSolution.Fibre ? PathOf(inst.Customers[i].Node) : [];
        }
    }

    public ChoiceInstance Inst { get; }

    public ChoiceSolution Sol { get; }

    /// <summary>The tree edge above each node (towards the existing network), or -1.</summary>
    public int[] ParentEdge { get; }

    public string[] EdgeRegion { get; }

    /// <summary>Per customer on fibre, the new edges from it to the existing network.</summary>
    public int[][] Paths { get; }

    public int NodeAbove(int node, int edge)
    {
        var e = Inst.FibreGraph.Edge(edge);
        return e.U == node ? e.V : e.U;
    }

    private int[] PathOf(int node)
    {
        var path = new List<int>();
        for (var v = node; ParentEdge[v] >= 0; v = NodeAbove(v, ParentEdge[v])) path.Add(ParentEdge[v]);
        return [.. path];
    }

    /// <summary>The option a customer was given (fibre as its fibre option); null when unserved.</summary>
    public ServeOption? Option(int i) => Sol.Assigned[i] switch
    {
        ChoiceSolution.Fibre => Inst.FibreOption[i],
        >= 0 and var k => Inst.Options[i][k],
        _ => null,
    };
}

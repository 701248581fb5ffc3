using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>A tree (edge ids) hung from a terminal: parents, depth-first entry/exit times, degrees, key paths.</summary>
internal sealed class RootedTree
{
    public RootedTree(Instance inst, int[] edges)
    {
        var n = inst.NodeCount;
        var g = inst.Graph;
        InTree = new bool[n];
        Degree = new int[n];
        Parent = new int[n];
        ParentEdge = new int[n];
        Enter = new int[n];
        Exit = new int[n];
        foreach (var e in edges)
        {
            InTree[g.Tail[e]] = InTree[g.Head[e]] = true;
            Degree[g.Tail[e]]++;
            Degree[g.Head[e]]++;
        }
        var inEdges = new bool[inst.EdgeCount];
        foreach (var e in edges) inEdges[e] = true;
        Root = inst.Terminals[0];
        InTree[Root] = true;
        var order = new List<int>();
        var stack = new Stack<(int V, int Next)>();
        Parent[Root] = -1;
        ParentEdge[Root] = -1;
        stack.Push((Root, g.Offsets[Root]));
        Enter[Root] = order.Count;
        order.Add(Root);
        while (stack.Count > 0)
        {
            var (v, i) = stack.Pop();
            if (i == g.Offsets[v + 1]) { Exit[v] = order.Count; continue; }
            stack.Push((v, i + 1));
            var e = g.AdjEdge[i];
            var w = g.AdjNode[i];
            if (!inEdges[e] || e == ParentEdge[v]) continue;
            Parent[w] = v;
            ParentEdge[w] = e;
            Enter[w] = order.Count;
            order.Add(w);
            stack.Push((w, g.Offsets[w]));
        }
        Vertices = [.. order];
        IsKey = new bool[n];
        foreach (var v in Vertices) IsKey[v] = inst.IsTerminal[v] || Degree[v] >= 3;
        Paths = KeyPath.All(inst, this);
    }

    public int Root { get; }
    public bool[] InTree { get; }
    public int[] Degree { get; }
    public int[] Parent { get; }
    public int[] ParentEdge { get; }
    public int[] Enter { get; }
    public int[] Exit { get; }
    public int[] Vertices { get; }
    public bool[] IsKey { get; }
    public KeyPath[] Paths { get; }

    /// <summary>True when <paramref name="v"/> lies in the subtree hanging from <paramref name="top"/>.</summary>
    public bool InSubtree(int v, int top) => Enter[top] <= Enter[v] && Enter[v] < Exit[top];
}

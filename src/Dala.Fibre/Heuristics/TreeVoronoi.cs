using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Voronoi regions of the tree's vertices, the members of each region, and every region-crossing edge sorted by
/// the length of the tree-to-tree path through it (what key-path exchange and key-vertex elimination scan).
/// </summary>
internal sealed class TreeVoronoi
{
    public TreeVoronoi(Instance inst, RootedTree tree)
    {
        var g = inst.Graph;
        Tree = tree;
        Paths = Voronoi.Compute(g, inst.Costs, tree.Vertices);
        var n = inst.NodeCount;
        RegionStart = new int[n + 1];
        for (var v = 0; v < n; v++)
            if (Paths.Base[v] >= 0) RegionStart[Paths.Base[v] + 1]++;
        for (var v = 0; v < n; v++) RegionStart[v + 1] += RegionStart[v];
        RegionNodes = new int[RegionStart[n]];
        var next = RegionStart[..^1];
        for (var v = 0; v < n; v++)
            if (Paths.Base[v] >= 0) RegionNodes[next[Paths.Base[v]]++] = v;
        var lengths = new List<long>();
        var edges = new List<int>();
        for (var e = 0; e < inst.EdgeCount; e++)
        {
            int bu = Paths.Base[g.Tail[e]], bv = Paths.Base[g.Head[e]];
            if (bu < 0 || bv < 0 || bu == bv) continue;
            lengths.Add(Paths.Dist[g.Tail[e]] + g.Costs[e] + Paths.Dist[g.Head[e]]);
            edges.Add(e);
        }
        var keys = lengths.ToArray();
        var items = edges.ToArray();
        Array.Sort(keys, items);
        Crossing = new (long, int)[keys.Length];
        for (var i = 0; i < keys.Length; i++) Crossing[i] = (keys[i], items[i]);
    }

    public RootedTree Tree { get; }

    public Voronoi Paths { get; }

    public int[] RegionStart { get; }

    public int[] RegionNodes { get; }

    public (long Length, int Edge)[] Crossing { get; }

    public ReadOnlySpan<int> Region(int baseVertex) => RegionNodes.AsSpan(RegionStart[baseVertex], RegionStart[baseVertex + 1] - RegionStart[baseVertex]);
}

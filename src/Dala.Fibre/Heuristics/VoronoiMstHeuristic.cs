using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Mehlhorn's construction: Voronoi regions of the terminals, the MST of the terminal graph whose edges are the
/// cheapest region-crossing paths (Kruskal), and the paths of its edges. The root is not used.
/// </summary>
internal sealed class VoronoiMstHeuristic : IConstruction
{
    public static readonly VoronoiMstHeuristic Instance = new();

    public int[] Build(Instance inst, long[] costs, int root)
    {
        var g = inst.Graph;
        var vor = Voronoi.Compute(g, costs, inst.Terminals);
        var links = new List<(long Length, int Edge)>();
        for (var e = 0; e < inst.EdgeCount; e++)
        {
            int u = g.Tail[e], v = g.Head[e];
            if (vor.Base[u] < 0 || vor.Base[v] < 0 || vor.Base[u] == vor.Base[v]) continue;
            links.Add((vor.Dist[u] + costs[e] + vor.Dist[v], e));
        }
        links.Sort();
        var uf = new UnionFind(inst.NodeCount);
        var edges = new HashSet<int>();
        foreach (var (_, e) in links)
        {
            if (!uf.Union(vor.Base[g.Tail[e]], vor.Base[g.Head[e]])) continue;
            edges.Add(e);
            edges.UnionWith(vor.PathToBase(g, g.Tail[e]));
            edges.UnionWith(vor.PathToBase(g, g.Head[e]));
        }
        return [.. edges];
    }
}

using System.Collections.Immutable;
using Dala.Geo;

namespace Dala.Fibre.Planning;

/// <summary>Each settlement's way to the backbone along a tree: a search from every backbone node at once.</summary>
internal static class TreePaths
{
    public static ImmutableArray<SettlementPath> Of(RouteNetwork network, ImmutableArray<int> treeEdges, HashSet<int> rootSet, IEnumerable<string> settlements)
    {
        var g = network.Graph;
        var adjacent = new Dictionary<int, List<int>>();
        foreach (var e in treeEdges)
        {
            var edge = g.Edge(e);
            Add(adjacent, edge.U, e);
            Add(adjacent, edge.V, e);
        }
        var parentEdge = new Dictionary<int, int>();
        var queue = new Queue<int>();
        foreach (var r in rootSet.Order())
        {
            parentEdge[r] = -1;
            queue.Enqueue(r);
        }
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (!adjacent.TryGetValue(v, out var edges)) continue;
            foreach (var e in edges)
            {
                var w = g.Edge(e).Other(v);
                if (parentEdge.TryAdd(w, e)) queue.Enqueue(w);
            }
        }
        var paths = ImmutableArray.CreateBuilder<SettlementPath>();
        foreach (var id in settlements)
        {
            var node = network.Anchors[id];
            if (!parentEdge.ContainsKey(node)) continue;
            var via = new List<string>();
            var line = new List<LonLat> { network.Positions[node] };
            double km = 0, cost = 0;
            while (parentEdge[node] is var e and >= 0)
            {
                var next = g.Edge(e).Other(node);
                km += network.EdgeKm[e];
                cost += g.Cost(e);
                var shape = network.Shape(e);
                line.AddRange(network.Positions[node] == shape[0] ? shape.Skip(1) : shape.Reverse().Skip(1));
                node = next;
                if (parentEdge[node] >= 0 && network.SettlementAt(node) is { } passed) via.Add(passed);
            }
            paths.Add(new SettlementPath(id, network.SettlementAt(node), [.. via], [.. line], km, cost));
        }
        return paths.ToImmutable();
    }

    private static void Add(Dictionary<int, List<int>> adjacent, int node, int edge)
    {
        if (!adjacent.TryGetValue(node, out var list)) adjacent[node] = list = [];
        list.Add(edge);
    }
}

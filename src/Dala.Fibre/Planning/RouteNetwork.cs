using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Fibre.Roads;
using Dala.Geo;

namespace Dala.Fibre.Planning;

/// <summary>
/// Where fibre may be laid: a graph whose edge costs are money (tenge, cost scale 1), with each node's position,
/// each edge's length, cost class and (for roads) its shape, and the node each settlement is attached to.
/// <see cref="Kind"/> is "proxy" for a graph between settlements (no road data) or "roads" for a road network;
/// every plan made on it says which.
/// </summary>
public sealed record RouteNetwork(
    Graph Graph,
    ImmutableArray<LonLat> Positions,
    ImmutableArray<double> EdgeKm,
    ImmutableArray<CostClass> EdgeClass,
    ImmutableDictionary<string, int> Anchors,
    string Kind,
    string Description)
{
    /// <summary>The shape of an edge from its first end to its second (road geometry); null for straight lines.</summary>
    public Func<int, IReadOnlyList<LonLat>>? ShapeOf { get; init; }

    /// <summary>The settlement id at each node, if a settlement sits there.</summary>
    public ImmutableArray<string?> NodeSettlement { get; init; } = [];

    public const string Proxy = "proxy";
    public const string Roads = "roads";

    public IReadOnlyList<LonLat> Shape(int edge)
    {
        if (ShapeOf is not null) return ShapeOf(edge);
        var e = Graph.Edge(edge);
        return [Positions[e.U], Positions[e.V]];
    }

    public string? SettlementAt(int node) => NodeSettlement.IsDefaultOrEmpty ? null : NodeSettlement[node];
}

using System.Collections.Immutable;
using System.Globalization;
using Dala.Fibre.Roads;
using Dala.Geo;

namespace Dala.Fibre.Planning;

/// <summary>
/// A road network made ready for planning: each settlement in scope joined to its nearest road node by a
/// straight connector to the nearest vertex of a road line (priced at the cost book's connector rate). Settlements farther than
/// <see cref="MaxConnectorKm"/> from any road get no connector and so come out of the plan as unreachable.
/// </summary>
public static class RoadRoutes
{
    public const double MaxConnectorKm = 25;

    public static RouteNetwork Of(RoadNetwork roads, PlanSelection selection, double maxConnectorKm = MaxConnectorKm)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(selection);
        var scope = selection.Scope;
        var snap = roads.Snap([.. scope.Select(s => s.Location)], maxConnectorKm);
        var graph = snap.Builder.Build();
        var positions = Enumerable.Range(0, graph.NodeCount).Select(v => graph.Coordinate(v) is { } c ? new LonLat(c.X, c.Y) : default).ToImmutableArray();
        var km = Enumerable.Range(0, graph.EdgeCount).Select(snap.Km).ToArray();
        var classes = Enumerable.Range(0, graph.EdgeCount).Select(snap.Class).ToArray();
        var anchors = ImmutableDictionary.CreateBuilder<string, int>();
        var nodeSettlement = new string?[graph.NodeCount];
        foreach (var c in snap.Connectors.Where(c => c.Connected))
        {
            anchors[scope[c.Point].Id] = c.Node;
            nodeSettlement[c.Node] = scope[c.Point].Id;
        }
        var joined = snap.Connectors.Count(c => c.Connected);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"roads: {roads.Source}, {roads.NodeCount:N0} junctions, {roads.TotalKm:N0} km; {joined:N0} of {scope.Length:N0} settlements joined by straight connectors of at most {maxConnectorKm:0} km");
        return new RouteNetwork(graph, positions, [.. km], [.. classes], anchors.ToImmutable(), RouteNetwork.Roads, description)
        {
            NodeSettlement = [.. nodeSettlement],
            ShapeOf = snap.Geometry,
        };
    }
}

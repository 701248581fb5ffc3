using Dala.Fibre.Graphs;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>The road node nearest a point, by great-circle distance.</summary>
public readonly record struct SnapHit(int Node, double Km);

/// <summary>
/// Connects points (settlements, backbone points of presence) to a <see cref="RoadNetwork"/>. A village usually
/// lies along a road, not at a junction, so each point is joined to the nearest vertex of any road line: a
/// junction, or a vertex inside an edge's polyline, where the edge is then split in two. The join is a straight
/// "connector" edge costing km × the cost book's connector rate. Build once per network, then query freely.
/// </summary>
public sealed class RoadSnapper(RoadNetwork network)
{
    private readonly RoadNodeGrid _grid = new(network.Positions);
    private RoadNodeGrid? _vertexGrid;
    private (int Edge, int Vertex)[]? _vertexAt;

    public RoadNetwork Network { get; } = network;

    /// <summary>The nearest junction (road node) to a point.</summary>
    public SnapHit Nearest(LonLat point)
    {
        CheckPoint(point);
        var (node, km) = _grid.Nearest(point);
        return new SnapHit(node, km);
    }

    /// <summary>
    /// A graph builder holding the road graph plus point i as node <c>NodeCount + i</c>. Edge ids: road edge e
    /// keeps id e (its first piece when split), then one connector per joined point in point order (from
    /// <c>EdgeCount</c> on), then the further pieces of split edges. Split vertices become nodes after the points.
    /// A point farther than <paramref name="maxConnectorKm"/> from every road vertex gets its node but no connector.
    /// </summary>
    public SnapResult Snap(IReadOnlyList<LonLat> points, double? maxConnectorKm = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (maxConnectorKm is { } max && !(max >= 0)) throw new ArgumentOutOfRangeException(nameof(maxConnectorKm), "must not be negative");
        foreach (var p in points) CheckPoint(p);
        var graph = Network.Graph;
        var hits = points.Select(NearestVertex).ToArray();
        var joined = hits.Select(h => maxConnectorKm is not { } limit || h.Km <= limit).ToArray();
        var splits = new SortedDictionary<int, SortedSet<int>>();
        for (var i = 0; i < hits.Length; i++)
            if (joined[i] && hits[i].Edge >= 0)
                (splits.TryGetValue(hits[i].Edge, out var set) ? set : splits[hits[i].Edge] = []).Add(hits[i].Vertex);
        var splitNode = new Dictionary<(int, int), int>();
        var next = graph.NodeCount + points.Count;
        foreach (var (edge, vertices) in splits)
            foreach (var k in vertices) splitNode[(edge, k)] = next++;

        var pieces = new SnapPieces(Network, next);
        for (var v = 0; v < graph.NodeCount; v++) pieces.Builder.SetCoordinate(v, Network.Positions[v].Lon, Network.Positions[v].Lat);
        for (var i = 0; i < points.Count; i++) pieces.Builder.SetCoordinate(graph.NodeCount + i, points[i].Lon, points[i].Lat);
        foreach (var ((edge, k), node) in splitNode)
        {
            var at = Network.Geometry(edge)[k];
            pieces.Builder.SetCoordinate(node, at.Lon, at.Lat);
        }
        // Road edges keep their ids: whole, or their first piece up to the first split.
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var edge = graph.Edge(e);
            if (!splits.TryGetValue(e, out var ks)) pieces.AddRoad(e, edge.U, edge.V, 0, Network.Geometry(e).Length - 1, edge.Cost);
            else pieces.AddRoad(e, edge.U, splitNode[(e, ks.Min)], 0, ks.Min, null);
        }
        var connectors = new SnapConnector[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var h = hits[i];
            var target = h.Edge < 0 ? h.Vertex : splitNode.GetValueOrDefault((h.Edge, h.Vertex), -1);
            var id = joined[i] ? pieces.AddConnector(graph.NodeCount + i, target, points[i], h.Km) : -1;
            connectors[i] = new SnapConnector(i, graph.NodeCount + i, target, h.Km, id);
        }
        foreach (var (e, ks) in splits)
        {
            var list = ks.ToArray();
            for (var j = 0; j < list.Length; j++)
            {
                var to = j + 1 < list.Length ? splitNode[(e, list[j + 1])] : graph.Edge(e).V;
                pieces.AddRoad(e, splitNode[(e, list[j])], to, list[j], j + 1 < list.Length ? list[j + 1] : Network.Geometry(e).Length - 1, null);
            }
        }
        return new SnapResult(Network, pieces, [.. connectors]);
    }

    /// <summary>The nearest junction or polyline vertex: Edge -1 and Vertex = road node, or Edge and the vertex index in its polyline.</summary>
    private (int Edge, int Vertex, double Km) NearestVertex(LonLat point)
    {
        var (node, km) = _grid.Nearest(point);
        if (InteriorGrid() is not { } grid) return (-1, node, km);
        var (index, interiorKm) = grid.Nearest(point);
        return interiorKm < km ? (_vertexAt![index].Edge, _vertexAt[index].Vertex, interiorKm) : (-1, node, km);
    }

    private RoadNodeGrid? InteriorGrid()
    {
        if (_vertexAt is not null) return _vertexGrid;
        var positions = new List<LonLat>();
        var at = new List<(int, int)>();
        for (var e = 0; e < Network.EdgeCount; e++)
        {
            var line = Network.Geometry(e);
            for (var k = 1; k < line.Length - 1; k++)
            {
                positions.Add(line[k]);
                at.Add((e, k));
            }
        }
        _vertexGrid = positions.Count > 0 ? new RoadNodeGrid([.. positions]) : null;
        _vertexAt = [.. at];
        return _vertexGrid;
    }

    private static void CheckPoint(LonLat point)
    {
        if (point.Problem() is { } problem) throw new ArgumentException($"cannot snap {point}: {problem}", nameof(point));
    }
}

using Dala.Fibre.Graphs;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>
/// The edges of a snapped graph as they are added: each a stretch of a road edge's polyline (vertex a to b) or a
/// straight connector, with its km and cost class.
/// </summary>
internal sealed class SnapPieces(RoadNetwork network, int nodeCount)
{
    private readonly List<(int RoadEdge, int From, int To)> _road = [];
    private readonly List<(LonLat Point, int Node)> _connector = [];
    private readonly List<double> _km = [];
    private readonly List<CostClass> _classes = [];

    public GraphBuilder Builder { get; } = new(nodeCount, network.Graph.CostScale);

    public int Count => _km.Count;

    /// <summary>Adds the stretch of road edge <paramref name="edge"/> from vertex a to b; cost null means km × the class rate.</summary>
    public int AddRoad(int edge, int u, int v, int a, int b, long? cost)
    {
        var km = a == 0 && b == network.Geometry(edge).Length - 1 ? network.Km(edge) : Length(network.Geometry(edge)[a..(b + 1)]);
        var id = cost is { } c ? Builder.AddEdge(u, v, c) : Builder.AddEdgeReal(u, v, km * network.Costs.PerKm(network.Class(edge)));
        _road.Add((edge, a, b));
        _connector.Add((default, -1));
        _km.Add(km);
        _classes.Add(network.Class(edge).CostClass());
        return id;
    }

    public int AddConnector(int pointNode, int roadNode, LonLat point, double km)
    {
        var id = Builder.AddEdgeReal(pointNode, roadNode, km * network.Costs.ConnectorPerKm);
        _road.Add((-1, 0, 0));
        _connector.Add((point, roadNode));
        _km.Add(km);
        _classes.Add(CostClass.Connector);
        return id;
    }

    public double Km(int edge) => _km[edge];

    public CostClass Class(int edge) => _classes[edge];

    public bool IsConnector(int edge) => _road[edge].RoadEdge < 0;

    /// <summary>The polyline of an added edge from its first end to its second.</summary>
    public LonLat[] Geometry(int edge, Func<int, LonLat> position)
    {
        var (road, a, b) = _road[edge];
        if (road >= 0) return network.Geometry(road)[a..(b + 1)].ToArray();
        var (point, node) = _connector[edge];
        return [point, position(node)];
    }

    private static double Length(ReadOnlySpan<LonLat> line)
    {
        var km = 0.0;
        for (var i = 1; i < line.Length; i++) km += GeoMath.DistanceKm(line[i - 1], line[i]);
        return km;
    }
}

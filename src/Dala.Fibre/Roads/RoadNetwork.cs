using Dala.Fibre.Graphs;
using Dala.Fibre.Osm;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>
/// A road network as a routing graph. Nodes are the road junctions and line ends (OSM nodes that end a line or are
/// shared by 2+ lines); each edge is the stretch of one way between two of them, with its great-circle length,
/// class, source way and polyline. Edge costs are km × the <see cref="CostBook"/> rate of the class, in tenge,
/// stored as integer units through the graph's cost scale. Graph coordinates are X = longitude, Y = latitude.
/// </summary>
public sealed class RoadNetwork
{
    internal RoadNetwork(Graph graph, CostBook costs, string source, LonLat[] positions, long[] osmIds, RoadEdges edges, RoadExtractStats extractStats)
    {
        Graph = graph;
        Costs = costs;
        Source = source;
        Positions = positions;
        OsmIds = osmIds;
        Edges = edges;
        ExtractStats = extractStats;
    }

    public Graph Graph { get; }

    public CostBook Costs { get; }

    public string Source { get; }

    public RoadExtractStats ExtractStats { get; }

    public int NodeCount => Graph.NodeCount;

    public int EdgeCount => Graph.EdgeCount;

    /// <summary>Closed loops (a line back to the junction it started from) left out: they add no connection.</summary>
    public int LoopsDropped => Edges.LoopsDropped;

    public double TotalKm => Edges.TotalKm;

    internal LonLat[] Positions { get; }

    internal long[] OsmIds { get; }

    internal RoadEdges Edges { get; }

    public LonLat Position(int node) => Positions[node];

    public long OsmNodeId(int node) => OsmIds[node];

    public double Km(int edge) => Edges.Km[edge];

    public RoadClass Class(int edge) => Edges.Classes[edge];

    public long WayId(int edge) => Edges.WayIds[edge];

    /// <summary>The edge's polyline from its U end to its V end (both included).</summary>
    public ReadOnlySpan<LonLat> Geometry(int edge) => Edges.Geometry(edge);

    /// <summary>The edge's polyline starting at <paramref name="from"/> (one of its two ends).</summary>
    public LonLat[] Geometry(int edge, int from)
    {
        var e = Graph.Edge(edge);
        if (from != e.U && from != e.V) throw new ArgumentException($"node {from} is not an end of edge {edge} ({e.U}-{e.V})", nameof(from));
        var points = Geometry(edge).ToArray();
        if (from != e.U) Array.Reverse(points);
        return points;
    }

    /// <summary>Builds the network of extracted lines; <paramref name="costScale"/> is graph cost units per tenge.</summary>
    public static RoadNetwork Build(RoadWays ways, CostBook? costs = null, double costScale = 1) =>
        RoadNetworkBuilder.Build(ways, costs ?? CostBook.Default, costScale);

    /// <summary>Extracts the roads of an OSM file and builds their network in one go.</summary>
    public static RoadNetwork Load(IOsmSource source, RoadSelection? selection = null, CostBook? costs = null, double costScale = 1) =>
        Build(RoadExtractor.Extract(source, selection), costs, costScale);

    /// <summary>Connects points to their nearest road nodes; see <see cref="RoadSnapper.Snap"/>.</summary>
    public SnapResult Snap(IReadOnlyList<LonLat> points, double? maxConnectorKm = null) => new RoadSnapper(this).Snap(points, maxConnectorKm);
}

using System.Text;
using Dala.Fibre.Osm;
using Dala.Fibre.Roads;
using Dala.Fibre.Tests.Osm;

namespace Dala.Fibre.Tests.Roads;

/// <summary>
/// A small map near Astana, written as PBF or XML:
/// <code>
///   1 ── 2 ── 3 ── 4 ━━ 11      100 primary [1 2 3 4];  103 railway=rail [4 11]
///             │                 101 residential [5 3 6 7]; 105 primary_link [7 12]
///   5 ────────┘ 6 ─ 7 ─ 12      102 track [8 9];  104 footway [1 5]
/// </code>
/// With the default selection the junctions are 1, 3, 4, 5, 7, 12 (2 and 6 collapse).
/// </summary>
internal static class RoadMap
{
    public static readonly MapNode[] Nodes =
    [
        new(1, 71.40, 51.10), new(2, 71.41, 51.1003), new(3, 71.42, 51.10), new(4, 71.43, 51.10),
        new(5, 71.42, 51.09), new(6, 71.42, 51.11, "highway=street_lamp"), new(7, 71.425, 51.115), new(8, 71.50, 51.20),
        new(9, 71.51, 51.21), new(11, 71.45, 51.10), new(12, 71.43, 51.12),
    ];

    public static readonly MapWay[] Ways =
    [
        new(100, [1, 2, 3, 4], "highway=primary", "ref=R-1"),
        new(101, [5, 3, 6, 7], "highway=residential"),
        new(102, [8, 9], "highway=track"),
        new(103, [4, 11], "railway=rail"),
        new(104, [1, 5], "highway=footway"),
        new(105, [7, 12], "highway=primary_link"),
    ];

    public static IOsmSource Pbf(MapNode[]? nodes = null, MapWay[]? ways = null, bool waysFirst = false)
    {
        var file = new PbfFile().Header();
        if (waysFirst) file.Ways(ways ?? Ways).Dense(nodes ?? Nodes);
        else file.Dense(nodes ?? Nodes).Ways(ways ?? Ways);
        return file.Source("map.pbf");
    }

    public static IOsmSource Xml(MapNode[]? nodes = null, MapWay[]? ways = null)
    {
        var bytes = Encoding.UTF8.GetBytes(OsmXmlText.Write(nodes ?? Nodes, ways ?? Ways));
        return new OsmXmlReader(() => new MemoryStream(bytes), "map.osm");
    }

    public static IOsmSource Source(string format, MapNode[]? nodes = null, MapWay[]? ways = null) =>
        format == "pbf" ? Pbf(nodes, ways) : Xml(nodes, ways);

    public static MapNode Node(long id) => Nodes.Single(n => n.Id == id);

    public static Geo.LonLat At(long id) => new(Node(id).Lon, Node(id).Lat);

    /// <summary>The graph node of an OSM node id.</summary>
    public static int Find(RoadNetwork net, long osmId) =>
        Enumerable.Range(0, net.NodeCount).Single(v => net.OsmNodeId(v) == osmId);

    /// <summary>The edge between two OSM node ids.</summary>
    public static int Edge(RoadNetwork net, long a, long b)
    {
        var (u, v) = (Find(net, a), Find(net, b));
        return Enumerable.Range(0, net.EdgeCount).Single(e => net.Graph.Edge(e) is var x && ((x.U == u && x.V == v) || (x.U == v && x.V == u)));
    }
}

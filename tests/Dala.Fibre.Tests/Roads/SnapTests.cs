using Dala.Fibre.Roads;
using Dala.Fibre.Tests.Osm;
using Dala.Geo;

namespace Dala.Fibre.Tests.Roads;

/// <summary>Snapping settlements and points of presence to the road graph with connector edges.</summary>
public class SnapTests
{
    [Fact]
    public void Snapping_picks_the_nearest_node_and_adds_a_connector_with_its_length_and_cost()
    {
        var net = RoadNetwork.Load(RoadMap.Pbf());
        LonLat village = new(71.436, 51.125), pop = new(71.419, 51.085);
        var snap = net.Snap([village, pop]);
        Assert.Equal(net.NodeCount + 2, snap.Builder.NodeCount);
        Assert.Equal(net.EdgeCount + 2, snap.Builder.EdgeCount);
        var c = snap.Connectors[0];
        Assert.Equal((0, net.NodeCount, RoadMap.Find(net, 12), net.EdgeCount), (c.Point, c.Node, c.RoadNode, c.Edge));
        Assert.Equal(GeoMath.DistanceKm(village, RoadMap.At(12)), c.Km);
        Assert.Equal(RoadMap.Find(net, 5), snap.Connectors[1].RoadNode);
        Assert.Equal(net.NodeCount + 1, snap.NodeOf(1));
        var graph = snap.Builder.Build();
        Assert.Equal((long)Math.Round(c.Km * CostBook.Default.ConnectorPerKm), graph.Cost(c.Edge));
        Assert.Equal(new Graphs.Edge(net.NodeCount, c.RoadNode, graph.Cost(c.Edge)), graph.Edge(c.Edge));
        for (var e = 0; e < net.EdgeCount; e++) Assert.Equal(net.Graph.Edge(e), graph.Edge(e));
        Assert.Equal(new Graphs.Coordinate(village.Lon, village.Lat), graph.Coordinate(c.Node));
        Assert.Equal([village, RoadMap.At(12)], snap.Geometry(c.Edge));
        Assert.Equal(net.Geometry(0).ToArray(), snap.Geometry(0));
        Assert.Equal(c.Km + snap.Connectors[1].Km, snap.ConnectorKm, 12);
    }

    [Fact]
    public void A_village_along_a_road_joins_the_nearest_vertex_and_splits_the_edge_there()
    {
        var net = RoadNetwork.Load(RoadMap.Pbf());
        LonLat village = new(71.41, 51.101); // 80 m from OSM node 2, inside the primary's edge 1-3; 700 m from the junctions
        var snap = net.Snap([village]);
        var c = snap.Connectors[0];
        var split = net.NodeCount + 1;
        Assert.Equal((split, GeoMath.DistanceKm(village, RoadMap.At(2))), (c.RoadNode, c.Km));
        Assert.Equal(net.EdgeCount + 2, snap.Builder.EdgeCount);
        var graph = snap.Builder.Build();
        var road = Enumerable.Range(0, net.EdgeCount).Single(e => Set(net.Graph.Edge(e)) == Set(new(RoadMap.Find(net, 1), RoadMap.Find(net, 3), 0)));
        var second = net.EdgeCount + 1;
        Assert.Equal(split, graph.Edge(road).Other(RoadMap.Find(net, 1) == graph.Edge(road).U ? graph.Edge(road).U : graph.Edge(road).V));
        Assert.Contains(split, new[] { graph.Edge(second).U, graph.Edge(second).V });
        Assert.Equal(net.Km(road), snap.Km(road) + snap.Km(second), 12);
        Assert.Equal(GeoMath.DistanceKm(RoadMap.At(1), RoadMap.At(2)), snap.Km(road), 12);
        Assert.Equal((CostClass.PavedRoad, CostClass.PavedRoad, CostClass.Connector), (snap.Class(road), snap.Class(second), snap.Class(c.Edge)));
        Assert.InRange(graph.Cost(road) + graph.Cost(second) - net.Graph.Cost(road), -1, 1);
        Assert.Equal(RoadMap.At(2), snap.Geometry(road)[^1]);
        Assert.Equal(RoadMap.At(2), snap.Geometry(second)[0]);
        Assert.Equal([village, RoadMap.At(2)], snap.Geometry(c.Edge));
        Assert.Equal(new Graphs.Coordinate(71.41, 51.1003), graph.Coordinate(split));
    }

    private static (int, int) Set(Graphs.Edge e) => e.U < e.V ? (e.U, e.V) : (e.V, e.U);

    [Fact]
    public void A_point_on_a_node_gets_a_zero_length_connector_and_a_far_point_none_beyond_the_limit()
    {
        var net = RoadNetwork.Load(RoadMap.Pbf());
        var snap = new RoadSnapper(net).Snap([RoadMap.At(4), new LonLat(75, 45)], maxConnectorKm: 50);
        Assert.Equal((RoadMap.Find(net, 4), 0.0), (snap.Connectors[0].RoadNode, snap.Connectors[0].Km));
        Assert.False(snap.Connectors[1].Connected);
        Assert.Equal(-1, snap.Connectors[1].Edge);
        Assert.Equal(net.EdgeCount + 1, snap.Builder.EdgeCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => snap.Geometry(net.EdgeCount + 1));
    }

    [Fact]
    public void Bad_points_and_an_empty_network_are_refused()
    {
        var net = RoadNetwork.Load(RoadMap.Pbf());
        Assert.Throws<ArgumentException>(() => net.Snap([new LonLat(200, 0)]));
        var empty = RoadNetwork.Load(RoadMap.Pbf(ways: [new MapWay(1, [8, 9], "highway=footway")]));
        Assert.Equal(0, empty.NodeCount);
        Assert.Throws<InvalidOperationException>(() => new RoadSnapper(empty));
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public void The_grid_finds_the_same_nearest_node_as_brute_force(int seed, int count)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, count).Select(_ => new LonLat(46 + random.NextDouble() * 42, 40 + random.NextDouble() * 16)).ToArray();
        if (count > 10) points[7] = points[3]; // a tie: the lower index wins
        var grid = new RoadNodeGrid(points);
        var queries = Enumerable.Range(0, 400).Select(_ => new LonLat(30 + random.NextDouble() * 70, 30 + random.NextDouble() * 35))
            .Concat(points.Take(20)).Append(new LonLat(-170, -80)).Append(new LonLat(179, 89));
        foreach (var q in queries)
        {
            var brute = Enumerable.Range(0, count).Select(i => (Index: i, Km: GeoMath.DistanceKm(q, points[i]))).MinBy(x => (x.Km, x.Index));
            Assert.Equal(brute, grid.Nearest(q));
        }
    }
}

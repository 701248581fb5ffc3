using Dala.Fibre.Roads;
using Dala.Fibre.Tests.Osm;
using Dala.Geo;

namespace Dala.Fibre.Tests.Roads;

/// <summary>From OSM ways to a junction graph: intersections, collapsed chains, lengths, costs and geometry.</summary>
public class RoadNetworkTests
{
    [Theory]
    [InlineData("pbf")]
    [InlineData("osm")]
    public void Crossing_ways_meet_at_an_intersection_node(string format)
    {
        var net = RoadNetwork.Load(RoadMap.Source(format));
        Assert.Equal([1L, 3, 4, 5, 7, 12], Enumerable.Range(0, net.NodeCount).Select(net.OsmNodeId));
        Assert.Equal(5, net.EdgeCount);
        Assert.Equal(4, net.Graph.Degree(RoadMap.Find(net, 3)));
        Assert.Equal(RoadMap.At(3), net.Position(RoadMap.Find(net, 3)));
        Assert.Equal(new Graphs.Coordinate(71.42, 51.10), net.Graph.Coordinate(RoadMap.Find(net, 3)));
    }

    [Fact]
    public void Intermediate_nodes_collapse_into_one_edge_with_the_haversine_sum()
    {
        var net = RoadNetwork.Load(RoadMap.Pbf());
        var e = RoadMap.Edge(net, 1, 3);
        var expected = GeoMath.DistanceKm(RoadMap.At(1), RoadMap.At(2)) + GeoMath.DistanceKm(RoadMap.At(2), RoadMap.At(3));
        Assert.Equal(expected, net.Km(e), 12);
        Assert.Equal([RoadMap.At(1), RoadMap.At(2), RoadMap.At(3)], net.Geometry(e).ToArray());
        Assert.Equal([RoadMap.At(3), RoadMap.At(2), RoadMap.At(1)], net.Geometry(e, RoadMap.Find(net, 3)));
        Assert.Equal((RoadClass.Primary, 100L), (net.Class(e), net.WayId(e)));
        var e2 = RoadMap.Edge(net, 3, 7);
        Assert.Equal(GeoMath.DistanceKm(RoadMap.At(3), RoadMap.At(6)) + GeoMath.DistanceKm(RoadMap.At(6), RoadMap.At(7)), net.Km(e2), 12);
        Assert.Equal(Enumerable.Range(0, net.EdgeCount).Sum(net.Km), net.TotalKm, 9);
        Assert.Throws<ArgumentException>(() => net.Geometry(e, RoadMap.Find(net, 12)));
    }

    [Fact]
    public void Edge_costs_are_km_times_the_class_rate_in_cost_units()
    {
        var book = CostBook.Default with { PavedRoadPerKm = 1000, MinorRoadPerKm = 10 };
        var net = RoadNetwork.Load(RoadMap.Pbf(), costs: book, costScale: 100);
        var primary = RoadMap.Edge(net, 1, 3);
        var residential = RoadMap.Edge(net, 5, 3);
        Assert.Equal((long)Math.Round(net.Km(primary) * 1000 * 100), net.Graph.Cost(primary));
        Assert.Equal((long)Math.Round(net.Km(residential) * 10 * 100), net.Graph.Cost(residential));
        Assert.Equal(100, net.Graph.CostScale);
        Assert.Same(book, net.Costs);
    }

    [Fact]
    public void The_class_filter_keeps_links_with_their_road_and_leaves_tracks_and_footways_out()
    {
        var net = RoadNetwork.Load(RoadMap.Pbf());
        Assert.Equal(RoadClass.Primary, net.Class(RoadMap.Edge(net, 7, 12)));
        Assert.DoesNotContain(8L, Enumerable.Range(0, net.NodeCount).Select(net.OsmNodeId));
        var withTracks = RoadNetwork.Load(RoadMap.Pbf(), RoadSelection.Default.With(RoadClass.Track).With(RoadClass.LivingStreet));
        Assert.Equal(RoadClass.Track, withTracks.Class(RoadMap.Edge(withTracks, 8, 9)));
        var mainOnly = RoadNetwork.Load(RoadMap.Pbf(), RoadSelection.Of(RoadClass.Primary));
        Assert.Equal([1L, 4, 7, 12], Enumerable.Range(0, mainOnly.NodeCount).Select(mainOnly.OsmNodeId));
        Assert.Equal(6, mainOnly.ExtractStats.WaysRead);
        Assert.Equal(2, mainOnly.ExtractStats.WaysSelected);
    }

    [Fact]
    public void Railways_are_an_optional_class_with_their_own_rate()
    {
        Assert.DoesNotContain(11L, Enumerable.Range(0, RoadNetwork.Load(RoadMap.Pbf()).NodeCount).Select(RoadNetwork.Load(RoadMap.Pbf()).OsmNodeId));
        var net = RoadNetwork.Load(RoadMap.Pbf(), RoadSelection.DefaultWithRail);
        var rail = RoadMap.Edge(net, 4, 11);
        Assert.Equal(RoadClass.Rail, net.Class(rail));
        Assert.Equal((long)Math.Round(net.Km(rail) * CostBook.Default.RailPerKm), net.Graph.Cost(rail));
        Assert.True(RoadSelection.DefaultWithRail.Contains(RoadClass.Rail));
        Assert.False(RoadSelection.DefaultWithRail.Without(RoadClass.Rail).Contains(RoadClass.Rail));
    }

    [Fact]
    public void Ways_before_nodes_give_the_same_network()
    {
        var a = RoadNetwork.Load(RoadMap.Pbf());
        var b = RoadNetwork.Load(RoadMap.Pbf(waysFirst: true));
        Assert.Equal(Enumerable.Range(0, a.EdgeCount).Select(a.Graph.Edge), Enumerable.Range(0, b.EdgeCount).Select(b.Graph.Edge));
    }

    [Fact]
    public void A_closed_loop_is_dropped_and_a_ring_with_a_spur_splits_in_two()
    {
        MapNode[] nodes = [new(20, 70.0, 50.0), new(21, 70.01, 50.0), new(22, 70.0, 50.01), new(23, 70.02, 50.0)];
        var loop = RoadNetwork.Load(RoadMap.Pbf(nodes, [new(1, [20, 21, 22, 20], "highway=tertiary")]));
        Assert.Equal((1, 0, 1), (loop.NodeCount, loop.EdgeCount, loop.LoopsDropped));
        var spur = RoadNetwork.Load(RoadMap.Pbf(nodes, [new(1, [20, 21, 22, 20], "highway=tertiary"), new(2, [21, 23], "highway=tertiary")]));
        Assert.Equal((3, 3, 0), (spur.NodeCount, spur.EdgeCount, spur.LoopsDropped));
    }

    [Fact]
    public void Repeated_nodes_in_a_row_are_merged_and_one_node_ways_dropped()
    {
        var ways = RoadMap.Pbf(ways: [new(1, [1, 1, 2, 2, 3], "highway=primary"), new(2, [4, 4], "highway=primary")]);
        var extract = RoadExtractor.Extract(ways);
        Assert.Equal((1, 1, 1), (extract.PieceCount, extract.Stats.WaysSelected, extract.Stats.WaysDropped));
        Assert.Equal(3, extract.Nodes(0).Length);
    }

    [Fact]
    public void Bad_cost_book_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CostBook(-1, 1, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CostBook.Default with { ConnectorPerKm = double.NaN });
        Assert.Equal(CostBook.Default.TrackPerKm, CostBook.Default.PerKm(RoadClass.Track));
        Assert.Equal(CostBook.Default with { }, CostBook.Default);
    }
}

using Dala.Fibre.Graphs;

namespace Dala.Fibre.Tests;

public class GraphTests
{
    [Fact]
    public void The_snapshot_lists_each_node_s_arcs()
    {
        var b = new GraphBuilder(4);
        b.AddEdge(0, 1, 5);
        b.AddEdge(1, 2, 7);
        b.AddEdge(1, 3, 0);
        var g = b.Build();
        Assert.Equal((4, 3), (g.NodeCount, g.EdgeCount));
        Assert.Equal([0, 2, 3], g.Neighbours(1).ToArray());
        Assert.Equal([0, 1, 2], g.IncidentEdges(1).ToArray());
        Assert.Equal(0, g.Degree(0) - 1);
        Assert.Equal(12, g.CostOf([0, 1]));
        Assert.Equal(2, g.Edge(1).Other(1));
    }

    [Fact]
    public void Real_costs_are_rounded_to_cost_units()
    {
        var b = new GraphBuilder(2, costScale: 1000);
        var e = b.AddEdgeReal(0, 1, 1.23456);
        var g = b.Build();
        Assert.Equal(1235, g.Cost(e));
        Assert.Equal(1.235, g.RealCost(g.Cost(e)), 9);
    }

    [Fact]
    public void The_builder_rejects_what_is_not_a_graph()
    {
        var b = new GraphBuilder(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.AddEdge(0, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.AddEdge(0, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.AddEdgeReal(0, 1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphBuilder(2, costScale: 0));
    }

    [Fact]
    public void A_built_graph_does_not_change_when_the_builder_goes_on()
    {
        var b = new GraphBuilder(3);
        b.AddEdge(0, 1, 1);
        var first = b.Build();
        b.AddEdge(1, 2, 1);
        b.SetCoordinate(0, 1, 2);
        Assert.Equal(1, first.EdgeCount);
        Assert.False(first.HasCoordinates);
        Assert.Equal(2, b.Build().EdgeCount);
    }
}

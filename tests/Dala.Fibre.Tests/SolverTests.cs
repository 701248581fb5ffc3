using Dala.Fibre.Graphs;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Tests;

/// <summary>The solver on tiny hand-made graphs whose optimum is known.</summary>
public class SolverTests
{
    private static SteinerResult Solve(Graph g, int[] terminals, int[]? rootSet = null) =>
        SteinerSolver.Solve(new SteinerProblem(g, terminals, rootSet));

    private static Graph Graph(int n, params (int U, int V, long Cost)[] edges)
    {
        var b = new GraphBuilder(n);
        foreach (var (u, v, c) in edges) b.AddEdge(u, v, c);
        return b.Build();
    }

    [Fact]
    public void Three_terminals_meet_at_a_Steiner_node()
    {
        var g = Graph(4, (0, 3, 2), (1, 3, 2), (2, 3, 2), (0, 1, 5), (1, 2, 5), (0, 2, 5));
        var r = Solve(g, [0, 1, 2]);
        Assert.Equal(6, r.Cost);
        Assert.Equal([0, 1, 2], r.Edges.ToArray());
        Assert.True(r.ProvenOptimal);
        Assert.Equal(0, r.Gap);
        Assert.True(r.IsComplete);
    }

    [Fact]
    public void Two_terminals_are_joined_by_a_shortest_path()
    {
        var g = Graph(5, (0, 1, 1), (1, 2, 1), (2, 4, 1), (0, 3, 2), (3, 4, 2), (0, 4, 4));
        var r = Solve(g, [0, 4]);
        Assert.Equal(3, r.Cost);
        Assert.Equal([0, 1, 2], r.Edges.ToArray());
    }

    [Fact]
    public void One_or_no_terminal_needs_no_edge()
    {
        var g = Graph(3, (0, 1, 1), (1, 2, 1));
        Assert.Equal((0L, 0), (Solve(g, [1]).Cost, Solve(g, [1]).Edges.Length));
        Assert.Equal(0, Solve(g, []).Cost);
        Assert.Equal(0, Solve(g, [2, 2]).Cost);
    }

    [Fact]
    public void Zero_cost_edges_are_free()
    {
        var g = Graph(4, (0, 1, 0), (1, 2, 0), (2, 3, 7), (0, 3, 9));
        Assert.Equal(7, Solve(g, [0, 3]).Cost);
    }

    [Fact]
    public void A_root_set_is_one_terminal_joined_at_no_cost()
    {
        // Backbone 0-1-2 (dear edges, already built); villages 3 and 4 near backbone nodes 0 and 2.
        var g = Graph(6, (0, 1, 100), (1, 2, 100), (0, 3, 4), (2, 4, 5), (3, 4, 50), (3, 5, 1), (5, 4, 60));
        var r = Solve(g, [3, 4], rootSet: [0, 1, 2]);
        Assert.Equal(9, r.Cost);
        Assert.Equal([2, 3], r.Edges.ToArray());
        Assert.True(r.ProvenOptimal);
    }

    [Fact]
    public void A_terminal_inside_the_root_set_costs_nothing()
    {
        var g = Graph(3, (0, 1, 10), (1, 2, 3));
        var r = Solve(g, [0, 2], rootSet: [0, 1]);
        Assert.Equal(3, r.Cost);
    }

    [Fact]
    public void Terminals_the_root_cannot_reach_are_listed_and_the_rest_is_solved()
    {
        var g = Graph(6, (0, 1, 1), (1, 2, 1), (3, 4, 1), (4, 5, 1));
        var r = Solve(g, [0, 2, 4, 5]);
        Assert.False(r.IsComplete);
        Assert.Equal([4, 5], r.Unreachable.ToArray());
        Assert.Equal(2, r.Cost);
        var e = Assert.Throws<UnreachableTerminalsException>(() => r.EnsureComplete());
        Assert.Equal([4, 5], e.Terminals);
        Assert.Contains("2 terminal(s) cannot be reached from the root: 4, 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_costs_come_back_through_the_cost_scale()
    {
        var b = new GraphBuilder(3, costScale: 1000);
        b.AddEdgeReal(0, 1, 12.5);
        b.AddEdgeReal(1, 2, 7.25);
        b.AddEdgeReal(0, 2, 30);
        var g = b.Build();
        var r = SteinerSolver.Solve(new SteinerProblem(g, [0, 2]));
        Assert.Equal(19.75, g.RealCost(r.Cost), 9);
    }

    [Fact]
    public void Bad_nodes_are_refused()
    {
        var g = Graph(2, (0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SteinerProblem(g, [0, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SteinerProblem(g, [0], [-1]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_tree()
    {
        var p = RandomInstances.Problem(7, maxNodes: 60, maxTerminals: 25);
        var o = new SteinerOptions { Seed = 42, Reduce = false, ExactWorkLimit = 0, MaxStarts = 40, TimeLimit = TimeSpan.FromMinutes(5) };
        var a = SteinerSolver.Default.Solve(p, o);
        var b = SteinerSolver.Default.Solve(p, o);
        Assert.Equal(a.Edges.ToArray(), b.Edges.ToArray());
        Assert.Equal((a.Cost, a.LowerBound, a.Stats), (b.Cost, b.LowerBound, b.Stats));
    }
}

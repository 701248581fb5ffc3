using Dala.Fibre.Exact;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Tests;

/// <summary>Dreyfus–Wagner (the reference of the other tests) against plain enumeration, and the solver against both.</summary>
public class ExactTests
{
    /// <summary>The cheapest MST over terminals plus any subset of the other nodes (tiny graphs only).</summary>
    internal static long Enumerate(Instance inst)
    {
        var others = Enumerable.Range(0, inst.NodeCount).Where(v => !inst.IsTerminal[v]).ToArray();
        var best = long.MaxValue;
        for (var mask = 0; mask < 1 << others.Length; mask++)
        {
            var inV = (bool[])inst.IsTerminal.Clone();
            for (var i = 0; i < others.Length; i++) if ((mask >> i & 1) == 1) inV[others[i]] = true;
            var mst = TreeOps.InducedMst(inst, inV);
            if (mst.Count != inV.Count(x => x) - 1) continue;
            best = Math.Min(best, TreeOps.Cost(inst, mst));
        }
        return best;
    }

    [Fact]
    public void Dreyfus_Wagner_matches_enumeration_on_tiny_graphs()
    {
        for (var seed = 0; seed < 150; seed++)
        {
            var inst = RandomInstances.Of(RandomInstances.Problem(seed, maxNodes: 11, maxTerminals: 6));
            var tree = DreyfusWagner.Solve(inst);
            Assert.True(TreeOps.IsSteinerTree(inst, tree), $"seed {seed}");
            Assert.Equal(Enumerate(inst), TreeOps.Cost(inst, tree));
        }
    }

    [Fact]
    public void The_solver_finds_the_optimum_of_small_random_graphs_with_and_without_reductions()
    {
        for (var seed = 0; seed < 120; seed++)
        {
            var p = RandomInstances.Problem(1000 + seed, maxNodes: 30, maxTerminals: 10);
            var optimum = TreeOps.Cost(RandomInstances.Of(p), DreyfusWagner.Solve(RandomInstances.Of(p)));
            foreach (var reduce in new[] { true, false })
            {
                var r = SteinerSolver.Default.Solve(p, new SteinerOptions { Reduce = reduce, ExactWorkLimit = 0, StallStarts = 200 });
                Assert.True(TreeOps.IsSteinerTree(RandomInstances.Of(p), [.. r.Edges]), $"seed {seed}");
                Assert.Equal(r.Cost, p.Graph.CostOf(r.Edges));
                Assert.True(r.LowerBound <= optimum, $"seed {seed}: bound {r.LowerBound} > optimum {optimum}");
                Assert.True(r.Cost == optimum, $"seed {seed} reduce {reduce}: {r.Cost} vs optimum {optimum}");
            }
        }
    }

    [Fact]
    public void A_root_set_costs_what_joining_its_nodes_by_free_edges_costs()
    {
        for (var seed = 0; seed < 80; seed++)
        {
            var p = RandomInstances.Problem(3000 + seed, maxNodes: 25, maxTerminals: 7);
            var rng = new Random(seed);
            var rootSet = Enumerable.Range(0, p.Graph.NodeCount).OrderBy(_ => rng.Next()).Take(rng.Next(2, 5)).ToArray();
            var b = new Graphs.GraphBuilder(p.Graph.NodeCount);
            for (var e = 0; e < p.Graph.EdgeCount; e++) b.AddEdge(p.Graph.Edge(e).U, p.Graph.Edge(e).V, p.Graph.Edge(e).Cost);
            foreach (var r in rootSet.Skip(1)) b.AddEdge(rootSet[0], r, 0);
            var joined = Instance.Of(b.Build(), p.Terminals.Append(rootSet[0]));
            var optimum = TreeOps.Cost(joined, DreyfusWagner.Solve(joined));
            var r2 = SteinerSolver.Solve(new SteinerProblem(p.Graph, p.Terminals, rootSet));
            Assert.True(r2.Cost == optimum, $"seed {seed}: {r2.Cost} vs {optimum}");
            Assert.True(r2.LowerBound <= optimum);
            Assert.Equal(r2.Cost, p.Graph.CostOf(r2.Edges));
        }
    }
}

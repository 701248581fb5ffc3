using Dala.Fibre.Bounds;
using Dala.Fibre.Exact;
using Dala.Fibre.Reduction;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Tests;

/// <summary>
/// Every reduction keeps the optimum: on small random graphs the optimum of the reduced graph plus the fixed cost
/// equals the optimum of the original (both by Dreyfus–Wagner), and the reduced optimum maps back to a tree of
/// the original graph that costs just as much.
/// </summary>
public class ReductionTests
{
    public static TheoryData<string> Tests => ["degree", "nearest-vertex", "special-distance", "long-edge", "all"];

    private static IReduction[] Make(string name) => name switch
    {
        "degree" => [new DegreeTest()],
        "nearest-vertex" => [new NearestVertexTest()],
        "special-distance" => [new SpecialDistanceTest()],
        "long-edge" => [new LongEdgeTest()],
        _ => [new DegreeTest(), new NearestVertexTest(), new SpecialDistanceTest(), new LongEdgeTest(), new DegreeTest()],
    };

    private static long Optimum(Instance inst) => inst.Terminals.Length <= 1 ? 0 : TreeOps.Cost(inst, DreyfusWagner.Solve(inst));

    [Theory]
    [MemberData(nameof(Tests))]
    public void A_reduction_keeps_the_optimum(string name)
    {
        var edits = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var p = RandomInstances.Problem(seed, maxNodes: 28, maxTerminals: 9, maxCost: seed % 3 == 0 ? 3 : 10);
            var original = RandomInstances.Of(p);
            var optimum = Optimum(original);
            var work = WorkGraph.From(p);
            foreach (var test in Make(name))
                for (var pass = 0; pass < 3 && work.TerminalCount > 1; pass++) edits += test.Apply(work);
            var (reduced, we, _) = work.Snapshot();
            var tree = reduced.Terminals.Length <= 1 ? [] : DreyfusWagner.Solve(reduced);
            Assert.True(work.FixedCost + TreeOps.Cost(reduced, tree) == optimum, $"{name}, seed {seed}: {work.FixedCost} + {TreeOps.Cost(reduced, tree)} != {optimum}");
            var back = work.Expand(tree, we).Distinct().ToArray();
            Assert.True(TreeOps.IsSteinerTree(original, back), $"{name}, seed {seed}: the mapped tree is not a Steiner tree");
            Assert.Equal(optimum, p.Graph.CostOf(back));
        }
        Assert.True(edits > 100, $"{name} changed almost nothing ({edits} edits)");
    }

    [Fact]
    public void Dual_ascent_never_bounds_above_the_optimum_from_any_root()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var inst = RandomInstances.Of(RandomInstances.Problem(500 + seed));
            var optimum = Optimum(inst);
            foreach (var root in inst.Terminals)
            {
                var da = DualAscent.Run(inst, root);
                Assert.True(da.LowerBound <= optimum, $"seed {seed}, root {root}: {da.LowerBound} > {optimum}");
                Assert.All(da.Reduced, rc => Assert.True(rc >= 0));
            }
        }
    }

    [Fact]
    public void Bound_based_elimination_keeps_every_tree_within_the_bound()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var p = RandomInstances.Problem(900 + seed);
            var inst = RandomInstances.Of(p);
            var optimum = Optimum(inst);
            var da = DualAscent.Run(inst, inst.Terminals[0]);
            var (kept, gone) = Eliminate(inst, da, optimum);
            Assert.True(Optimum(kept) == optimum, $"seed {seed}: eliminating above the optimum lost it");
            (kept, gone) = Eliminate(inst, da, optimum - 1);
            var connected = TreeOps.IsSteinerTree(kept, TreeOps.InducedMst(kept, Enumerable.Repeat(true, kept.NodeCount).ToArray()));
            Assert.True(!connected || Optimum(kept) >= optimum, $"seed {seed}: {gone} deletions below the optimum left a cheaper tree");
        }
    }

    /// <summary>The instance without what bound-based elimination removes for trees costing at most the target.</summary>
    private static (Instance Kept, int Deleted) Eliminate(Instance inst, DualAscentResult da, long target)
    {
        var fixes = ReducedCostFixing.Find(inst, da, target);
        var b = new Graphs.GraphBuilder(inst.NodeCount);
        for (var e = 0; e < inst.EdgeCount; e++)
            if (!fixes.Edge[e]) b.AddEdge(inst.Graph.Tail[e], inst.Graph.Head[e], inst.Costs[e]);
        Assert.All(inst.Terminals, t => Assert.False(fixes.Node[t]));
        return (new Instance(b.Build(), inst.IsTerminal), fixes.Nodes + fixes.Edges);
    }
}

using Dala.Fibre.Graphs;
using Dala.Fibre.PrizeCollecting;

namespace Dala.Fibre.Tests.PrizeCollecting;

/// <summary>
/// The prize-collecting solver against brute force on small random graphs: the optimum is the least, over every set
/// of nodes joined to the root set, of the minimum spanning tree of that set plus the prizes left out.
/// </summary>
public sealed class PcstBruteForceTests
{
    private static (PcstProblem Problem, long Optimum) Random(int seed)
    {
        var rng = new Random(seed);
        var n = rng.Next(5, 11);
        var b = new GraphBuilder(n);
        for (var v = 1; v < n; v++) b.AddEdge(rng.Next(v), v, rng.Next(1, 60));
        for (var k = 0; k < n; k++)
        {
            var (u, v) = (rng.Next(n), rng.Next(n));
            if (u != v) b.AddEdge(u, v, rng.Next(1, 60));
        }
        var g = b.Build();
        var prizes = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3 ? 0L : rng.Next(0, 80)).ToArray();
        int[] roots = rng.NextDouble() < 0.5 ? [0] : [0, n - 1];
        foreach (var r in roots) prizes[r] = 0;
        var p = new PcstProblem(g, prizes, roots);
        return (p, Optimum(p));
    }

    private static long Optimum(PcstProblem p)
    {
        var g = p.Graph;
        var others = Enumerable.Range(0, g.NodeCount).Where(v => !p.RootSet.Contains(v)).ToArray();
        var best = long.MaxValue;
        for (var mask = 0; mask < 1 << others.Length; mask++)
        {
            var inSet = new bool[g.NodeCount];
            foreach (var r in p.RootSet) inSet[r] = true;
            long missed = 0;
            for (var k = 0; k < others.Length; k++)
            {
                if ((mask >> k & 1) == 1) inSet[others[k]] = true;
                else missed += p.Prizes[others[k]];
            }
            if (SpanningCost(p, inSet) is { } tree) best = Math.Min(best, tree + missed);
        }
        return best;
    }

    /// <summary>Kruskal over the set with the root set merged; null when the set is not connected to it.</summary>
    private static long? SpanningCost(PcstProblem p, bool[] inSet)
    {
        var g = p.Graph;
        var parent = Enumerable.Range(0, g.NodeCount).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var r in p.RootSet) parent[Find(r)] = Find(p.RootSet[0]);
        long cost = 0;
        foreach (var e in Enumerable.Range(0, g.EdgeCount).OrderBy(g.Cost))
        {
            var edge = g.Edge(e);
            if (!inSet[edge.U] || !inSet[edge.V]) continue;
            var (a, c) = (Find(edge.U), Find(edge.V));
            if (a == c) continue;
            parent[a] = c;
            cost += edge.Cost;
        }
        var root = Find(p.RootSet[0]);
        return Enumerable.Range(0, g.NodeCount).All(v => !inSet[v] || Find(v) == root) ? cost : null;
    }

    [Fact]
    public void The_bound_never_exceeds_the_optimum_and_the_tree_is_usually_optimal()
    {
        var optimal = 0;
        const int cases = 300;
        for (var seed = 0; seed < cases; seed++)
        {
            var (p, opt) = Random(seed);
            var r = PcstSolver.Solve(p, new PcstOptions { PolishStarts = 2 });
            Assert.True(r.LowerBound <= opt, $"seed {seed}: bound {r.LowerBound} > optimum {opt}");
            Assert.True(r.Cost >= opt, $"seed {seed}: cost {r.Cost} below the optimum {opt}: the tree is not what it claims");
            var (edges, missed) = Price(p, r);
            Assert.Equal(r.Cost, edges + missed);
            if (r.Cost == opt) optimal++;
        }
        Assert.True(optimal >= cases * 0.95, $"optimal in {optimal} of {cases}");
    }

    private static (long Edges, long Missed) Price(PcstProblem p, PcstResult r)
    {
        var touched = new HashSet<int>(p.RootSet);
        foreach (var e in r.Edges)
        {
            touched.Add(p.Graph.Edge(e).U);
            touched.Add(p.Graph.Edge(e).V);
        }
        Assert.Equal(touched.Where(v => !p.RootSet.Contains(v)).Order(), r.Nodes.Order());
        return (r.Edges.Sum(p.Graph.Cost), Enumerable.Range(0, p.Graph.NodeCount).Where(v => !touched.Contains(v)).Sum(v => p.Prizes[v]));
    }

    [Fact]
    public void Strong_pruning_keeps_the_best_subtree_of_the_tree_it_is_given()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var rng = new Random(seed);
            var n = rng.Next(3, 12);
            var b = new GraphBuilder(n);
            for (var v = 1; v < n; v++) b.AddEdge(rng.Next(v), v, rng.Next(1, 50));
            var p = new PcstProblem(b.Build(), [.. Enumerable.Range(0, n).Select(v => v == 0 ? 0L : rng.Next(0, 70))], [0]);
            var all = Enumerable.Range(0, n - 1).ToList();
            var pruned = StrongPruning.Prune(p, all);
            var best = long.MaxValue;
            for (var mask = 0; mask < 1 << all.Count; mask++)
            {
                var subset = all.Where((_, k) => (mask >> k & 1) == 1).ToList();
                if (!Connected(p, subset)) continue;
                best = Math.Min(best, Cost(p, subset));
            }
            Assert.True(Connected(p, [.. pruned]), $"seed {seed}: pruned tree is not hung from the root");
            Assert.Equal(best, Cost(p, [.. pruned]));
        }
    }

    private static long Cost(PcstProblem p, List<int> edges)
    {
        var touched = new HashSet<int> { 0 };
        foreach (var e in edges) { touched.Add(p.Graph.Edge(e).U); touched.Add(p.Graph.Edge(e).V); }
        return edges.Sum(p.Graph.Cost) + Enumerable.Range(0, p.Graph.NodeCount).Where(v => !touched.Contains(v)).Sum(v => p.Prizes[v]);
    }

    private static bool Connected(PcstProblem p, List<int> edges)
    {
        var reached = new HashSet<int> { 0 };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var e in edges)
            {
                var edge = p.Graph.Edge(e);
                if (reached.Contains(edge.U) != reached.Contains(edge.V)) { reached.Add(edge.U); reached.Add(edge.V); grew = true; }
            }
        }
        return edges.All(e => reached.Contains(p.Graph.Edge(e).U));
    }
}

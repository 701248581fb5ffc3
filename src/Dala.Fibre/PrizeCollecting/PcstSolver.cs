using System.Collections.Immutable;
using System.Diagnostics;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.PrizeCollecting;

/// <summary>
/// Solves a rooted prize-collecting Steiner tree problem: growth constructions at several prize scalings, each
/// strongly pruned and improved (re-spanning the chosen nodes, growing again from the tree), the best tree polished
/// by the Steiner solver on its terminal set, and a dual-ascent lower bound.
/// </summary>
public static class PcstSolver
{
    public static PcstResult Solve(PcstProblem problem, PcstOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var o = options ?? PcstOptions.Default;
        var watch = Stopwatch.StartNew();
        List<int> best = [];
        var bestCost = problem.TotalPrize;
        void Consider(List<int> edges)
        {
            var (e, m) = PcstTree.Price(problem, edges);
            if (e + m < bestCost) (best, bestCost) = (edges, e + m);
        }
        foreach (var scale in o.Scales)
        {
            cancel.ThrowIfCancellationRequested();
            Consider(Improve(problem, StrongPruning.Prune(problem, PrizeGrowth.Grow(problem, scale))));
        }
        PcstDualAscent.Outcome? dual = null;
        if (o.Bound || o.Scales.Count > 0)
        {
            dual = PcstDualAscent.Run(problem, cancel);
            var guided = StrongPruning.Prune(problem, PcstTree.Respan(problem, dual.Saturated));
            Consider(Improve(problem, guided));
            if (o.PolishStarts > 0) Consider(Improve(problem, Polish(problem, guided, o)));
        }
        if (o.PolishStarts > 0 && best.Count > 0)
        {
            cancel.ThrowIfCancellationRequested();
            Consider(Improve(problem, Polish(problem, best, o)));
        }
        var bound = o.Bound && dual is not null ? Math.Min(bestCost, dual.Bound) : 0;
        var (edgeCost, missed) = PcstTree.Price(problem, best);
        var covered = PcstTree.Covered(problem, best);
        var roots = problem.RootSet.ToHashSet();
        var nodes = Enumerable.Range(0, covered.Length).Where(v => covered[v] && !roots.Contains(v)).ToImmutableArray();
        return new PcstResult([.. best], nodes, edgeCost, missed, bound, watch.Elapsed);
    }

    /// <summary>Re-span the tree's nodes and prune; grow again from the tree; repeat while the cost falls.</summary>
    internal static List<int> Improve(PcstProblem p, List<int> edges)
    {
        var (e0, m0) = PcstTree.Price(p, edges);
        var cost = e0 + m0;
        for (var round = 0; round < 20; round++)
        {
            var covered = PcstTree.Covered(p, edges);
            var grown = PrizeGrowth.Grow(p, 1, covered);
            foreach (var v in Touched(p, grown)) covered[v] = true;
            var next = StrongPruning.Prune(p, PcstTree.Respan(p, covered));
            var (e, m) = PcstTree.Price(p, next);
            if (e + m >= cost) break;
            (edges, cost) = (next, e + m);
        }
        return edges;
    }

    private static IEnumerable<int> Touched(PcstProblem p, List<int> edges)
    {
        foreach (var e in edges)
        {
            var edge = p.Graph.Edge(e);
            yield return edge.U;
            yield return edge.V;
        }
    }

    /// <summary>The Steiner solver on the tree's prized nodes: a cheaper tree for the same nodes, if it finds one.</summary>
    private static List<int> Polish(PcstProblem p, List<int> edges, PcstOptions o)
    {
        var covered = PcstTree.Covered(p, edges);
        var roots = p.RootSet.ToHashSet();
        var terminals = Enumerable.Range(0, covered.Length).Where(v => covered[v] && !roots.Contains(v) && p.Prizes[v] > 0).ToArray();
        if (terminals.Length == 0) return edges;
        var result = SteinerSolver.Default.Solve(new SteinerProblem(p.Graph, terminals, p.RootSet),
            SteinerOptions.Default with { TimeLimit = o.PolishTimeLimit, MaxStarts = o.PolishStarts, StallStarts = Math.Max(1, o.PolishStarts / 2), Seed = o.Seed });
        return result.IsComplete ? StrongPruning.Prune(p, [.. result.Edges]) : edges;
    }
}

using System.Diagnostics;
using Dala.Rollout.Giga.Costs;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>
/// Strengthens the MIP before it starts: solves the LP relaxation (GLOP), adds the connectivity cuts it violates, and repeats
/// until none is violated, the rounds run out or the time is up. The cuts are valid for every tree, so they go into the MIP;
/// the last LP value is itself a lower bound.
/// </summary>
internal static class CutLoop
{
    public static (List<ConnectivityCut> Cuts, double Bound) Run(CaseCosts costs, IReadOnlyList<NetworkArcs> networks, double seconds)
    {
        var cuts = new List<ConnectivityCut>();
        var bound = double.NegativeInfinity;
        using var lp = Solver.CreateSolver("GLOP");
        if (lp is null) return (cuts, bound);
        var model = new OptimalModel(lp, costs, networks, integral: false);
        var clock = Stopwatch.StartNew();
        var seen = new HashSet<string>();
        for (var round = 0; round < 500 && clock.Elapsed.TotalSeconds < seconds; round++)
        {
            if (lp.Solve() != Solver.ResultStatus.OPTIMAL) break;
            bound = lp.Objective().Value();
            var found = model.Networks.SelectMany((net, i) =>
                    CutSeparator.Violated(i, net.Network, [.. net.Use.Select(v => v.SolutionValue())], costs.Case.Schools.Length, 1e-6))
                .Where(c => seen.Add($"{c.Network}:{c.Target}:{string.Join(',', c.Set)}")).ToList();
            if (found.Count == 0) break;
            foreach (var c in found) model.Add(c);
            cuts.AddRange(found);
        }
        return (cuts, bound);
    }
}

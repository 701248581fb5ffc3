using System.Diagnostics;
using Dala.Rollout.Giga.Choice;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>How long the MIP may run and the relative gap at which it stops.</summary>
public sealed record OptimalOptions(double Seconds = 120, double RelativeGap = 1e-6);

/// <summary>The solver's outcome: a proven lower bound on every feasible choice, the relative gap, time and status.</summary>
public sealed record OptimalReport(double LowerBound, double Gap, double Seconds, string Status);

/// <summary>
/// Dala's optimum on Giga's formulas and straight-line networks: any tree, any technology per school, solved as a MIP by SCIP
/// warm-started with Giga's choice. If the solver proves nothing better in time, the better of its solution and Giga's is kept
/// with the best bound it proved.
/// </summary>
public static class OptimalChoice
{
    public static (GigaPlan Plan, OptimalReport Report) Run(CaseCosts costs, GigaPlan giga, OptimalOptions options)
    {
        var clock = Stopwatch.StartNew();
        var networks = OptimalNetworks.Build(costs);
        var bound = OptimalNetworks.TrivialBound(costs, networks);
        var plan = giga;
        var status = "no MIP solver";
        using var solver = Solver.CreateSolver("SCIP") ?? Solver.CreateSolver("CBC");
        if (solver is not null)
        {
            var (cuts, lpBound) = CutLoop.Run(costs, networks, options.Seconds / 4);
            var model = new OptimalModel(solver, costs, networks, integral: true);
            foreach (var cut in cuts) model.Add(cut);
            OptimalHint.Apply(solver, model, giga);
            solver.SetTimeLimit((long)Math.Max(1000, (options.Seconds - clock.Elapsed.TotalSeconds) * 1000));
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.RelativeGap);
            var result = solver.Solve(parameters);
            status = result.ToString().ToLowerInvariant();
            bound = Math.Max(bound, lpBound);
            if (result is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
            {
                var found = Extract(costs, model);
                if (found.Total <= giga.Total) plan = found;
                bound = Math.Max(bound, solver.Objective().BestBound());
            }
        }
        bound = Math.Min(bound, plan.Total) - BoundMargin;
        var gap = plan.Total > 0 ? (plan.Total - bound) / plan.Total : 0;
        return (plan, new OptimalReport(bound, gap, clock.Elapsed.TotalSeconds, status));
    }

    /// <summary>
    /// USD taken off the proven bound (a lower bound stays one when lowered) so that it stays below the total however the
    /// per-school totals are re-summed or rounded to 6 decimals.
    /// </summary>
    public const double BoundMargin = 0.001;

    private static GigaPlan Extract(CaseCosts costs, OptimalModel model)
    {
        var choices = new SchoolChoice[costs.Case.Schools.Length];
        for (var i = 0; i < choices.Length; i++)
        {
            choices[i] = new SchoolChoice(i, Technology.None, null, double.NaN);
            foreach (var ((school, t), x) in model.Options)
                if (school == i && x.SolutionValue() > 0.5) choices[i] = new SchoolChoice(i, t, null, costs.Total(t, i)!.Value);
            foreach (var net in model.Networks)
                foreach (var k in net.Into[i].Where(k => net.Use[k].SolutionValue() > 0.5))
                    choices[i] = new SchoolChoice(i, net.Network.Technology, net.Network.Arcs[k].FromId, net.Network.Arcs[k].Cost);
        }
        return new GigaPlan(costs, [.. choices]);
    }
}

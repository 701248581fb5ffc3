using System.Collections.Immutable;
using System.Diagnostics;
using Dala.Rollout.Choice;
using Dala.Rollout.Options;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Exact;

/// <summary>What the exact solver found: the optimum (or the best plan and bound when time ran out).</summary>
public sealed record MipResult(ChoiceSolution? Solution, double Objective, double BestBound, bool Optimal, int Rounds, TimeSpan Elapsed, string Status)
{
    public double Gap => Objective <= 0 ? 0 : Math.Max(0, (Objective - BestBound) / Objective);
}

/// <summary>
/// The technology-choice problem as a mixed-integer program, solved exactly with OR-Tools (SCIP): one option per
/// customer, facilities opened for their members, and fibre as an arborescence from the existing network: every
/// node on the tree has exactly one incoming arc, an arc leaves only a node on the tree, and connectivity is
/// enforced by generalised subtour cuts added while the solution has pieces that the existing network does not
/// reach (re-solving until it has none). For instances of a few hundred settlements: the check of the heuristic.
/// </summary>
public static partial class ChoiceMip
{
    public static MipResult Solve(ChoiceInstance inst, TimeSpan limit, ChoiceSolution? hint = null, string solver = "SCIP")
    {
        var watch = Stopwatch.StartNew();
        var model = new Model(inst, solver);
        var cuts = new List<int[]>();
        for (var round = 1; ; round++)
        {
            var left = limit - watch.Elapsed;
            if (left <= TimeSpan.Zero) return new MipResult(null, double.NaN, double.NaN, false, round - 1, watch.Elapsed, "time limit before a connected solution");
            var status = model.Solve(left, hint);
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
                return new MipResult(null, double.NaN, double.NaN, false, round, watch.Elapsed, status.ToString());
            var pieces = model.Disconnected();
            if (pieces.Count == 0)
            {
                var solution = model.Extract();
                return new MipResult(solution, solution.Cost, Math.Min(solution.Cost, model.BestBound), status == Solver.ResultStatus.OPTIMAL,
                    round, watch.Elapsed, status.ToString());
            }
            foreach (var piece in pieces) model.Cut(piece);
        }
    }
}

using Dala.Fibre.PrizeCollecting;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// A proven lower bound on the least cost of the choice problem, by Lagrangian relaxation of "each customer takes
/// exactly one option" with multipliers λ: the problem falls apart into the customers' own options (each a
/// min(0, cost - λ)), each facility (min(0, its cost + Σ min(0, member cost - λ))) and the fibre tree, a
/// prize-collecting Steiner tree with prizes λ - own fibre cost whose optimum is bounded below by dual ascent.
/// Every λ gives a valid bound; λ starts at what each customer costs in the heuristic plan and is improved by
/// subgradient steps.
/// </summary>
public static partial class LagrangianBound
{
    /// <param name="Improved">A choice cheaper than the one given, built from the multipliers (fibre where the relaxed tree goes), or null.</param>
    public sealed record Result(double Value, int Iterations)
    {
        public ChoiceSolution? Improved { get; init; }
    }

    public static Result Compute(ChoiceInstance inst, ChoiceSolution heuristic, int iterations = 12, CancellationToken cancel = default, bool improve = true)
    {
        var primal = new Primal(inst, heuristic, improve);
        var lambda = Start(inst, heuristic);
        var (best, g) = Evaluate(inst, lambda, iterations > 0, cancel, primal);
        var ascent = UflDualAscent.Multipliers(inst);
        var (fromAscent, ga) = Evaluate(inst, ascent, iterations > 0, cancel, primal);
        if (fromAscent.Value > best.Value) (lambda, best, g) = (ascent, fromAscent, ga);
        var step = 2.0;
        var stall = 0;
        var done = 0;
        for (var it = 0; it < iterations; it++, done++)
        {
            cancel.ThrowIfCancellationRequested();
            var norm = g.Sum(x => x * x);
            if (norm == 0 || heuristic.Cost - best.Value <= 1e-9 * heuristic.Cost || step < 1e-4) break;
            var t = step * (heuristic.Cost - best.Value) / norm;
            for (var i = 0; i < lambda.Length; i++) lambda[i] = Math.Max(0, lambda[i] + t * g[i]);
            var (value, grad) = Evaluate(inst, lambda, true, cancel, primal);
            g = grad;
            if (value.Value > best.Value)
            {
                best = value;
                stall = 0;
            }
            else if (++stall >= 4)
            {
                step /= 2;
                stall = 0;
            }
        }
        return best with { Iterations = done, Improved = primal.Finish(cancel) };
    }

    /// <summary>λ_i = what customer i costs in the heuristic plan (its option plus its share of a facility), or for a customer on fibre what it would cost off it.</summary>
    public static double[] Start(ChoiceInstance inst, ChoiceSolution s)
    {
        var load = new int[inst.Facilities.Length];
        for (var i = 0; i < inst.Count; i++)
            if (s.Assigned[i] >= 0 && inst.Options[i][s.Assigned[i]].Facility is var f and >= 0) load[f]++;
        var lambda = new double[inst.Count];
        for (var i = 0; i < inst.Count; i++)
        {
            var a = s.Assigned[i];
            if (a >= 0)
            {
                var o = inst.Options[i][a];
                lambda[i] = o.Cost + (o.Facility >= 0 ? inst.Facilities[o.Facility].Cost / load[o.Facility] : 0);
            }
            else if (a == ChoiceSolution.Fibre)
            {
                var alt = double.PositiveInfinity;
                foreach (var o in inst.Options[i])
                    alt = Math.Min(alt, o.Cost + (o.Facility >= 0 ? inst.Facilities[o.Facility].Cost / (load[o.Facility] + 1) : 0));
                lambda[i] = Math.Min(alt, ChoiceHeuristic.Forced);
            }
        }
        return lambda;
    }

    /// <summary>L(λ) and a subgradient (1 - options taken per customer in the relaxed problem).</summary>
    internal static (Result, double[]) Evaluate(ChoiceInstance inst, double[] lambda, bool gradient, CancellationToken cancel, Primal? primal = null)
    {
        var taken = new double[inst.Count];
        double value = 0;
        for (var i = 0; i < inst.Count; i++)
        {
            if (inst.Options[i].Length == 0 && inst.FibreOption[i] is null) { lambda[i] = 0; continue; }
            lambda[i] = Math.Min(lambda[i], ChoiceHeuristic.MaxMultiplier);
            value += lambda[i];
            var own = double.PositiveInfinity;
            foreach (var o in inst.Options[i])
                if (o.Facility < 0) own = Math.Min(own, o.Cost);
            if (own < lambda[i]) { value += own - lambda[i]; taken[i]++; }
        }
        for (var f = 0; f < inst.Facilities.Length; f++)
        {
            var sum = inst.Facilities[f].Cost;
            foreach (var (i, k) in inst.Members[f]) sum += Math.Min(0, inst.Options[i][k].Cost - lambda[i]);
            if (sum >= 0) continue;
            value += sum;
            foreach (var (i, k) in inst.Members[f])
                if (inst.Options[i][k].Cost < lambda[i]) taken[i]++;
        }
        if (!inst.RootSet.IsEmpty)
        {
            var problem = ChoiceHeuristic.Problem(inst, lambda, roundUp: true);
            var bound = PcstSolver.Solve(problem, new PcstOptions { Scales = gradient ? [1] : [], PolishStarts = 0 }, cancel);
            value += bound.LowerBound - problem.TotalPrize;
            if (gradient)
            {
                var inTree = new bool[inst.FibreGraph.NodeCount];
                foreach (var v in bound.Nodes) inTree[v] = true;
                var onFibre = new bool[inst.Count];
                for (var i = 0; i < inst.Count; i++)
                    if (inst.Customers[i].Node >= 0 && problem.Prizes[inst.Customers[i].Node] > 0 && inTree[inst.Customers[i].Node]) { taken[i]++; onFibre[i] = true; }
                primal?.Try(onFibre, bound.Edges);
            }
        }
        var g = new double[inst.Count];
        for (var i = 0; i < inst.Count; i++) g[i] = 1 - taken[i];
        return (new Result(value, 0), g);
    }
}

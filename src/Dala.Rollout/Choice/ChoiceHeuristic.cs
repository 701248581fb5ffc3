using System.Collections.Immutable;
using Dala.Fibre.PrizeCollecting;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// The national heuristic. Alternates two exact-in-spirit parts: the facility choice for the customers off fibre
/// (<see cref="UflSearch"/>), and the fibre tree as a prize-collecting Steiner tree whose prizes are what each
/// customer would cost otherwise less its own fibre cost (<see cref="PcstSolver"/>), until the set on fibre settles.
/// </summary>
public static class ChoiceHeuristic
{
    /// <summary>The prize of a customer that nothing but fibre can serve: far above any real cost.</summary>
    public const double Forced = 1e11;

    /// <param name="start">A choice to start from (its customers on fibre and their options), e.g. one built from Lagrangian multipliers.</param>
    public static ChoiceSolution Solve(ChoiceInstance inst, ChoiceOptions? options = null, CancellationToken cancel = default, ChoiceSolution? start = null)
    {
        var o = options ?? ChoiceOptions.Default;
        var onFibre = start is null ? new bool[inst.Count] : [.. start.Assigned.Select(a => a == ChoiceSolution.Fibre)];
        var ufl = new UflSearch(inst, onFibre, start is null ? null : [.. start.Assigned]);
        ufl.Run();
        var best = start;
        int[]? previous = start is null ? null : [.. ufl.Assigned];
        for (var round = 0; round < o.Rounds; round++)
        {
            cancel.ThrowIfCancellationRequested();
            var last = round == o.Rounds - 1;
            var penalties = Penalties(inst, ufl);
            var tree = inst.RootSet.IsEmpty ? null : PcstSolver.Solve(Problem(inst, penalties),
                new PcstOptions { Bound = false, SteinerPolish = last ? o.SteinerPolish : TimeSpan.Zero, Seed = o.Seed }, cancel);
            var next = new bool[inst.Count];
            if (tree is not null)
            {
                var inTree = new bool[inst.FibreGraph.NodeCount];
                foreach (var v in tree.Nodes) inTree[v] = true;
                for (var i = 0; i < inst.Count; i++)
                {
                    var node = inst.Customers[i].Node;
                    next[i] = node >= 0 && inTree[node] && inst.FibreOption[i] is { } f && penalties[i] > f.Cost;
                }
            }
            (var solution, ufl) = Complete(inst, next, tree?.Edges ?? [], previous);
            if (best is null || solution.Cost < best.Cost - 1e-6) best = solution;
            previous = [.. ufl.Assigned];
            if (next.SequenceEqual(onFibre) && round >= 1 && !last) round = o.Rounds - 2;
            onFibre = next;
        }
        return best!;
    }

    /// <summary>
    /// A whole choice from a set on fibre and a tree reaching them: the facility choice for everyone else, and the
    /// tree pruned to the branches that carry a customer on fibre.
    /// </summary>
    internal static (ChoiceSolution, UflSearch) Complete(ChoiceInstance inst, bool[] onFibre, ImmutableArray<int> tree, int[]? previous)
    {
        var ufl = new UflSearch(inst, onFibre, previous);
        ufl.Run();
        var assigned = ufl.Assigned.Select((a, i) => onFibre[i] ? Fibre : a).ToArray();
        var edges = tree.IsDefaultOrEmpty ? [] : Prune(inst, tree, onFibre);
        return (new ChoiceSolution([.. assigned], [.. edges], ChoiceSolution.CostOf(inst, assigned, edges)), ufl);
    }

    private const int Fibre = ChoiceSolution.Fibre;

    /// <summary>The tree's edges after pruning the branches that carry no customer on fibre.</summary>
    private static int[] Prune(ChoiceInstance inst, ImmutableArray<int> edges, bool[] onFibre)
    {
        var prizes = new long[inst.FibreGraph.NodeCount];
        for (var i = 0; i < inst.Count; i++)
            if (onFibre[i]) prizes[inst.Customers[i].Node] = (long)Forced;
        var keep = StrongPruning.Prune(new PcstProblem(inst.FibreGraph, prizes, inst.RootSet), edges);
        return [.. keep];
    }

    /// <summary>What each customer would cost off fibre: its own option, or a share of a facility it could join.</summary>
    internal static double[] Penalties(ChoiceInstance inst, UflSearch ufl)
    {
        var p = new double[inst.Count];
        for (var i = 0; i < inst.Count; i++)
        {
            var best = double.PositiveInfinity;
            foreach (var o in inst.Options[i])
            {
                var c = o.Cost;
                if (o.Facility >= 0)
                {
                    var load = ufl.Load(o.Facility);
                    var mine = ufl.Assigned[i] >= 0 && inst.Options[i][ufl.Assigned[i]].Facility == o.Facility;
                    c += inst.Facilities[o.Facility].Cost / (mine ? Math.Max(1, load) : load + 1);
                }
                best = Math.Min(best, c);
            }
            p[i] = double.IsFinite(best) ? best : Forced;
        }
        return p;
    }

    /// <summary>
    /// The fibre problem at given penalties: prize = penalty less the customer's own fibre cost, in whole tenge.
    /// A bound rounds prizes up (a larger prize can only lower the relaxed fibre term, so the bound stays valid).
    /// </summary>
    public static PcstProblem Problem(ChoiceInstance inst, double[] penalties, bool roundUp = false)
    {
        var prizes = new long[inst.FibreGraph.NodeCount];
        for (var i = 0; i < inst.Count; i++)
        {
            if (inst.FibreOption[i] is not { } f || inst.Customers[i].Node < 0) continue;
            var prize = Math.Max(0, Math.Min(roundUp ? MaxMultiplier : Forced, penalties[i]) - f.Cost);
            prizes[inst.Customers[i].Node] += (long)(roundUp ? Math.Ceiling(prize) : Math.Floor(prize));
        }
        return new PcstProblem(inst.FibreGraph, prizes, inst.RootSet);
    }

    /// <summary>The largest multiplier a bound uses (prizes stay within the graph's cost range).</summary>
    internal const double MaxMultiplier = 5e11;
}

/// <summary>How hard the national heuristic tries.</summary>
public sealed record ChoiceOptions
{
    public static ChoiceOptions Default { get; } = new();

    /// <summary>Alternations between the facility choice and the fibre tree.</summary>
    public int Rounds { get; init; } = 4;

    /// <summary>Time the Steiner solver may spend polishing the last fibre tree.</summary>
    public TimeSpan SteinerPolish { get; init; } = TimeSpan.FromSeconds(3);

    public int Seed { get; init; } = 1;
}

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

    public static ChoiceSolution Solve(ChoiceInstance inst, ChoiceOptions? options = null, CancellationToken cancel = default)
    {
        var o = options ?? ChoiceOptions.Default;
        var onFibre = new bool[inst.Count];
        var ufl = new UflSearch(inst, onFibre);
        ufl.Run();
        ChoiceSolution? best = null;
        int[]? previous = null;
        for (var round = 0; round < o.Rounds; round++)
        {
            cancel.ThrowIfCancellationRequested();
            var last = round == o.Rounds - 1;
            var penalties = Penalties(inst, ufl);
            var tree = inst.RootSet.IsEmpty ? null : PcstSolver.Solve(Problem(inst, penalties),
                new PcstOptions { Bound = false, SteinerPolish = last ? o.SteinerPolish : TimeSpan.Zero, Seed = o.Seed }, cancel);
            var inTree = new bool[inst.FibreGraph.NodeCount];
            if (tree is not null)
                foreach (var v in tree.Nodes) inTree[v] = true;
            var next = new bool[inst.Count];
            for (var i = 0; i < inst.Count; i++)
            {
                var node = inst.Customers[i].Node;
                next[i] = node >= 0 && inTree[node] && inst.FibreOption[i] is { } f && penalties[i] > f.Cost;
            }
            ufl = new UflSearch(inst, next, previous);
            ufl.Run();
            var assigned = ufl.Assigned.Select((a, i) => next[i] ? ChoiceSolution.Fibre : a).ToArray();
            var edges = tree is null ? [] : Fibre(inst, tree.Edges, next);
            var cost = ChoiceSolution.CostOf(inst, assigned, edges);
            if (best is null || cost < best.Cost - 1e-6) best = new ChoiceSolution([.. assigned], [.. edges], cost);
            previous = [.. ufl.Assigned];
            if (next.SequenceEqual(onFibre) && round >= 1 && !last) round = o.Rounds - 2;
            onFibre = next;
        }
        return best!;
    }

    /// <summary>The tree's edges after pruning the branches that carry no customer on fibre.</summary>
    private static int[] Fibre(ChoiceInstance inst, ImmutableArray<int> edges, bool[] onFibre)
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

using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// The incumbent and the multi-start loop: constructions from random roots under randomly perturbed costs, each
/// followed by local search on the true costs, and now and then a recombination of elite trees.
/// </summary>
internal sealed class MultiStart(Instance inst, Deadline deadline, Random rng)
{
    private readonly ElitePool _elite = new(8);
    private int _stall;

    public int RecombineEvery { get; init; } = 4;
    public double SpreadMin { get; init; } = 0.2;
    public double SpreadMax { get; init; } = 2;
    public int InnerStarts { get; init; } = 8;

    public int[] Best { get; private set; } = [];

    public long BestCost { get; private set; } = long.MaxValue;

    public int Starts { get; private set; }

    /// <summary>Improves a tree by local search and keeps it when it beats the incumbent.</summary>
    public bool Offer(int[] tree)
    {
        Starts++;
        var improved = LocalSearch.Run(inst, tree, deadline);
        var cost = TreeOps.Cost(inst, improved);
        _elite.Add(improved, cost);
        if (cost >= BestCost) return false;
        Best = improved;
        BestCost = cost;
        return true;
    }

    /// <summary>A construction (charged one work unit per edge) followed by <see cref="Offer"/>.</summary>
    public void Construct(IConstruction how, long[] costs, int root)
    {
        deadline.Spend(inst.EdgeCount);
        Offer(how.Build(inst, costs, root));
    }

    /// <summary>Random restarts until the bound is met, the budget is spent, or nothing improved for a while.</summary>
    public string Run(long lowerBound, int maxStarts, int stallStarts, Func<long>? beat = null)
    {
        var stall = _stall;
        var target = beat?.Invoke() ?? long.MinValue;
        var terminals = inst.Terminals;
        for (var s = 0; s < maxStarts; s++)
        {
            if (BestCost <= lowerBound) return "optimal";
            if (deadline.Expired) return deadline.StoppedBy!;
            if (stall >= stallStarts) return "stall";
            int[] tree;
            if (s % RecombineEvery == RecombineEvery - 1 && _elite.Count >= 2)
            {
                tree = _elite.Recombine(inst, rng, deadline, InnerStarts); // charged by its inner search
            }
            else
            {
                deadline.Spend(inst.EdgeCount);
                tree = ShortestPathHeuristic.Instance.Build(inst, Perturbation.Noise(inst, rng, SpreadMin * Math.Pow(SpreadMax / SpreadMin, rng.NextDouble())), terminals[rng.Next(terminals.Length)]);
            }
            stall = _stall = Offer(tree) ? 0 : stall + 1;
            if (BestCost < target) return "improved";
        }
        return BestCost <= lowerBound ? "optimal" : "starts";
    }
}

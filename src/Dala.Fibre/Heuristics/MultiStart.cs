using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// The incumbent and the multi-start loop: constructions from random roots under randomly perturbed costs, each
/// followed by local search on the true costs, and now and then a recombination of elite trees. The search runs
/// in epochs: each grows its own elite pool from fresh starts; once its best has not improved for
/// <see cref="EpochStall"/> starts, that best joins the champions (the best of every epoch so far), which are
/// recombined with each other, and a new epoch begins with an empty pool. A pool that has converged thus never
/// holds the search for long, and the epochs' different good trees still meet.
/// </summary>
internal sealed class MultiStart(Instance inst, Deadline deadline, Random rng)
{
    private ElitePool _elite = new(8);
    private readonly ElitePool _champions = new(8);
    private long _epochBest = long.MaxValue;
    private int _epochStall;
    private int _stall;

    public int RecombineEvery { get; init; } = 4;
    public double SpreadMin { get; init; } = 0.2;
    public double SpreadMax { get; init; } = 2;
    public int InnerStarts { get; init; } = 8;

    /// <summary>Work units per union edge a recombination may spend.</summary>
    public int RecombineWork { get; init; } = 150;

    /// <summary>Starts without a better tree in the epoch's pool before a new epoch begins.</summary>
    public int EpochStall { get; init; } = 20;

    public int[] Best { get; private set; } = [];

    public long BestCost { get; private set; } = long.MaxValue;

    public int Starts { get; private set; }

    /// <summary>The best tree, the champions of past epochs and the current epoch's elite.</summary>
    public IEnumerable<int[]> Trees => new[] { Best }.Where(t => t.Length > 0).Concat(_champions.Trees).Concat(_elite.Trees);

    /// <summary>Improves a tree by local search and keeps it when it beats the incumbent.</summary>
    public bool Offer(int[] tree)
    {
        Starts++;
        var improved = LocalSearch.Run(inst, tree, deadline);
        var cost = TreeOps.Cost(inst, improved);
        _elite.Add(improved, cost);
        if (cost < _epochBest) (_epochBest, _epochStall) = (cost, 0);
        else _epochStall++;
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
            var before = BestCost;
            if (_epochStall >= EpochStall && _elite.Count >= 2 && RecombineEvery < int.MaxValue)
            {
                NextEpoch();
            }
            else if (s % RecombineEvery == RecombineEvery - 1 && _elite.Count >= 2)
            {
                Offer(_elite.Recombine(inst, rng, deadline, InnerStarts, RecombineWork)); // charged by its inner search
            }
            else
            {
                deadline.Spend(inst.EdgeCount);
                var tree = ShortestPathHeuristic.Instance.Build(inst, Perturbation.Noise(inst, rng, SpreadMin * Math.Pow(SpreadMax / SpreadMin, rng.NextDouble())), terminals[rng.Next(terminals.Length)]);
                Offer(tree);
            }
            stall = _stall = BestCost < before ? 0 : stall + 1;
            if (BestCost < target) return "improved";
        }
        return BestCost <= lowerBound ? "optimal" : "starts";
    }

    /// <summary>The epoch's best joins the champions, which are recombined; a new epoch starts with an empty pool.</summary>
    private void NextEpoch()
    {
        var (best, cost) = _elite.First;
        _champions.Add(best, cost);
        _elite = new ElitePool(8);
        _epochBest = long.MaxValue;
        _epochStall = 0;
        if (_champions.Count < 2) return;
        var tree = _champions.Recombine(inst, rng, deadline, InnerStarts, RecombineWork);
        var improved = LocalSearch.Run(inst, tree, deadline);
        var c = TreeOps.Cost(inst, improved);
        _champions.Add(improved, c);
        Starts++;
        if (c < BestCost) (Best, BestCost) = (improved, c);
    }
}

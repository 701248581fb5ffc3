using System.Collections.Immutable;
using Dala.Fibre.Bounds;
using Dala.Fibre.Exact;
using Dala.Fibre.Heuristics;
using Dala.Fibre.Reduction;

namespace Dala.Fibre.Steiner;

/// <summary>
/// One solve: merge the root set, cut off what the root cannot reach, reduce, then rounds of dual ascent,
/// constructions and multi-start. Between rounds the graph is cut down to what could still hold a tree as cheap
/// as the incumbent (bound-based elimination, then the reductions again); when even less (strictly cheaper)
/// leaves the terminals apart, the incumbent is optimal. Trees are carried back to the original edges as soon
/// as they are found.
/// </summary>
internal sealed partial class Pipeline(SteinerProblem problem, SteinerOptions options, Deadline deadline, IReadOnlyList<int[]> hints, bool nested)
{
    public Pipeline(SteinerProblem problem, SteinerOptions options) : this(problem, options, Deadline.For(options), [], nested: false) { }

    private const int MaxRounds = 12;

    private readonly Deadline _deadline = deadline;
    private readonly Random _rng = new(options.Seed);
    private readonly Incumbent _best = new(problem.Graph);
    private Instance? _reduced;
    private int _starts;
    private string _finish = "";
    private long _lastProofAttempt = long.MaxValue;
    private IReadOnlyList<int[]> _carry = hints;

    public SteinerResult Run()
    {
        var work = WorkGraph.From(problem);
        var unreachable = work.KeepComponentOf(problem.RootNode).ToImmutableArray();
        var (level0, we0, _) = work.Snapshot();
        var original0 = we0.Select(e => work.Ancestors(e)[0]).ToArray();
        if (work.TerminalCount <= 1)
        {
            _best.Offer([]);
            _finish = "trivial";
        }
        else
        {
            foreach (var hint in _carry) _best.Offer(hint);
            if (options.Reduce) Reducer.Run(work, _deadline);
            Solve(work);
            Polish(level0, original0);
        }
        var stats = new SteinerStats(_reduced?.NodeCount ?? 0, _reduced?.EdgeCount ?? 0, _reduced?.Terminals.Length ?? 0, _starts, _finish)
        {
            Work = _deadline.Work.Spent, StoppedBy = _deadline.StoppedBy,
        };
        return new SteinerResult([.. _best.Edges], _best.Cost, _best.LowerBound, unreachable, _deadline.Elapsed, stats);
    }

    /// <summary>A bound on trees of the current graph (which still holds every optimal tree).</summary>
    private void Bound(long offset, long reducedBound) => _best.Bound(offset + reducedBound);

    private void Solve(WorkGraph work)
    {
        for (var round = 0; ; round++)
        {
            var (inst, we, wn) = work.Snapshot();
            _reduced = inst;
            var offset = work.FixedCost;
            if (inst.Terminals.Length <= 1 || DreyfusWagner.Fits(inst, options.ExactWorkLimit))
            {
                var tree = inst.Terminals.Length <= 1 ? [] : DreyfusWagner.Solve(inst);
                _best.Offer(work.Expand(tree, we));
                Bound(offset, TreeOps.Cost(inst, tree));
                _finish = inst.Terminals.Length <= 1 ? "reduced" : "exact";
                return;
            }
            var ascents = Ascend(inst);
            Bound(offset, ascents.Max(a => a.LowerBound));
            var search = new MultiStart(inst, _deadline, _rng) { RecombineEvery = nested ? int.MaxValue : 4 };
            foreach (var tree in _carry) search.Offer(Project(work, inst, wn, tree));
            search.Construct(ShortestPathHeuristic.Instance, inst.Costs, inst.Terminals[0]);
            search.Construct(ShortestPathHeuristic.Instance, Perturbation.Saturated(inst, ascents[0]), ascents[0].Root);
            search.Construct(VoronoiMstHeuristic.Instance, inst.Costs, inst.Terminals[0]);
            _best.Offer(work.Expand(search.Best, we));
            if (Search(work, inst, we, wn, ascents, search, round)) break;
        }
        if (!_best.Closed && options.Reduce && !_deadline.Expired && _best.Cost < _lastProofAttempt) Prove(work);
    }

    /// <summary>Multi-start on one snapshot; true when the solve is over, false when the graph was cut down.</summary>
    private bool Search(WorkGraph work, Instance inst, int[] we, int[] wn, List<DualAscentResult> ascents, MultiStart search, int round)
    {
        var offset = work.FixedCost;
        var counted = 0;
        while (true)
        {
            _starts += search.Starts - counted;
            counted = search.Starts;
            if (_best.Closed) { _finish = "optimal"; return true; }
            var carry = search.Trees.Select(t => work.Expand(t, we).ToArray()).ToArray();
            if (options.Reduce && round < MaxRounds && !_deadline.Used(0.7) && Restrict(work, inst, we, wn, ascents))
            {
                _carry = carry;
                if (_best.Closed) { _finish = "optimal"; return true; }
                return false;
            }
            if (options.Reduce && !_deadline.Used(0.7) && Prove(work.Clone())) return true;
            _finish = search.Run(_best.LowerBound - offset, options.MaxStarts - _starts, options.StallStarts, () => _best.Cost - offset);
            _best.Offer(work.Expand(search.Best, we));
            if (_finish != "improved")
            {
                _starts += search.Starts - counted;
                if (_best.Closed) _finish = "optimal";
                return true;
            }
        }
    }

    private List<DualAscentResult> Ascend(Instance inst)
    {
        var roots = inst.Terminals.Length <= 16 ? [.. inst.Terminals] : inst.Terminals.OrderBy(_ => _rng.Next()).Take(16).ToList();
        var runs = new List<DualAscentResult>();
        foreach (var r in roots)
        {
            if (runs.Count > 0 && _deadline.Used(0.15)) break;
            _deadline.Spend(inst.EdgeCount);
            runs.Add(DualAscent.Run(inst, r));
        }
        return [.. runs.OrderByDescending(r => r.LowerBound)];
    }
}

using Dala.Fibre.Exact;
using Dala.Fibre.Heuristics;
using Dala.Fibre.Reduction;

namespace Dala.Fibre.Steiner;

internal sealed partial class Pipeline
{
    /// <summary>
    /// Cut the graph (a copy, or the graph itself once the search is over) down to what could hold a strictly
    /// cheaper tree, over and over, until the terminals fall apart or the bound meets the incumbent (a proof), the
    /// rest is small enough to solve exactly, or nothing more goes. Bounds found here hold for trees cheaper than
    /// the incumbent only. True when the incumbent is proven optimal.
    /// </summary>
    private bool Prove(WorkGraph work)
    {
        var cheaperThan = _lastProofAttempt = _best.Cost;
        for (var round = 0; round < MaxRounds && !_best.Closed && !_deadline.Expired; round++)
        {
            var (inst, we, wn) = work.Snapshot();
            var offset = work.FixedCost;
            if (round > 0 && (inst.Terminals.Length == 0 || !TerminalsConnected(inst, new bool[inst.NodeCount], new bool[inst.EdgeCount])))
            {
                _best.Bound(cheaperThan);
                break;
            }
            if (inst.Terminals.Length <= 1 || DreyfusWagner.Fits(inst, options.ExactWorkLimit))
            {
                var tree = inst.Terminals.Length <= 1 ? [] : DreyfusWagner.Solve(inst);
                _best.Offer(work.Expand(tree, we));
                _best.Bound(Math.Min(cheaperThan, offset + TreeOps.Cost(inst, tree)));
                break;
            }
            var ascents = Ascend(inst);
            _best.Bound(Math.Min(cheaperThan, offset + ascents[0].LowerBound));
            var (nodes, edges, count) = Fixes(inst, ascents, cheaperThan - offset - 1);
            if (count == 0) break;
            for (var v = 0; v < inst.NodeCount; v++) if (nodes[v]) work.DeleteNode(wn[v]);
            for (var e = 0; e < inst.EdgeCount; e++) if (edges[e]) work.DeleteEdge(we[e]);
            if (work.TerminalCount > 1) Reducer.Run(work, _deadline);
        }
        if (_best.Closed) _finish = "optimal";
        return _best.Closed;
    }

    /// <summary>The incumbent on the unreduced graph: MST of its nodes, pruned, and a last local search.</summary>
    private void Polish(Instance level0, int[] original0)
    {
        var index = new Dictionary<int, int>();
        for (var e = 0; e < original0.Length; e++) index[original0[e]] = e;
        var tree = TreeOps.Normalize(level0, _best.Edges.Select(e => index[e]));
        if (!_deadline.Expired) tree = LocalSearch.Run(level0, tree, _deadline);
        _best.Offer(tree.Select(e => original0[e]));
    }
}

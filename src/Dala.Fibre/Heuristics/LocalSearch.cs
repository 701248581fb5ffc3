using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>Runs the tree moves in turn until none of them finds an improvement (or the budget is spent); each move charges one work unit per edge.</summary>
internal static class LocalSearch
{

    /// <summary>Insertion, key-path exchange and key-vertex elimination to a local optimum; vertex elimination last.</summary>
    public static int[] Run(Instance inst, int[] tree, Deadline deadline)
    {
        tree = TreeOps.Normalize(inst, tree);
        if (inst.Terminals.Length < 2) return [];
        var cache = new TreeCache();
        ITreeMove[] moves = [new VertexInsertion(), new KeyPathExchange(cache), new KeyVertexElimination(cache)];
        var last = new VertexElimination();
        var improved = true;
        while (improved && !deadline.Expired)
        {
            improved = false;
            foreach (var move in moves)
            {
                if (deadline.Expired) return tree;
                deadline.Spend(inst.EdgeCount);
                if (move.TryImprove(inst, ref tree)) improved = true;
            }
            if (improved || deadline.Expired) continue;
            deadline.Spend(inst.EdgeCount);
            improved = last.TryImprove(inst, ref tree);
        }
        return tree;
    }
}

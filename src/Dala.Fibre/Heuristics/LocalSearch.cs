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
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                if (move.TryImprove(inst, ref tree)) improved = true;
                Prof.Add(move.GetType().Name, t0);
            }
            if (improved || deadline.Expired) continue;
            deadline.Spend(inst.EdgeCount);
            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            improved = last.TryImprove(inst, ref tree);
            Prof.Add("VertexElimination", t1);
        }
        return tree;
    }
}

internal static class Prof
{
    private static readonly Dictionary<string, (long Ticks, int Calls)> Times = [];
    public static void Add(string name, long t0)
    {
        var dt = System.Diagnostics.Stopwatch.GetTimestamp() - t0;
        var (t, c) = Times.GetValueOrDefault(name);
        Times[name] = (t + dt, c + 1);
    }
    public static string Report() => string.Join("; ", Times.Select(kv => $"{kv.Key} {kv.Value.Ticks / (double)System.Diagnostics.Stopwatch.Frequency:0.00}s/{kv.Value.Calls}"));
}

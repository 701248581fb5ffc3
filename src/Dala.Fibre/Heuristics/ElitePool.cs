using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// The best distinct, mutually different trees seen so far. A recombination searches the union of a few of them
/// on its own, which often joins the good parts of different trees.
/// </summary>
internal sealed class ElitePool(int capacity)
{
    private readonly List<(int[] Tree, long Cost)> _trees = [];

    public int Count => _trees.Count;

    /// <summary>
    /// Keeps the tree when it is new and the pool has room or it beats the worst; when full, it replaces the most
    /// similar tree among those no better than it (fewest differing edges), which keeps the pool diverse.
    /// </summary>
    public void Add(int[] tree, long cost)
    {
        if (_trees.Any(t => t.Cost == cost && t.Tree.AsSpan().SequenceEqual(tree))) return;
        if (_trees.Count == capacity)
        {
            if (cost >= _trees[^1].Cost) return;
            var victim = -1;
            var fewest = int.MaxValue;
            for (var i = 0; i < _trees.Count; i++)
            {
                if (_trees[i].Cost < cost) continue;
                var d = Difference(_trees[i].Tree, tree);
                if (d < fewest) (victim, fewest) = (i, d);
            }
            _trees.RemoveAt(victim);
        }
        var at = _trees.FindIndex(t => t.Cost > cost);
        _trees.Insert(at < 0 ? _trees.Count : at, (tree, cost));
    }

    /// <summary>How many edges are in one sorted tree but not the other.</summary>
    private static int Difference(int[] a, int[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return a.Length + b.Length - 2 * common;
    }

    /// <summary>
    /// The union of the best tree and one or two others, searched on its own by a short multi-start (it is small
    /// and sparse); the best tree found there, in edges of the full instance.
    /// </summary>
    public int[] Recombine(Instance inst, Random rng, Deadline deadline, int innerStarts)
    {
        var union = new HashSet<int>(_trees[0].Tree);
        var picks = 1 + rng.Next(2);
        for (var i = 0; i < picks; i++) union.UnionWith(_trees[1 + rng.Next(_trees.Count - 1)].Tree);
        var (sub, back) = SubInstance.Of(inst, union);
        var inner = new MultiStart(sub, deadline, rng) { RecombineEvery = int.MaxValue };
        inner.Construct(ShortestPathHeuristic.Instance, sub.Costs, sub.Terminals[rng.Next(sub.Terminals.Length)]);
        inner.Run(long.MinValue, innerStarts, innerStarts);
        return [.. inner.Best.Select(e => back[e])];
    }
}

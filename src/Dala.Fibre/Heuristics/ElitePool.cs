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

    /// <summary>The best tree and its cost.</summary>
    public (int[] Tree, long Cost) First => _trees[0];

    /// <summary>The trees, best first.</summary>
    public IEnumerable<int[]> Trees => _trees.Select(t => t.Tree);

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
    /// The union of the best tree and one or two others, solved on its own as a Steiner problem (reductions,
    /// dual ascent and bound-based elimination, a short multi-start; the best tree given as the incumbent) within
    /// <paramref name="work"/> units per union edge; the best tree found there, in edges of the full instance.
    /// </summary>
    public int[] Recombine(Instance inst, Random rng, Deadline deadline, int innerStarts, int work)
    {
        var union = new HashSet<int>(_trees[0].Tree);
        var picks = 1 + rng.Next(2);
        for (var i = 0; i < picks; i++) union.UnionWith(_trees[1 + rng.Next(_trees.Count - 1)].Tree);
        var (sub, back) = SubInstance.Of(inst, union);
        var hint = _trees[0].Tree.Select(e => Array.BinarySearch(back, e)).ToArray();
        var options = new SteinerOptions { Seed = rng.Next(), MaxStarts = innerStarts, StallStarts = innerStarts, ExactWorkLimit = 3e6 };
        var child = deadline.Child((long)work * sub.EdgeCount);
        var result = new Pipeline(new SteinerProblem(sub.Graph, sub.Terminals), options, child, [hint], nested: true).Run();
        deadline.Spend(child.Work.Spent);
        return [.. result.Edges.Select(e => back[e])];
    }
}

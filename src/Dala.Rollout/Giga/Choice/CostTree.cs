using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Choice;

/// <summary>
/// Giga's ConnectedCostGraph for one root: a directed tree whose nodes keep networkx insertion order (the root, then the
/// schools in connection order) and whose edge weights are the school's edge in whole metres (np.round: half to even).
/// </summary>
internal sealed class CostTree
{
    private readonly List<NetworkLink> _links;
    private readonly bool[] _alive;
    private readonly int[] _children;
    private readonly long[] _weight;
    private readonly Dictionary<int, int> _position;

    public CostTree(string root, IEnumerable<NetworkLink> links)
    {
        Root = root;
        _links = [.. links];
        _alive = [.. _links.Select(_ => true)];
        _weight = [.. _links.Select(l => (long)Math.Round(l.DistanceM, MidpointRounding.ToEven))];
        _position = _links.Select((l, i) => (l.School, i)).ToDictionary(p => p.School, p => p.i);
        _children = new int[_links.Count];
        foreach (var l in _links.Where(l => l.ParentSchool >= 0)) _children[_position[l.ParentSchool]]++;
    }

    public string Root { get; }

    /// <summary>The schools still in the tree, in node order.</summary>
    public IEnumerable<NetworkLink> Members => _links.Where((_, i) => _alive[i]);

    /// <summary>Nodes in the graph, the root included (Giga's terminal test is "at most one node").</summary>
    public int NodeCount => 1 + _alive.Count(a => a);

    /// <summary>The schools that are leaves now (no child left), in node order.</summary>
    public IEnumerable<int> Leaves() =>
        Enumerable.Range(0, _links.Count).Where(i => _alive[i] && _children[i] == 0).Select(i => _links[i].School);

    /// <summary>
    /// Removes the leaf with the largest edge weight: leaves are taken in node order and sorted stably by weight, and the last
    /// one wins, so among equal weights the leaf connected latest goes.
    /// </summary>
    public void RemoveLargestLeaf()
    {
        var pick = -1;
        for (var i = 0; i < _links.Count; i++)
            if (_alive[i] && _children[i] == 0 && (pick < 0 || _weight[i] >= _weight[pick])) pick = i;
        if (pick < 0) throw new InvalidOperationException("a cost tree without leaves");
        RemoveAt(pick);
    }

    /// <summary>Removes a leaf school.</summary>
    public void Remove(int school) => RemoveAt(_position[school]);

    /// <summary>Empties the tree: every school leaves it.</summary>
    public void Clear() => Array.Fill(_alive, false);

    private void RemoveAt(int i)
    {
        if (!_alive[i] || _children[i] != 0) throw new InvalidOperationException("only a leaf can be removed");
        _alive[i] = false;
        if (_links[i].ParentSchool >= 0) _children[_position[_links[i].ParentSchool]]--;
    }
}

namespace Dala.Fibre.Reduction;

/// <summary>
/// The mutable graph the reduction tests edit: nodes keep their original ids, edges remember the original edges
/// they stand for (a contracted path stands for several), and edges proven to be in an optimal tree are fixed
/// (moved to <see cref="FixedEdges"/>, their cost to <see cref="FixedCost"/>) as their ends merge.
/// </summary>
internal sealed partial class WorkGraph
{
    private readonly List<int>[] _adj;
    private readonly List<int> _u = [];
    private readonly List<int> _v = [];
    private readonly List<long> _cost = [];
    private readonly List<bool> _edgeAlive = [];
    private readonly List<int[]> _ancestors = [];

    private WorkGraph(int nodeCount)
    {
        NodeCount = nodeCount;
        Alive = new bool[nodeCount];
        Terminal = new bool[nodeCount];
        _adj = new List<int>[nodeCount];
        for (var v = 0; v < nodeCount; v++) _adj[v] = [];
    }

    public int NodeCount { get; }
    public bool[] Alive { get; }
    public bool[] Terminal { get; }
    public int TerminalCount { get; private set; }
    public List<int> FixedEdges { get; } = [];
    public long FixedCost { get; private set; }
    public int AliveNodes => Alive.Count(a => a);
    public int AliveEdges => _edgeAlive.Count(a => a);

    public IReadOnlyList<int> Incident(int v) => _adj[v];
    public int Degree(int v) => _adj[v].Count;
    public int U(int e) => _u[e];
    public int V(int e) => _v[e];
    public long Cost(int e) => _cost[e];
    public bool EdgeAlive(int e) => _edgeAlive[e];
    public int EdgeSlots => _cost.Count;
    public int[] Ancestors(int e) => _ancestors[e];
    public int Other(int e, int v) => _u[e] == v ? _v[e] : _u[e];

    public void SetTerminal(int v, bool on)
    {
        if (Terminal[v] == on) return;
        Terminal[v] = on;
        TerminalCount += on ? 1 : -1;
    }

    public void DeleteEdge(int e)
    {
        if (!_edgeAlive[e]) return;
        _edgeAlive[e] = false;
        _adj[_u[e]].Remove(e);
        _adj[_v[e]].Remove(e);
    }

    public void DeleteNode(int v)
    {
        foreach (var e in _adj[v].ToArray()) DeleteEdge(e);
        Alive[v] = false;
        SetTerminal(v, false);
    }

    /// <summary>Adds an edge u–v, or lowers the existing one's cost when this is cheaper (parallel edges merge).</summary>
    public void AddEdge(int u, int v, long cost, int[] ancestors)
    {
        if (u == v) return;
        var existing = Between(u, v);
        if (existing >= 0)
        {
            if (cost >= _cost[existing]) return;
            _cost[existing] = cost;
            _ancestors[existing] = ancestors;
            return;
        }
        _u.Add(u);
        _v.Add(v);
        _cost.Add(cost);
        _edgeAlive.Add(true);
        _ancestors.Add(ancestors);
        _adj[u].Add(_cost.Count - 1);
        _adj[v].Add(_cost.Count - 1);
    }

    /// <summary>The live edge between u and v, or -1.</summary>
    public int Between(int u, int v)
    {
        var (a, b) = _adj[u].Count <= _adj[v].Count ? (u, v) : (v, u);
        foreach (var e in _adj[a])
            if (Other(e, a) == b) return e;
        return -1;
    }

    /// <summary>Fixes edge e (it belongs to an optimal tree) and merges its end <paramref name="gone"/> into the other.</summary>
    public void Contract(int e, int gone)
    {
        var keep = Other(e, gone);
        FixedEdges.AddRange(_ancestors[e]);
        FixedCost += _cost[e];
        DeleteEdge(e);
        var terminal = Terminal[gone] || Terminal[keep];
        foreach (var f in _adj[gone].ToArray())
        {
            var w = Other(f, gone);
            var (cost, anc) = (_cost[f], _ancestors[f]);
            DeleteEdge(f);
            AddEdge(keep, w, cost, anc);
        }
        Alive[gone] = false;
        SetTerminal(gone, false);
        SetTerminal(keep, terminal);
    }

    /// <summary>Replaces a non-terminal of degree 2 by one edge between its neighbours (the sum of both costs).</summary>
    public void Bypass(int v)
    {
        var (e, f) = (_adj[v][0], _adj[v][1]);
        int a = Other(e, v), b = Other(f, v);
        var cost = _cost[e] + _cost[f];
        int[] anc = [.. _ancestors[e], .. _ancestors[f]];
        DeleteNode(v);
        AddEdge(a, b, cost, anc);
    }
}

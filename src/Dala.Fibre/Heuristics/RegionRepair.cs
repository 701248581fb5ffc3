using Dala.Fibre.Algorithms;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>
/// Removing some tree vertices frees their Voronoi regions: this recomputes, for the nodes of those regions
/// only, the distance to (and the base among) the remaining tree vertices, seeded from the regions' borders.
/// Then it lists the crossing edges that touch a freed node, sorted, and walks reconnection paths.
/// </summary>
internal sealed class RegionRepair(Instance inst, TreeVoronoi vor)
{
    private readonly int[] _freedStamp = new int[inst.NodeCount];
    private readonly int[] _removedStamp = new int[inst.NodeCount];
    private readonly long[] _dist = new long[inst.NodeCount];
    private readonly int[] _base = new int[inst.NodeCount];
    private readonly int[] _pred = new int[inst.NodeCount];
    private readonly IndexedHeap _heap = new(inst.NodeCount);
    private readonly List<int> _freed = [];
    private int _now;

    public List<(long Length, int Edge)> Local { get; } = [];

    public bool Removed(int v) => _removedStamp[v] == _now;

    public bool Freed(int v) => _freedStamp[v] == _now;

    public long Dist(int v) => Freed(v) ? _dist[v] : vor.Paths.Dist[v];

    /// <summary>The remaining tree vertex a node now hangs from (-1 when none is reachable).</summary>
    public int Base(int v) => Freed(v) ? _base[v] : vor.Paths.Base[v];

    public void Run(IEnumerable<int> removed)
    {
        _now++;
        _freed.Clear();
        Local.Clear();
        var g = inst.Graph;
        foreach (var r in removed)
        {
            _removedStamp[r] = _now;
            foreach (var v in vor.Region(r))
            {
                _freedStamp[v] = _now;
                _freed.Add(v);
                _dist[v] = Voronoi.Infinity;
                _base[v] = -1;
            }
        }
        foreach (var v in _freed)
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
                if (!Freed(g.AdjNode[i])) Relax(v, g.AdjEdge[i], vor.Paths.Dist[g.AdjNode[i]], vor.Paths.Base[g.AdjNode[i]]);
        while (_heap.Count > 0)
        {
            var v = _heap.Pop(out _);
            for (var i = g.Offsets[v]; i < g.Offsets[v + 1]; i++)
                if (Freed(g.AdjNode[i])) Relax(g.AdjNode[i], g.AdjEdge[i], _dist[v], _base[v]);
        }
        foreach (var v in _freed)
        {
            if (_base[v] < 0) continue;
            foreach (var e in g.IncidentEdges(v))
            {
                var w = inst.Other(e, v);
                if (Freed(w) && w < v) continue;
                var bw = Base(w);
                if (bw < 0 || bw == _base[v]) continue;
                Local.Add((_dist[v] + g.Costs[e] + Dist(w), e));
            }
        }
        Local.Sort();
    }

    /// <summary>The edges from <paramref name="v"/> to the remaining tree vertex it hangs from.</summary>
    public void Walk(int v, ICollection<int> into)
    {
        while (!(vor.Tree.InTree[v] && !Removed(v)))
        {
            var e = Freed(v) ? _pred[v] : vor.Paths.Pred[v];
            into.Add(e);
            v = inst.Other(e, v);
        }
    }

    private void Relax(int freed, int edge, long fromDist, int fromBase)
    {
        if (fromBase < 0) return;
        var d = fromDist + inst.Costs[edge];
        if (d >= _dist[freed]) return;
        _dist[freed] = d;
        _base[freed] = fromBase;
        _pred[freed] = edge;
        _heap.Push(freed, d);
    }
}

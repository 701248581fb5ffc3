namespace Dala.Rollout.Giga.Optimal;

/// <summary>Dinic's maximum flow on real capacities, with the source side of a minimum cut.</summary>
internal sealed class MaxFlow
{
    private readonly int _n;
    private readonly List<int> _to = [], _next = [];
    private readonly List<double> _cap = [];
    private readonly int[] _head, _level, _it;

    public MaxFlow(int nodes)
    {
        _n = nodes;
        _head = new int[nodes];
        Array.Fill(_head, -1);
        _level = new int[nodes];
        _it = new int[nodes];
    }

    public void Add(int from, int to, double capacity)
    {
        Edge(from, to, capacity);
        Edge(to, from, 0);
    }

    private void Edge(int from, int to, double capacity)
    {
        _to.Add(to);
        _cap.Add(capacity);
        _next.Add(_head[from]);
        _head[from] = _to.Count - 1;
    }

    public double Run(int source, int sink, double enough)
    {
        var flow = 0.0;
        while (flow < enough && Levels(source, sink))
        {
            Array.Copy(_head, _it, _n);
            double f;
            while (flow < enough && (f = Push(source, sink, enough - flow)) > 1e-12) flow += f;
        }
        return flow;
    }

    /// <summary>After Run: the nodes that still reach the sink in the residual graph (the smallest sink side of a minimum cut).</summary>
    public bool[] SinkSide(int sink)
    {
        var seen = new bool[_n];
        seen[sink] = true;
        var queue = new Queue<int>([sink]);
        while (queue.TryDequeue(out var w))
            for (var e = _head[w]; e >= 0; e = _next[e])
                if (_cap[e ^ 1] > 1e-12 && !seen[_to[e]]) { seen[_to[e]] = true; queue.Enqueue(_to[e]); }
        return seen;
    }

    private bool Levels(int source, int sink)
    {
        Array.Fill(_level, -1);
        _level[source] = 0;
        var queue = new Queue<int>([source]);
        while (queue.TryDequeue(out var u))
            for (var e = _head[u]; e >= 0; e = _next[e])
                if (_cap[e] > 1e-12 && _level[_to[e]] < 0) { _level[_to[e]] = _level[u] + 1; queue.Enqueue(_to[e]); }
        return _level[sink] >= 0;
    }

    private double Push(int u, int sink, double limit)
    {
        if (u == sink) return limit;
        for (; _it[u] >= 0; _it[u] = _next[_it[u]])
        {
            var e = _it[u];
            var v = _to[e];
            if (_cap[e] <= 1e-12 || _level[v] != _level[u] + 1) continue;
            var f = Push(v, sink, Math.Min(limit, _cap[e]));
            if (f <= 1e-12) continue;
            _cap[e] -= f;
            _cap[e ^ 1] += f;
            return f;
        }
        return 0;
    }
}

namespace Dala.Fibre.Reduction;

/// <summary>
/// The Kruskal tree of a set of weighted links between terminals: the bottleneck (largest link) on the MST path
/// between two terminals is the weight of their lowest common ancestor, found by binary lifting.
/// </summary>
internal sealed class BottleneckTree
{
    private readonly int[][] _up;
    private readonly int[] _depth;
    private readonly long[] _weight;

    /// <summary>Links (weight, a, b) over leaves 0..leaves-1, which must be sorted by weight.</summary>
    public BottleneckTree(int leaves, IReadOnlyList<(long Weight, int A, int B)> sortedLinks)
    {
        var size = Math.Max(1, 2 * leaves - 1);
        var parent = new int[size];
        var top = new int[size];
        _weight = new long[size];
        Array.Fill(parent, -1);
        for (var i = 0; i < size; i++) top[i] = i;
        int Find(int x) { while (top[x] != x) x = top[x] = top[top[x]]; return x; }
        var next = leaves;
        foreach (var (w, a, b) in sortedLinks)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) continue;
            parent[ra] = parent[rb] = next;
            top[ra] = top[rb] = next;
            _weight[next++] = w;
        }
        _depth = new int[size];
        for (var x = size - 1; x >= 0; x--) _depth[x] = parent[x] < 0 ? 0 : _depth[parent[x]] + 1;
        var levels = 1;
        while (1 << levels < size) levels++;
        _up = new int[levels][];
        _up[0] = parent;
        for (var k = 1; k < levels; k++)
        {
            _up[k] = new int[size];
            for (var x = 0; x < size; x++) _up[k][x] = _up[k - 1][x] < 0 ? -1 : _up[k - 1][_up[k - 1][x]];
        }
    }

    /// <summary>The largest link on the MST path between leaves a and b (0 when a == b, Infinity when apart).</summary>
    public long Bottleneck(int a, int b)
    {
        if (a == b) return 0;
        if (_depth[a] < _depth[b]) (a, b) = (b, a);
        for (var k = _up.Length - 1; k >= 0; k--)
            if (_up[k][a] >= 0 && _depth[_up[k][a]] >= _depth[b]) a = _up[k][a];
        if (a == b) return _weight[a];
        for (var k = _up.Length - 1; k >= 0; k--)
            if (_up[k][a] != _up[k][b]) (a, b) = (_up[k][a], _up[k][b]);
        return _up[0][a] < 0 ? NearestTerminals.Infinity : _weight[_up[0][a]];
    }
}

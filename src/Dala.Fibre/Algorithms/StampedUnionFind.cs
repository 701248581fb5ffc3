namespace Dala.Fibre.Algorithms;

/// <summary>A union-find over 0..n-1 that resets in O(1): entries untouched since <see cref="Reset"/> are singletons.</summary>
internal sealed class StampedUnionFind(int count)
{
    private readonly int[] _parent = new int[count];
    private readonly int[] _stamp = new int[count];
    private int _now = 1;

    public void Reset() => _now++;

    public int Find(int x)
    {
        if (_stamp[x] != _now)
        {
            _stamp[x] = _now;
            _parent[x] = x;
            return x;
        }
        while (_parent[x] != x)
        {
            var p = _parent[x];
            if (_stamp[p] != _now) { _stamp[p] = _now; _parent[p] = p; }
            _parent[x] = _parent[p];
            x = p;
        }
        return x;
    }

    public bool Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return false;
        _parent[b] = a;
        return true;
    }
}

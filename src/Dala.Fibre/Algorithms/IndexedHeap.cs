namespace Dala.Fibre.Algorithms;

/// <summary>A binary min-heap over items 0..capacity-1 with long keys and decrease-key.</summary>
internal sealed class IndexedHeap
{
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly long[] _key;

    public IndexedHeap(int capacity)
    {
        _heap = new int[capacity];
        _position = new int[capacity];
        _key = new long[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    public bool Contains(int item) => _position[item] >= 0;

    public long MinKey => _key[_heap[0]];

    /// <summary>Inserts the item, or lowers its key when the new key is smaller.</summary>
    public void Push(int item, long key)
    {
        if (_position[item] < 0)
        {
            _heap[Count] = item;
            _position[item] = Count++;
        }
        else if (key >= _key[item])
        {
            return;
        }
        _key[item] = key;
        Up(_position[item]);
    }

    public int Pop(out long key)
    {
        var top = _heap[0];
        key = _key[top];
        _position[top] = -1;
        if (--Count > 0)
        {
            _heap[0] = _heap[Count];
            _position[_heap[0]] = 0;
            Down(0);
        }
        return top;
    }

    public void Clear()
    {
        for (var i = 0; i < Count; i++) _position[_heap[i]] = -1;
        Count = 0;
    }

    private void Up(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_key[_heap[parent]] <= _key[item]) break;
            Place(_heap[parent], i);
            i = parent;
        }
        Place(item, i);
    }

    private void Down(int i)
    {
        var item = _heap[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= Count) break;
            if (child + 1 < Count && _key[_heap[child + 1]] < _key[_heap[child]]) child++;
            if (_key[_heap[child]] >= _key[item]) break;
            Place(_heap[child], i);
            i = child;
        }
        Place(item, i);
    }

    private void Place(int item, int i)
    {
        _heap[i] = item;
        _position[item] = i;
    }
}

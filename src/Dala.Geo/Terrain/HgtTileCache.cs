using System.Collections.Concurrent;

namespace Dala.Geo.Terrain;

/// <summary>
/// Tiles in memory, loaded on first use and evicted least-recently-used first when their bytes exceed the budget
/// (the tile just loaded always stays, even if it alone is over the budget). Thread-safe: a hit is a lock-free
/// array read; a tile is loaded once however many threads ask for it at the same moment, outside the lock.
/// </summary>
/// <remarks>
/// Recency is stamped when a thread moves to another tile, and at least every <see cref="RestampLag"/> stamps
/// made elsewhere while it stays on one, so a hot loop over one tile writes nothing shared. Single-threaded this
/// is exact LRU; across threads the order is exact to within that lag.
/// </remarks>
public sealed class HgtTileCache
{
    public const long DefaultBudgetBytes = 256L * 1024 * 1024;

    private const long RestampLag = 4;

    [ThreadStatic] private static long t_lastSerial;
    private static long s_serials;

    private readonly Func<HgtTileName, HgtTile> _load;
    private readonly CacheEntry?[] _slots = new CacheEntry?[HgtTileName.KeyCount];
    private readonly ConcurrentDictionary<int, Lazy<CacheEntry>> _loading = new();
    private readonly List<CacheEntry> _loaded = [];
    private readonly Lock _gate = new();
    private long _clock, _bytes, _loads, _evictions;

    public HgtTileCache(Func<HgtTileName, HgtTile> load, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        _load = load;
        BudgetBytes = budgetBytes;
    }

    public long BudgetBytes { get; }

    public int LoadedTiles { get { lock (_gate) return _loaded.Count; } }

    public long LoadedBytes => Interlocked.Read(ref _bytes);

    /// <summary>Tiles loaded since the cache was made (a reload after eviction counts again).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    public long Evictions => Interlocked.Read(ref _evictions);

    public bool IsLoaded(HgtTileName tile) => Volatile.Read(ref _slots[tile.Key]) is not null;

    /// <summary>The tile, loading it (and evicting others) when it is not in memory.</summary>
    public HgtTile Get(HgtTileName tile) => Get(tile.Key);

    /// <summary>The tile with this <see cref="HgtTileName.Key"/>, loading it when it is not in memory.</summary>
    public HgtTile Get(int key)
    {
        var entry = Volatile.Read(ref _slots[key]) ?? Load(HgtTileName.FromKey(key));
        if (entry.Serial != t_lastSerial || Volatile.Read(ref _clock) - entry.LastUse > RestampLag)
        {
            t_lastSerial = entry.Serial;
            entry.LastUse = Interlocked.Increment(ref _clock);
        }
        return entry.Tile;
    }

    private CacheEntry Load(HgtTileName tile)
    {
        var lazy = _loading.GetOrAdd(tile.Key, _ => new Lazy<CacheEntry>(() => LoadOnce(tile)));
        try { return lazy.Value; }
        finally { _loading.TryRemove(KeyValuePair.Create(tile.Key, lazy)); }
    }

    private CacheEntry LoadOnce(HgtTileName tile)
    {
        if (Volatile.Read(ref _slots[tile.Key]) is { } ready) return ready;
        var loaded = _load(tile);
        if (loaded.Name != tile) throw new InvalidOperationException($"asked for tile {tile}, the loader gave {loaded.Name}");
        lock (_gate)
        {
            if (_slots[tile.Key] is { } raced) return raced;
            var entry = new CacheEntry(loaded, Interlocked.Increment(ref s_serials)) { LastUse = Interlocked.Increment(ref _clock) };
            _loaded.Add(entry);
            Interlocked.Add(ref _bytes, loaded.Bytes);
            Interlocked.Increment(ref _loads);
            Volatile.Write(ref _slots[tile.Key], entry);
            while (Interlocked.Read(ref _bytes) > BudgetBytes && _loaded.Count > 1) Evict(entry);
            return entry;
        }
    }

    /// <summary>Drops the least recently used tile other than <paramref name="keep"/>; call under the gate.</summary>
    private void Evict(CacheEntry keep)
    {
        var victim = -1;
        for (var i = 0; i < _loaded.Count; i++)
        {
            if (_loaded[i] != keep && (victim < 0 || _loaded[i].LastUse < _loaded[victim].LastUse)) victim = i;
        }
        var e = _loaded[victim];
        _loaded.RemoveAt(victim);
        Volatile.Write(ref _slots[e.Tile.Name.Key], null);
        Interlocked.Add(ref _bytes, -e.Tile.Bytes);
        Interlocked.Increment(ref _evictions);
    }

    private sealed class CacheEntry(HgtTile tile, long serial)
    {
        public HgtTile Tile { get; } = tile;

        public long Serial { get; } = serial;

        public long LastUse { get; set; }
    }
}

using System.Security.Cryptography;
using System.Text;
using Dala.Registry.Query;

namespace Dala.Web;

/// <summary>
/// Answers computed from one registry view (the whole-map GeoJSON, progress, fibre plans), kept until the view
/// changes (a new store revision or a new day empties it) and bounded: at most <c>ViewCacheBytes</c> (a byte[], string or
/// <see cref="ISized"/> such as a <see cref="CachedBody"/> weighs its size, anything else <c>UnsizedEntryBytes</c>) and
/// <c>ViewCacheEntries</c>, the least recently
/// used evicted first. An answer larger than the whole cap is computed and served but not kept. Each key is computed
/// once even when many requests ask at the same moment.
/// </summary>
public sealed class ViewCache(DalaWebSettings settings)
{
    /// <summary>An answer that knows how many bytes it holds.</summary>
    public interface ISized
    {
        long Bytes { get; }
    }

    private sealed class Entry(string key, Lazy<object> value)
    {
        public string Key => key;
        public Lazy<object> Value => value;
        public long Bytes { get; set; }
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private RegistryView? _view;
    private long _bytes;
    private long _builds;

    /// <summary>How many answers have been computed (not served from the cache) since the start: for tests.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>Bytes held now (finished entries only).</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    public T GetOrAdd<T>(RegistryView view, string key, Func<T> make) where T : class
    {
        key = typeof(T).Name + ":" + key;
        LinkedListNode<Entry> node;
        lock (_gate)
        {
            if (!ReferenceEquals(view, _view))
            {
                _view = view;
                _entries.Clear();
                _recency.Clear();
                _bytes = 0;
            }
            if (_entries.TryGetValue(key, out var found))
            {
                _recency.Remove(found);
                _recency.AddFirst(found);
                node = found;
            }
            else
            {
                node = _recency.AddFirst(new Entry(key, new Lazy<object>(() =>
                {
                    Interlocked.Increment(ref _builds);
                    return make();
                })));
                _entries[key] = node;
            }
        }
        var value = node.Value.Value.Value;
        lock (_gate)
        {
            if (node.Value.Bytes == 0 && node.List is not null)
            {
                node.Value.Bytes = Math.Max(1, Weigh(value));
                _bytes += node.Value.Bytes;
                Evict();
            }
        }
        return (T)value;
    }

    /// <summary>A short key for an answer made of these items in this order (e.g. the settlements of a GeoJSON export):
    /// two queries that select the same items share one entry, whatever their parameters said.</summary>
    public static string KeyOf<TItem>(IEnumerable<TItem> items, Func<TItem, string> id)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var item in items)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(id(item)));
            hash.AppendData("\n"u8);
            count++;
        }
        return $"{count}:{Convert.ToHexString(hash.GetHashAndReset())}";
    }

    private long Weigh(object value) => value switch
    {
        byte[] b => b.LongLength,
        string s => s.Length * 2L,
        ISized sized => sized.Bytes,
        _ => settings.Limits.UnsizedEntryBytes,
    };

    /// <summary>Drops the least recently used finished entries while over a cap (under the lock).</summary>
    private void Evict()
    {
        var limits = settings.Limits;
        var node = _recency.Last;
        while (node is not null && (_bytes > limits.ViewCacheBytes || _entries.Count > limits.ViewCacheEntries))
        {
            var previous = node.Previous;
            if (node.Value.Bytes > 0 || _entries.Count > limits.ViewCacheEntries)
            {
                _recency.Remove(node);
                _entries.Remove(node.Value.Key);
                _bytes -= node.Value.Bytes;
            }
            node = previous;
        }
    }
}

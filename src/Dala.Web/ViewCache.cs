using System.Collections.Concurrent;
using Dala.Registry.Query;

namespace Dala.Web;

/// <summary>
/// Answers computed from one registry view (the whole-map GeoJSON, progress), kept until the view changes:
/// a new store revision or a new day empties it.
/// </summary>
public sealed class ViewCache
{
    private readonly Lock _gate = new();
    private RegistryView? _view;
    private ConcurrentDictionary<string, Lazy<object>> _entries = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(RegistryView view, string key, Func<T> make) where T : class
    {
        ConcurrentDictionary<string, Lazy<object>> entries;
        lock (_gate)
        {
            if (!ReferenceEquals(view, _view))
            {
                _view = view;
                _entries = new(StringComparer.Ordinal);
            }
            entries = _entries;
        }
        return (T)entries.GetOrAdd(typeof(T).Name + ":" + key, _ => new Lazy<object>(make)).Value;
    }
}

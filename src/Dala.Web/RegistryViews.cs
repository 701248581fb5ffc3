using Dala.Registry.Query;

namespace Dala.Web;

/// <summary>
/// Today's view of the registry, rebuilt only when the store's revision changes (one cheap query per
/// request), so that many readers share one snapshot and its derived statuses.
/// </summary>
public sealed class RegistryViews(DalaWebSettings settings)
{
    private readonly Lock _gate = new();
    private RegistryView? _view;

    public RegistryView Current()
    {
        var revision = settings.Store.ReadRevision();
        var today = DateOnly.FromDateTime(settings.Clock.Now.UtcDateTime);
        var view = _view;
        if (view is not null && view.Snapshot.Revision == revision && view.AsOf == today) return view;
        lock (_gate)
        {
            if (_view is { } v && v.Snapshot.Revision == revision && v.AsOf == today) return v;
            _view = new RegistryView(settings.Store.ReadSnapshot(), today);
            return _view;
        }
    }
}

using Dala.Geo;
using Dala.Registry.Progress;
using Dala.Registry.Store;

namespace Dala.Web;

/// <summary>What the host gives the web app: the store, the clock and the national targets.</summary>
public sealed record DalaWebSettings(IRegistryStore Store, IClock Clock, IReadOnlyList<Target> Targets)
{
    public DalaWebSettings(IRegistryStore store) : this(store, SystemClock.Instance, Target.Defaults) { }
}

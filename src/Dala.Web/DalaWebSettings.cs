using Dala.Geo;
using Dala.Registry.Progress;
using Dala.Radio.Coverage;
using Dala.Registry.Store;

namespace Dala.Web;

/// <summary>What the host gives the web app: the store, the clock, the national targets and where coverage runs are kept.</summary>
public sealed record DalaWebSettings(IRegistryStore Store, IClock Clock, IReadOnlyList<Target> Targets, ICoverageStore? Coverage = null)
{
    public DalaWebSettings(IRegistryStore store) : this(store, SystemClock.Instance, Target.Defaults) { }
}

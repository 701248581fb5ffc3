using System.Collections.Immutable;
using Dala.Permits.Analytics;
using Dala.Permits.Store;
using Dala.Rollout.Phasing;

namespace Dala.Web.Apis;

/// <summary>
/// Where the permit tracker meets the rollout planner (the composition roots' one place for it): when permit requests
/// exist, each region with requests gets its earliest on-air day — the plan date plus the median time to on air of its
/// Kaplan-Meier curve (the country's where its own does not reach 0.5) — in place of the flat permit lead.
/// </summary>
public static class PermitLeads
{
    public static PhasingSettings Apply(PhasingSettings phasing, IPermitStore? permits, DateOnly asOf)
    {
        if (permits is null) return phasing;
        var requests = permits.List(PermitFilter.All);
        if (requests.Count == 0) return phasing;
        return phasing with { EarliestOnAirByRegion = EarliestOnAir.ByRegion(requests, asOf).ToImmutableDictionary(StringComparer.Ordinal) };
    }
}

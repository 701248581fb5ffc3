using System.Collections.Immutable;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// A lower bound that knows the build capacities: the Lagrangian relaxation of the choice at prices μ on fibre km
/// and site works per region and on capex, less μ times what the years until the deadline can build. Valid for
/// every μ >= 0 (μ = 0 is the plain bound). The prices the planner settled on are scaled as a whole, then region by
/// region (halved or raised by half while that helps); the best value is kept.
/// </summary>
public static class CapacityBound
{
    public static double Compute(ChoiceInstance inst, ChoiceSolution solution, Prices prices, Func<int, string> edgeRegion, Capacities caps,
        int iterations, CancellationToken cancel = default)
    {
        double Value(Prices p)
        {
            cancel.ThrowIfCancellationRequested();
            var priced = p.Apply(inst, edgeRegion);
            var sol = solution with { Cost = ChoiceSolution.CostOf(priced, solution.Assigned, solution.TreeEdges) };
            return LagrangianBound.Compute(priced, sol, iterations, cancel, improve: false).Value
                   - p.PerKm.Values.Sum() * caps.KmPerRegion - p.PerSite.Values.Sum() * caps.SitesPerRegion
                   - (p.PerCapex > 0 ? p.PerCapex * caps.Budget : 0);
        }
        var best = LagrangianBound.Compute(inst, solution, iterations, cancel, improve: false).Value;
        var capacityOnly = prices with { PerPermit = 0, PerCapex = double.IsFinite(caps.Budget) ? prices.PerCapex : 0 };
        if (capacityOnly.IsNone) return best;
        Prices? at = null;
        foreach (var scale in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            var p = Scale(capacityOnly, scale);
            var v = Value(p);
            if (v > best) (best, at) = (v, p);
        }
        if (at is null) return best;
        foreach (var key in at.PerKm.Keys.Select(k => (Km: true, Key: k)).Concat(at.PerSite.Keys.Select(k => (Km: false, Key: k))).ToList())
        {
            foreach (var factor in new[] { 0.5, 1.5 })
            {
                var trial = key.Km ? at with { PerKm = at.PerKm.SetItem(key.Key, at.PerKm[key.Key] * factor) }
                    : at with { PerSite = at.PerSite.SetItem(key.Key, at.PerSite[key.Key] * factor) };
                var v = Value(trial);
                if (v <= best) continue;
                (best, at) = (v, trial);
                break;
            }
        }
        return best;
    }

    private static Prices Scale(Prices p, double s) => new(p.PerKm.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * s),
        p.PerSite.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * s), p.PerCapex * s);
}

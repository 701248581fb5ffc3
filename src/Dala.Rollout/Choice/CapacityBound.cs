using System.Collections.Immutable;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// A lower bound that knows the build capacities: the Lagrangian relaxation of the choice at prices μ on fibre km
/// and site works per region and on capex, less μ times what the years until the deadline can build. Valid for
/// every μ >= 0 (μ = 0 is the plain bound); the prices the planner settled on, and fractions of them, are tried and
/// the best is kept.
/// </summary>
public static class CapacityBound
{
    public static double Compute(ChoiceInstance inst, ChoiceSolution solution, Prices prices, Func<int, string> edgeRegion, Capacities caps,
        int iterations, CancellationToken cancel = default)
    {
        var best = LagrangianBound.Compute(inst, solution, iterations, cancel).Value;
        if (prices.IsNone) return best;
        foreach (var scale in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            cancel.ThrowIfCancellationRequested();
            var p = new Prices(prices.PerKm.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * scale),
                prices.PerSite.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * scale), prices.PerCapex * scale);
            // no permit price here: permits are not a capacity the bound can charge for
            if (p.PerCapex > 0 && !double.IsFinite(caps.Budget)) continue;
            var priced = p.Apply(inst, edgeRegion);
            var sol = solution with { Cost = ChoiceSolution.CostOf(priced, solution.Assigned, solution.TreeEdges) };
            var value = LagrangianBound.Compute(priced, sol, iterations, cancel).Value
                        - p.PerKm.Values.Sum() * caps.KmPerRegion - p.PerSite.Values.Sum() * caps.SitesPerRegion
                        - (p.PerCapex > 0 ? p.PerCapex * caps.Budget : 0);
            best = Math.Max(best, value);
        }
        return best;
    }
}

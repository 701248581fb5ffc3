using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Choice;

/// <summary>A school's cheapest feasible option outside the networked technologies; None at +∞ when it has none.</summary>
public sealed record Baseline(Technology Technology, double Total);

/// <summary>
/// Giga's OutputSpace.minimum_cost_lookup: the feasible technologies in Giga's output order (fibre, satellite, cellular, P2P),
/// the networked ones left out, and the first least total (np.argmin), so satellite wins a tie with cellular.
/// </summary>
public static class BaselineLookup
{
    private static readonly Technology[] Order = [Technology.Fiber, Technology.Satellite, Technology.Cellular, Technology.P2P];

    public static Baseline[] Run(CaseCosts costs, IReadOnlySet<Technology> ignore)
    {
        var result = new Baseline[costs.Case.Schools.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var best = new Baseline(Technology.None, double.PositiveInfinity);
            var any = false;
            foreach (var t in Order.Where(t => !ignore.Contains(t)))
            {
                if (costs.Total(t, i) is not { } total) continue;
                if (!any || total < best.Total) best = new Baseline(t, total);
                any = true;
            }
            result[i] = best;
        }
        return result;
    }
}

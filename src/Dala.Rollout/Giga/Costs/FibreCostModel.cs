using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Costs;

/// <summary>
/// Giga's FiberCostModel: capex = km × cost_per_km × correction + fixed; opex = km × correction × opex cost_per_km +
/// demand × per-Mbps + fixed; km is the school's own edge in the network grown from the POPs (haversine, 6,371,000 m),
/// only links shorter than maximum_connection_length; schools relay when economies_of_scale is on.
/// </summary>
public sealed class FibreCostModel(FibreConfig config) : ITechnologyCostModel
{
    public FibreConfig Config => config;

    public TechnologyCosts Run(GigaCase input, GigaScenario scenario)
    {
        var roots = input.Pops.Select(p => new NetworkRoot(p.Id, p.Lat, p.Lon)).ToArray();
        var links = GreedyConnector.Grow(roots, input.Schools, Feasibility.Participants(config, input), MaximumM,
            Haversine.FibreRadiusM, config.EconomiesOfScale);
        var edge = links.ToDictionary(l => l.School, l => l.DistanceM);
        var costs = input.Schools.Select((s, i) => Feasibility.Eligible(config, s, scenario) && edge.TryGetValue(i, out var d)
            ? Cost(s, scenario, d) : null).ToArray();
        return new TechnologyCosts(Technology.Fiber, [.. costs], links);
    }

    public double MaximumM => config.MaximumConnectionKm * 1000.0;

    /// <summary>The fibre cost of a school whose own edge is distanceM metres long.</summary>
    public TechCost Cost(GigaSchool school, GigaScenario scenario, double distanceM)
    {
        var km = distanceM / 1000.0;
        var capexProvider = km * config.CapexPerKm * config.Correction;
        var opexProvider = km * config.Correction * config.OpexPerKm;
        var opexConsumer = scenario.Demand(school) * config.OpexPerMbps + config.OpexFixed;
        return Electricity.Add(new TechCost(capexProvider + config.CapexFixed, opexConsumer + opexProvider, 0, 0), config, school, scenario);
    }
}

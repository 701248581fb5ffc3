using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Costs;

/// <summary>Giga's SatelliteCostModel: capex = fixed; opex = demand × per-Mbps + fixed; infeasible above its bandwidth cap.</summary>
public sealed class SatelliteCostModel(SatelliteConfig config) : ITechnologyCostModel
{
    public TechnologyCosts Run(GigaCase input, GigaScenario scenario)
    {
        var costs = input.Schools.Select(s => Feasibility.Eligible(config, s, scenario)
            ? Electricity.Add(new TechCost(config.CapexFixed, scenario.Demand(s) * config.OpexPerMbps + config.OpexFixed, 0, 0), config, s, scenario)
            : null).ToArray();
        return new TechnologyCosts(Technology.Satellite, [.. costs], []);
    }
}

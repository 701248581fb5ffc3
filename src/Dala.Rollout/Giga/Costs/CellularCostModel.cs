using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Costs;

/// <summary>
/// Giga's CellularCostModel: feasible when a tower carrying a valid technology is closer than maximum_range (haversine,
/// 6,371,008.8 m); capex = fixed; opex = demand × per-Mbps + fixed. No valid tower at all: Giga falls back on the school's own
/// coverage field, which this case does not have, so every school is then out of range.
/// </summary>
public sealed class CellularCostModel(CellularConfig config) : ITechnologyCostModel
{
    public TechnologyCosts Run(GigaCase input, GigaScenario scenario)
    {
        var valid = config.ValidTechnologies.ToHashSet(StringComparer.Ordinal);
        var towers = input.Towers.Where(t => t.Technologies.Any(valid.Contains)).ToArray();
        var maximumM = config.MaximumRangeKm * 1000.0;
        var costs = input.Schools.Select(s =>
            Feasibility.Eligible(config, s, scenario) && towers.Any(t => GreedyConnector.Distance(s, t.Lat, t.Lon, Haversine.MeanRadiusM) < maximumM)
                ? Electricity.Add(new TechCost(config.CapexFixed, scenario.Demand(s) * config.OpexPerMbps + config.OpexFixed, 0, 0), config, s, scenario)
                : null).ToArray();
        return new TechnologyCosts(Technology.Cellular, [.. costs], []);
    }
}

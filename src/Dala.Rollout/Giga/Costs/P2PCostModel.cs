using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Costs;

/// <summary>
/// Giga's P2PCostModel: capex = tower_fixed_costs + fixed; opex = demand × per-Mbps + fixed; no distance term. Reachable by
/// hops shorter than maximum_range (haversine, 6,371,008.8 m) from any tower, relayed through other schools (the greedy
/// connector with dynamic connection); no line-of-sight check.
/// </summary>
public sealed class P2PCostModel(P2PConfig config) : ITechnologyCostModel
{
    public P2PConfig Config => config;

    public double MaximumM => config.MaximumRangeKm * 1000.0;

    public TechnologyCosts Run(GigaCase input, GigaScenario scenario)
    {
        var roots = input.Towers.Select(t => new NetworkRoot(t.Id, t.Lat, t.Lon)).ToArray();
        var links = GreedyConnector.Grow(roots, input.Schools, Feasibility.Participants(config, input), MaximumM, Haversine.MeanRadiusM, true);
        var reached = links.Select(l => l.School).ToHashSet();
        var costs = input.Schools.Select((s, i) => Feasibility.Eligible(config, s, scenario) && reached.Contains(i) ? Cost(s, scenario) : null).ToArray();
        return new TechnologyCosts(Technology.P2P, [.. costs], links);
    }

    public TechCost Cost(GigaSchool school, GigaScenario scenario) =>
        Electricity.Add(new TechCost(config.TowerFixed + config.CapexFixed, scenario.Demand(school) * config.OpexPerMbps + config.OpexFixed, 0, 0),
            config, school, scenario);
}

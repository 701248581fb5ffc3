using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>The arcs of the scenario's networked technologies, on the same distances and limits as Giga's networks.</summary>
public static class OptimalNetworks
{
    public static List<NetworkArcs> Build(CaseCosts costs)
    {
        var input = costs.Case;
        var scenario = costs.Scenario;
        var result = new List<NetworkArcs>();
        if (scenario.Get<FibreConfig>() is { } fibre)
        {
            var model = new FibreCostModel(fibre);
            result.Add(NetworkArcs.Build(Technology.Fiber, [.. input.Pops.Select(p => new NetworkRoot(p.Id, p.Lat, p.Lon))], input,
                Eligible(fibre, costs), model.MaximumM, Haversine.FibreRadiusM, fibre.EconomiesOfScale,
                (i, d) => model.Cost(input.Schools[i], scenario, d).Total(scenario.YearsOpex)));
        }
        if (scenario.Get<P2PConfig>() is { } p2p)
        {
            var model = new P2PCostModel(p2p);
            result.Add(NetworkArcs.Build(Technology.P2P, [.. input.Towers.Select(t => new NetworkRoot(t.Id, t.Lat, t.Lon))], input,
                Eligible(p2p, costs), model.MaximumM, Haversine.MeanRadiusM, true,
                (i, _) => model.Cost(input.Schools[i], scenario).Total(scenario.YearsOpex)));
        }
        return result;
    }

    private static bool[] Eligible(TechnologyConfig tech, CaseCosts costs) =>
        [.. costs.Case.Schools.Select(s => Feasibility.Eligible(tech, s, costs.Scenario))];

    /// <summary>Each school's cheapest option taken alone (its cheapest arc for a networked technology): no choice costs less.</summary>
    public static double TrivialBound(CaseCosts costs, IReadOnlyList<NetworkArcs> networks)
    {
        var best = Enumerable.Range(0, costs.Case.Schools.Length)
            .Select(i => OptimalModel.StandAlone.Select(t => costs.Total(t, i) ?? double.PositiveInfinity).Min()).ToArray();
        foreach (var a in networks.SelectMany(n => n.Arcs)) best[a.To] = Math.Min(best[a.To], a.Cost);
        return best.Where(double.IsFinite).Sum();
    }
}

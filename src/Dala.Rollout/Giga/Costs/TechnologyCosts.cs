using System.Collections.Immutable;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Costs;

/// <summary>A technology's candidate cost per school (null: infeasible) and, for fibre and P2P, the network Giga grew.</summary>
public sealed record TechnologyCosts(Technology Technology, ImmutableArray<TechCost?> BySchool, ImmutableArray<NetworkLink> Network);

/// <summary>Computes one technology's candidate costs for every school of a case.</summary>
public interface ITechnologyCostModel
{
    TechnologyCosts Run(GigaCase input, GigaScenario scenario);
}

/// <summary>The per-technology rules every model shares: bandwidth cap first, then electricity.</summary>
public static class Feasibility
{
    /// <summary>A school may use the technology at all (bandwidth within the cap, power available or allowed).</summary>
    public static bool Eligible(TechnologyConfig tech, GigaSchool school, GigaScenario scenario) =>
        !(scenario.Demand(school) > tech.MaximumBandwidth) && Electricity.Allows(tech, school);

    /// <summary>The schools that take part in a network: all, or those with power when new electricity is not allowed.</summary>
    public static int[] Participants(TechnologyConfig tech, GigaCase input) =>
        [.. Enumerable.Range(0, input.Schools.Length).Where(i => Electricity.Allows(tech, input.Schools[i]))];
}

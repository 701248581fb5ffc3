using System.Collections.Immutable;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Costs;

/// <summary>Every technology's candidate costs for a case under one scenario, in the scenario's order.</summary>
public sealed record CaseCosts(GigaCase Case, GigaScenario Scenario, ImmutableArray<TechnologyCosts> Technologies)
{
    public static CaseCosts Run(GigaCase input, GigaScenario scenario) =>
        new(input, scenario, [.. scenario.Technologies.Select(t => Model(t).Run(input, scenario))]);

    public static ITechnologyCostModel Model(TechnologyConfig config) => config switch
    {
        FibreConfig f => new FibreCostModel(f),
        CellularConfig c => new CellularCostModel(c),
        SatelliteConfig s => new SatelliteCostModel(s),
        P2PConfig p => new P2PCostModel(p),
        _ => throw new ArgumentException($"no cost model for {config.Technology}", nameof(config)),
    };

    public int Years => Scenario.YearsOpex;

    public TechnologyCosts? Of(Technology technology) => Technologies.FirstOrDefault(t => t.Technology == technology);

    /// <summary>A school's total for a technology, or null when the technology is infeasible for it or not in the scenario.</summary>
    public double? Total(Technology technology, int school) => Of(technology)?.BySchool[school]?.Total(Years);
}

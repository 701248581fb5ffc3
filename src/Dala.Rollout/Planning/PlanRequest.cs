using Dala.Registry.Progress;
using Dala.Rollout.Costs;
using Dala.Rollout.Options;
using Dala.Rollout.Phasing;

namespace Dala.Rollout.Planning;

/// <summary>What planned: least NPV meeting the targets, or the most people served within the budget.</summary>
public enum PlanMode
{
    LeastCost,
    MostPeople,
}

/// <summary>Everything a national (or regional) plan is asked: name, mode, cost book, targets, phasing, candidates, effort.</summary>
public sealed record PlanRequest
{
    public string Name { get; init; } = "national";

    public PlanMode Mode { get; init; } = PlanMode.LeastCost;

    public CostBook Costs { get; init; } = CostBook.Default;

    /// <summary>Dated targets (default: 90% broadband by end-2026, 100% at >= 100 Mbps by end-2027).</summary>
    public IReadOnlyList<Target> Targets { get; init; } = Target.Defaults;

    public PhasingSettings Phasing { get; init; } = new();

    public BuildSettings Build { get; init; } = new();

    /// <summary>Run the sensitivity analysis (±20% on fibre per km, take-up, LEO price and the discount rate).</summary>
    public bool Sensitivity { get; init; }

    /// <summary>Subgradient iterations of the lower bound.</summary>
    public int BoundIterations { get; init; } = 60;

    public Choice.ChoiceOptions Choice { get; init; } = Dala.Rollout.Choice.ChoiceOptions.Default;
}

/// <summary>Where a running plan is: a phase and the share of the whole run done.</summary>
public readonly record struct PlanProgress(string Phase, double Share);

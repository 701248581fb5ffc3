using Dala.Rollout.Giga.Choice;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Optimal;

namespace Dala.Rollout.Giga;

/// <summary>Whose choice to report: Giga's heuristic, reproduced, or Dala's proven optimum on the same formulas.</summary>
public enum ChoiceMode { Giga, Optimal }

/// <summary>The chosen plan, Giga's own plan for comparison, and for the optimum the solver's report.</summary>
public sealed record GigaRun(ChoiceMode Mode, GigaPlan Plan, GigaPlan Giga, OptimalReport? Report);

/// <summary>Runs a Giga case: candidate costs, Giga's choice and, when asked, the optimum warm-started from it.</summary>
public static class GigaPlanner
{
    public static GigaRun Run(GigaCase input, GigaScenario scenario, ChoiceMode mode, OptimalOptions? options = null)
    {
        var costs = CaseCosts.Run(input, scenario);
        var giga = GigaChoice.Run(costs);
        if (mode == ChoiceMode.Giga) return new GigaRun(mode, giga, giga, null);
        var (plan, report) = OptimalChoice.Run(costs, giga, options ?? new OptimalOptions());
        return new GigaRun(mode, plan, giga, report);
    }
}

using System.Collections.Immutable;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Choice;

/// <summary>
/// The technology chosen for a school, what a Fiber or P2P school hangs from (a POP, a tower or another school of the same
/// technology), and its total cost (NaN for None).
/// </summary>
public sealed record SchoolChoice(int School, Technology Technology, string? Parent, double Total);

/// <summary>A choice for every school of a case, with the costs it was made from.</summary>
public sealed record GigaPlan(CaseCosts Costs, ImmutableArray<SchoolChoice> Choices)
{
    /// <summary>The sum of the chosen totals (schools with None add nothing).</summary>
    public double Total => Choices.Where(c => double.IsFinite(c.Total)).Sum(c => c.Total);

    public int Count(Technology t) => Choices.Count(c => c.Technology == t);
}

using System.Collections.Concurrent;
using Dala.Registry.Indicators;
using Dala.Registry.Query;
using Dala.Rollout.Plans;

namespace Dala.Web.Report;

/// <summary>
/// The indicators a host shows: the stored (reported) ones beside those Dala derives from today's registry view and the
/// latest saved plan. The plan's fibre per region is read once per plan (plans never change once saved).
/// </summary>
public sealed class IndicatorSource(DalaWebSettings settings)
{
    private readonly ConcurrentDictionary<long, PlannedFibre> _fibre = new();

    public IReadOnlyList<IndicatorSeries> Board(RegistryView view)
    {
        var stored = settings.Indicators?.Read() ?? IndicatorSet.Empty;
        var plan = LatestPlan() is { } header ? Fibre(header) : null;
        return IndicatorBoard.Combine(stored, DerivedIndicators.Compute(view, settings.Targets, plan));
    }

    /// <summary>The newest saved plan's header, or null (no plan store, or no plan yet).</summary>
    public RolloutPlan? LatestPlan() => settings.Plans?.ListPlans().FirstOrDefault();

    private PlannedFibre? Fibre(RolloutPlan header)
    {
        if (_fibre.TryGetValue(header.Id, out var known)) return known;
        if (settings.Plans!.GetPlan(header.Id) is not { } plan) return null;
        var fibre = new PlannedFibre(plan.Id, plan.Name, plan.Synthetic,
            plan.Summary.Years.Select(y => (y.Year, y.FibreKm)).ToArray(),
            plan.Fibre.GroupBy(f => f.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(f => f.Km), StringComparer.Ordinal));
        if (_fibre.Count > 16) _fibre.Clear();
        _fibre[plan.Id] = fibre;
        return fibre;
    }
}

using Dala.Registry.Model;
using Dala.Rollout.Costs;

namespace Dala.Rollout.Demand;

/// <summary>
/// Turns settlements into demand with one cost book. A settlement without a population in the registry is given
/// the median population of the settlements of its kind that have one (said so in every output).
/// </summary>
public sealed class DemandModel
{
    private readonly CostBook _costs;
    private readonly IReadOnlyDictionary<SettlementKind, int> _median;

    public DemandModel(CostBook costs, IEnumerable<Settlement> all)
    {
        _costs = costs;
        _median = all.Where(s => s.Population.Count is > 0).GroupBy(s => s.Kind)
            .ToDictionary(g => g.Key, g => Median(g.Select(s => s.Population.Count!.Value)));
    }

    /// <summary>The population given to settlements of a kind without one (50 when no settlement of the kind has one).</summary>
    public int EstimateFor(SettlementKind kind) => _median.GetValueOrDefault(kind, 50);

    public Demand Of(Settlement s)
    {
        var estimated = s.Population.Count is not > 0;
        var population = estimated ? EstimateFor(s.Kind) : s.Population.Count!.Value;
        var size = _costs.HouseholdSize(s.RegionCode);
        var households = population / size;
        return new Demand(population, estimated, size, households, households * _costs["take_up"]);
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}

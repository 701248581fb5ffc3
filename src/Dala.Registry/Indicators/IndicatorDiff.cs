using Dala.Registry.Store;

namespace Dala.Registry.Indicators;

/// <summary>
/// What a save writes, the same for every store: indicators and values that are new or differ from the stored ones
/// (values compare by value, keyed by indicator, region and date). Refuses a value whose indicator is nowhere.
/// </summary>
public static class IndicatorDiff
{
    public sealed record Changes(IReadOnlyList<Indicator> Indicators, IReadOnlyList<IndicatorPoint> Points, int Unchanged);

    public static Changes Of(IndicatorSet stored, IndicatorSet incoming, string describe)
    {
        var known = stored.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var indicators = incoming.Indicators.Where(i => !known.TryGetValue(i.Id, out var k) || k != i).ToArray();
        var ids = new HashSet<string>(known.Keys.Concat(incoming.Indicators.Select(i => i.Id)), StringComparer.Ordinal);
        if (incoming.Points.FirstOrDefault(p => !ids.Contains(p.IndicatorId)) is { } orphan)
            throw new StoreException($"cannot save indicator values in {describe}: no indicator {orphan.IndicatorId}");
        var values = stored.Points.ToDictionary(p => p.Key);
        var points = new List<IndicatorPoint>();
        var unchanged = 0;
        foreach (var p in incoming.Points.Select(p => p with { Derived = false }))
        {
            if (values.TryGetValue(p.Key, out var s) && s == p) unchanged++;
            else points.Add(p);
        }
        return new Changes(indicators, points, unchanged);
    }
}

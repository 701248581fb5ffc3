namespace Dala.Registry.Indicators;

/// <summary>One indicator with its values (reported and derived), oldest first.</summary>
public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorPoint> Points)
{
    public bool Synthetic => Points.Any(p => p.Synthetic);

    /// <summary>The newest value of a region ("" national) that is reported (or derived), or null.</summary>
    public IndicatorPoint? Latest(string region, bool derived) =>
        Points.LastOrDefault(p => p.Region == region && p.Derived == derived);

    /// <summary>The values of one region only.</summary>
    public IndicatorSeries For(string region) => this with { Points = Points.Where(p => p.Region == region).ToArray() };
}

/// <summary>The stored (reported) indicators and the derived ones side by side: one series per indicator id.</summary>
public static class IndicatorBoard
{
    public static IReadOnlyList<IndicatorSeries> Combine(IndicatorSet reported, IndicatorSet derived)
    {
        var byId = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var i in derived.Indicators) byId[i.Id] = i;
        foreach (var i in reported.Indicators)
            byId[i.Id] = byId.TryGetValue(i.Id, out var d) && i.Target is null ? i with { Target = d.Target, TargetDate = d.TargetDate, TargetSource = d.TargetSource } : i;
        var points = reported.Points.Select(p => p with { Derived = false }).Concat(derived.Points).ToLookup(p => p.IndicatorId, StringComparer.Ordinal);
        return byId.Values.OrderBy(i => i.Target is null).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new IndicatorSeries(i, points[i.Id].OrderBy(p => p.Date).ThenBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.Derived).ToArray()))
            .ToArray();
    }
}

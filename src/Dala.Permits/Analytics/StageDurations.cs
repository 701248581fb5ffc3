using Dala.Permits.Model;
using MathNet.Numerics.Statistics;

namespace Dala.Permits.Analytics;

/// <summary>How long one stage took in one region: from how many requests, the median and the 90th percentile (days), against its SLA.</summary>
public sealed record StageDuration(string Region, string Stage, string Name, int N, double Median, double P90, int SlaDays)
{
    public bool MedianOverSla => Median > SlaDays;
}

/// <summary>
/// Days per stage per region, from the stages passed by the as-of date: a stage's days run from the stage before it
/// that was passed (or from opened) to its own date; a stage skipped (no date while a later one has one) counts nowhere.
/// Percentiles interpolate between ranks (type 7, as PostgreSQL's percentile_cont). The country is the group "KZ".
/// Requests opened after the as-of date are left out, as in the survival curves.
/// </summary>
public static class StageDurations
{
    public static IReadOnlyList<StageDuration> Compute(IEnumerable<PermitRequest> requests, DateOnly asOf, PermitStages stages)
    {
        var days = new Dictionary<(string Region, string Stage), List<double>>();
        foreach (var r in requests.Where(r => r.Opened <= asOf).Select(r => r.AsOf(asOf)))
        {
            var from = r.Opened;
            foreach (var key in PermitStages.Keys)
            {
                if (r.DateOf(key) is not { } d) continue;
                foreach (var region in new[] { r.Region, PermitGroups.Country })
                {
                    if (!days.TryGetValue((region, key), out var list)) days[(region, key)] = list = [];
                    list.Add(d.DayNumber - from.DayNumber);
                }
                from = d;
            }
        }
        return days.OrderBy(kv => kv.Key.Region == PermitGroups.Country ? 1 : 0).ThenBy(kv => kv.Key.Region, StringComparer.Ordinal)
            .ThenBy(kv => Order(kv.Key.Stage))
            .Select(kv => new StageDuration(kv.Key.Region, kv.Key.Stage, stages[kv.Key.Stage].Name, kv.Value.Count,
                kv.Value.QuantileCustom(0.5, QuantileDefinition.R7), kv.Value.QuantileCustom(0.9, QuantileDefinition.R7), stages[kv.Key.Stage].SlaDays))
            .ToArray();
    }

    internal static int Order(string stage) => PermitStages.Keys.ToList().IndexOf(stage);
}

/// <summary>How many requests (opened by the as-of date) had passed each stage by then: the funnel.</summary>
public sealed record FunnelStep(string Stage, string Name, int Reached);

public static class Funnel
{
    /// <summary>The first step is "opened" (every request); then each stage in order.</summary>
    public static IReadOnlyList<FunnelStep> Compute(IEnumerable<PermitRequest> requests, DateOnly asOf, PermitStages stages)
    {
        var open = requests.Where(r => r.Opened <= asOf).Select(r => r.AsOf(asOf)).ToList();
        return [new FunnelStep("opened", "Opened", open.Count), .. PermitStages.Keys.Select(k => new FunnelStep(k, stages[k].Name, open.Count(r => r.DateOf(k) is not null)))];
    }
}

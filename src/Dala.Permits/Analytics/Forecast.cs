using Dala.Permits.Model;

namespace Dala.Permits.Analytics;

/// <summary>
/// When an open request is likely to be on air: its expected date, the curve it came from ("region" or the country's
/// when the region's could not say, "none" when neither could), and a note saying why.
/// </summary>
public sealed record PermitForecast(string RequestId, string Operator, string Region, DateOnly Opened, int DaysWaited, string Waiting,
    DateOnly? OnAir, string Basis, string Note);

/// <summary>
/// A forecast on-air date for every request open on the as-of date (opened by then, not on air by then), from the
/// Kaplan-Meier curves of time to on air: given that it has already waited t days, the conditional median — the first
/// day u &gt; t on which S(u) &lt;= S(t) / 2 — so the date is opened + u. When the region's curve never falls that far
/// (too few of its requests have gone on air, or none after t days), the country's curve is used instead and the
/// forecast says so; when that cannot say either, there is no date ("none") and the note says that fewer than half of
/// the requests that waited as long went on air. Requests opened after the as-of date are left out.
/// </summary>
public static class Forecasts
{
    public const string ByRegion = "region", ByCountry = "country", None = "none";

    public static IReadOnlyList<PermitForecast> Compute(IReadOnlyList<PermitRequest> requests, DateOnly asOf)
    {
        var regions = PermitSurvival.Compute(requests, asOf, PermitGroups.Region).Curves.ToDictionary(c => c.Group);
        var country = PermitSurvival.Compute(requests, asOf, PermitGroups.All).Curves.SingleOrDefault();
        return requests.Where(r => r.Opened <= asOf).Select(r => r.AsOf(asOf)).Where(r => !r.IsOnAir)
            .Select(r =>
            {
                var t = asOf.DayNumber - r.Opened.DayNumber;
                if (regions.GetValueOrDefault(r.Region)?.ConditionalMedian(t) is { } u)
                    return Make(r, t, r.Opened.AddDays(u), ByRegion, $"conditional median of {r.Region}'s curve after {t} days waited: day {u}");
                if (country?.ConditionalMedian(t) is { } v)
                    return Make(r, t, r.Opened.AddDays(v), ByCountry,
                        $"{r.Region}'s curve does not fall to half after {t} days waited; the country's conditional median: day {v}");
                return Make(r, t, null, None, $"neither {r.Region}'s nor the country's curve falls to half after {t} days waited: fewer than half of the requests that waited as long are on air, no date");
            })
            .OrderBy(f => f.OnAir ?? DateOnly.MaxValue).ThenBy(f => f.RequestId, StringComparer.Ordinal).ToArray();
    }

    private static PermitForecast Make(PermitRequest r, int t, DateOnly? onAir, string basis, string note) =>
        new(r.RequestId, r.Operator, r.Region, r.Opened, t, r.Waiting!, onAir, basis, note);
}

/// <summary>
/// What the rollout planner reads: per region with permit requests, the earliest date a mast asked for on the as-of date
/// can be on air — the as-of date plus the median time to on air of the region's Kaplan-Meier curve (the country's when
/// the region's does not reach 0.5). A region whose requests give neither is left out (the planner keeps its flat lead).
/// </summary>
public static class EarliestOnAir
{
    public sealed record Lead(string Region, int MedianDays, string Basis, DateOnly Date);

    public static IReadOnlyList<Lead> Compute(IReadOnlyList<PermitRequest> requests, DateOnly asOf)
    {
        var country = PermitSurvival.Compute(requests, asOf, PermitGroups.All).Curves.SingleOrDefault()?.Median;
        var leads = new List<Lead>();
        foreach (var c in PermitSurvival.Compute(requests, asOf, PermitGroups.Region).Curves)
        {
            if (c.Median is { } m) leads.Add(new Lead(c.Group, m, Forecasts.ByRegion, asOf.AddDays(m)));
            else if (country is { } k) leads.Add(new Lead(c.Group, k, Forecasts.ByCountry, asOf.AddDays(k)));
        }
        return leads;
    }

    public static IReadOnlyDictionary<string, DateOnly> ByRegion(IReadOnlyList<PermitRequest> requests, DateOnly asOf) =>
        Compute(requests, asOf).ToDictionary(l => l.Region, l => l.Date, StringComparer.Ordinal);
}

using Dala.Permits.Model;

namespace Dala.Permits.Analytics;

/// <summary>How requests are grouped for survival curves.</summary>
public static class PermitGroups
{
    public const string Region = "region", Operator = "operator", All = "all";

    public static readonly IReadOnlyList<string> Names = [Region, Operator, All];

    /// <summary>The group name of the whole country (every request together).</summary>
    public const string Country = "KZ";

    public static string Of(PermitRequest r, string by) => by switch
    {
        Region => r.Region,
        Operator => r.Operator,
        All => Country,
        _ => throw new ArgumentException($"'{by}' is not one of {string.Join(", ", Names)}", nameof(by)),
    };
}

/// <summary>The curves, and what was left out of them and why.</summary>
public sealed record SurvivalResult(DateOnly AsOf, string By, IReadOnlyList<SurvivalCurve> Curves, int LeftOutOpenedAfter)
{
    /// <summary>What the output says about the requests it left out and the groups without a step.</summary>
    public IEnumerable<string> Notes()
    {
        if (LeftOutOpenedAfter > 0)
            yield return $"{LeftOutOpenedAfter} request(s) opened after the as-of date {AsOf:yyyy-MM-dd} left out (they did not exist yet on that day)";
        foreach (var c in Curves.Where(c => c.Events == 0))
            yield return $"group {c.Group}: {c.N} request(s), none on air by {AsOf:yyyy-MM-dd}: no rows (its survival stays 1)";
        foreach (var c in Curves.Where(c => c.Events > 0 && c.Median is null))
            yield return $"group {c.Group}: the curve does not fall to 0.5 (fewer than half on air yet): no median";
    }
}

/// <summary>
/// Time from opened to on air as a survival analysis on an as-of date: a request on air by then is an event on its day;
/// one not on air by then (or on air only later) is censored at the as-of date. A request opened after the as-of date is
/// LEFT OUT (it did not exist on that day; the result counts it), so a past as-of date shows the curves as they stood then.
/// </summary>
public static class PermitSurvival
{
    public static SurvivalResult Compute(IEnumerable<PermitRequest> requests, DateOnly asOf, string by)
    {
        var (obs, leftOut) = Observations(requests, asOf, by);
        return new SurvivalResult(asOf, by, KaplanMeier.Estimate(obs), leftOut);
    }

    public static (IReadOnlyList<SurvivalObservation> Observations, int LeftOut) Observations(IEnumerable<PermitRequest> requests, DateOnly asOf, string by)
    {
        var list = new List<SurvivalObservation>();
        var leftOut = 0;
        foreach (var r in requests)
        {
            if (r.Opened > asOf) { leftOut++; continue; }
            var group = PermitGroups.Of(r, by);
            list.Add(r.OnAir is { } on && on <= asOf
                ? new SurvivalObservation(group, on.DayNumber - r.Opened.DayNumber, true)
                : new SurvivalObservation(group, asOf.DayNumber - r.Opened.DayNumber, false));
        }
        return (list, leftOut);
    }
}

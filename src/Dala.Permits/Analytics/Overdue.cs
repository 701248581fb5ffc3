using Dala.Permits.Model;

namespace Dala.Permits.Analytics;

/// <summary>An open request waiting on a stage longer than its SLA: who holds it, since when, how many days over.</summary>
public sealed record OverdueRequest(string RequestId, string Operator, string Region, string Stage, string StageName, string Holder,
    DateOnly WaitingSince, int DaysWaiting, int SlaDays)
{
    public int DaysOver => DaysWaiting - SlaDays;
}

/// <summary>
/// Open requests past their SLA on the as-of date: a request not on air by then waits for the stage after the last one it
/// passed, since that stage's date (or since it was opened); it is overdue when it has waited more days than that
/// stage's SLA. Most days over first. Requests opened after the as-of date are left out.
/// </summary>
public static class Overdue
{
    public static IReadOnlyList<OverdueRequest> Compute(IEnumerable<PermitRequest> requests, DateOnly asOf, PermitStages stages) =>
        requests.Where(r => r.Opened <= asOf).Select(r => r.AsOf(asOf)).Where(r => !r.IsOnAir)
            .Select(r =>
            {
                var stage = stages[r.Waiting!];
                return new OverdueRequest(r.RequestId, r.Operator, r.Region, stage.Key, stage.Name, stage.Holder, r.WaitingSince,
                    asOf.DayNumber - r.WaitingSince.DayNumber, stage.SlaDays);
            })
            .Where(o => o.DaysWaiting > o.SlaDays)
            .OrderByDescending(o => o.DaysOver).ThenBy(o => o.RequestId, StringComparer.Ordinal).ToArray();
}

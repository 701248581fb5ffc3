using Dala.Events.Capacity;
using Dala.Events.Model;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>A mass event on the report: the event, the region its place lies in, and its capacity check.</summary>
public sealed record ReportEvent(MassEvent Event, string? Region, EventCapacity Capacity);

/// <summary>Mass events (Dala.Events): each event in the page's region (all on the country's), latest first, with its
/// crowd, the capacity deficit and the advice; synthetic events marked.</summary>
public sealed class EventsSection : IReportSection
{
    public const int Listed = 5;

    public RenderedSection? Render(ReportScope scope)
    {
        var events = scope.Data.Events.Where(e => scope.IsCountry || e.Region == scope.Region).OrderByDescending(e => e.Event.Start).ToArray();
        if (events.Length == 0) return null;
        var rows = events.Take(Listed).Select(e =>
        {
            var c = e.Capacity;
            var advice = c.Operators.Where(o => o.DeficitMbps > 0).Select(o => $"{o.OperatorId}: {o.ExtraCarriers} carriers + {o.Cows} COWs").ToArray();
            return new[]
            {
                E(e.Event.Name) + Mark(e.Event.Synthetic), $"{e.Event.Start:yyyy-MM-dd HH:mm}", N(e.Event.ExpectedCrowd),
                N(c.TotalDemandMbps, "#,0"), N(c.DeficitMbps, "#,0"), advice.Length == 0 ? "none needed" : E(string.Join("; ", advice)),
            };
        });
        var table = Table(["event", "starts", "crowd", "demand, Mbit/s", "deficit, Mbit/s", "advice"], rows);
        var more = events.Length > Listed ? $"<p class=\"muted\">… and {events.Length - Listed} more events.</p>" : "";
        return new RenderedSection("Mass events", table + more, events.Take(Listed).Any(e => e.Event.Synthetic));
    }
}

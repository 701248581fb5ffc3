using Dala.Permits.Analytics;
using Dala.Permits.Model;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>Mast permits waiting (Dala.Permits): open requests on the report date, those past their stage's SLA and who
/// holds them, and the median forecast on-air date; nothing on a page whose region has no requests.</summary>
public sealed class PermitsSection : IReportSection
{
    public const int OverdueListed = 5;

    public RenderedSection? Render(ReportScope scope)
    {
        var asOf = scope.Data.AsOf;
        var requests = scope.Data.Permits.Where(r => (scope.IsCountry || r.Region == scope.Region) && r.Opened <= asOf).ToArray();
        if (requests.Length == 0) return null;
        var open = requests.Select(r => r.AsOf(asOf)).Count(r => !r.IsOnAir);
        var overdue = Overdue.Compute(requests, asOf, PermitStages.Default);
        var dates = Forecasts.Compute(requests, asOf).Select(f => f.OnAir).OfType<DateOnly>().Order().ToArray();
        var head = $"<p>{N(requests.Length)} requests, <b>{N(open)}</b> not on air yet, <b>{N(overdue.Count)}</b> past their stage's SLA" +
                   (dates.Length > 0 ? $"; median forecast on air {dates[dates.Length / 2]:yyyy-MM-dd}" : "") + ".</p>";
        if (overdue.Count == 0) return new RenderedSection("Mast permits waiting", head, false);
        var table = Table(["request", "operator", "waiting for", "held by", "days over SLA"],
            overdue.Take(OverdueListed).Select(o => new[] { E(o.RequestId), E(o.Operator), E(o.StageName), E(o.Holder), N(o.DaysOver) }));
        var more = overdue.Count > OverdueListed ? $"<p class=\"muted\">… and {overdue.Count - OverdueListed} more past their SLA.</p>" : "";
        return new RenderedSection("Mast permits waiting", head + table + more, false);
    }
}

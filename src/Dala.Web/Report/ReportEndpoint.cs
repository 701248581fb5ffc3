using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Report;

/// <summary>GET /report: the printable report (HTML, open to everyone; no script; CSS embedded, which the CSP's style-src allows).</summary>
public static class ReportEndpoint
{
    public static IEndpointRouteBuilder MapReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report", (DalaWebSettings settings, RegistryViews views, IndicatorSource indicators, ReportRenderer renderer) =>
        {
            var data = ReportRenderer.Gather(settings, views.Current(), indicators);
            return Results.Content(renderer.Render(data, stylesheet: null), "text/html; charset=utf-8");
        }).TakesQuery().WithName("GetReport").WithTags("Report").WithMetadata(ExpensiveWork.Instance)
          .WithSummary("The report: a printable page for the country and one per region (progress to the targets, the plan's next year, " +
                       "compliance verdicts, indicators with targets); charts are SVG images; synthetic figures are marked")
          .AlsoProduces("text/html");
        return app;
    }
}

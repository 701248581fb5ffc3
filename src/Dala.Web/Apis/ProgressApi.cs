using Dala.Registry.Export;
using Dala.Registry.Progress;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/progress", (HttpRequest request, RegistryViews views, ViewCache cache, DalaWebSettings settings,
            [FromQuery] string? scope, [FromQuery] string? region, [FromQuery] string? format) =>
        {
            var view = views.Current();
            var q = new QueryReader(request.Query, ["scope", "region", "format"]);
            var sc = q.OneOf("scope", ProgressCalculator.Scopes) ?? "rural";
            var reg = q.OneOf("region", view.Snapshot.RegionsByCode.Keys.ToArray());
            var fmt = q.OneOf("format", ["json", "csv"]) ?? "json";
            if (q.HasErrors) return q.Problem();
            var p = cache.GetOrAdd(view, $"progress:{sc}:{reg}", () => ProgressCalculator.Compute(view, sc, reg, settings.Targets));
            if (fmt == "csv") return CsvResult.Of(t => ProgressExport.WriteCsv(t, p), $"progress-{sc}{(p.Synthetic ? "-synthetic" : "")}.csv");
            return TypedResults.Ok(new ProgressDto(p.AsOf, p.Scope, reg, p.Synthetic, p.National.ToDto(),
                p.Regions.Select(r => r.ToDto()).ToArray(),
                p.Timeline.Select(t => new TimelinePointDto(t.Date, t.Fibre, t.Broadband, t.Mbps100)).ToArray(),
                p.Targets.Select(t => t.ToDto()).ToArray()));
        }).WithName("GetProgress").WithTags("Progress")
          .WithSummary("Progress to the national targets: shares of settlements and population on fibre, broadband and >= 100 Mbps, national, per region and over time")
          .Produces<ProgressDto>(StatusCodes.Status200OK)
          .AlsoProduces("text/csv")
          .ProducesValidationProblem();
        return app;
    }
}

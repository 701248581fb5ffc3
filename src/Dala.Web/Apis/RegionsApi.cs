using Dala.Registry.Export;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/regions", (HttpRequest request, RegistryViews views, ViewCache cache, [FromQuery] string? format) =>
        {
            var q = new QueryReader(request.Query, ["format"]);
            var fmt = q.OneOf("format", ["json", "geojson", "csv"]) ?? "json";
            if (q.HasErrors) return q.Problem();
            var view = views.Current();
            var snap = view.Snapshot;
            if (fmt == "geojson") return GeoJsonResult.Cached(cache, view, "regions", w => RegionExport.WriteGeoJson(w, snap));
            if (fmt == "csv") return CsvResult.Of(t => RegionExport.WriteCsv(t, snap), "regions.csv");
            var counts = RegionExport.CountsOf(snap);
            return Results.Ok(snap.Regions.Select(r => new RegionDto(r.Code, r.Name.En ?? r.Name.Local, NamesDto.Of(r.Name),
                counts.GetValueOrDefault(r.Code)?.Settlements ?? 0, counts.GetValueOrDefault(r.Code)?.Population ?? 0, r.Area is not null)).ToArray());
        }).WithName("GetRegions").WithTags("Registry")
          .WithSummary("Regions with their settlement counts; format=geojson gives their polygons, format=csv a table")
          .Produces<RegionDto[]>(StatusCodes.Status200OK)
          .AlsoProduces(GeoJsonResult.ContentType, "text/csv")
          .ProducesValidationProblem();
        return app;
    }
}

using System.Globalization;
using Dala.Geo;
using Dala.Registry.Query;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>Spatial questions answered by the store: nearest settlements, the region at a point.</summary>
public static class SpatialApi
{
    public const int MaxNearest = 100;

    public static IEndpointRouteBuilder MapSpatialApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/settlements/nearest", (HttpRequest request, RegistryViews views, DalaWebSettings settings,
            [FromQuery] string? lon, [FromQuery] string? lat, [FromQuery] string? count) =>
        {
            var q = new QueryReader(request.Query, ["lon", "lat", "count"]);
            var p = Point(q);
            var n = q.Int("count", 1, MaxNearest) ?? 10;
            if (q.HasErrors || p is null) return q.Problem();
            var view = views.Current();
            var found = settings.Store.NearestSettlements(p.Value, n)
                .Where(x => view.Snapshot.SettlementsById.ContainsKey(x.SettlementId))
                .Select(x => new NearbyDto(SettlementSummary.Of(view, view.Snapshot.SettlementsById[x.SettlementId]).ToDto(), x.DistanceKm))
                .ToArray();
            return TypedResults.Ok(found);
        }).WithName("GetNearestSettlements").WithTags("Registry")
          .WithSummary("The settlements nearest to a point (great-circle km), nearest first")
          .Produces<NearbyDto[]>(StatusCodes.Status200OK).ProducesValidationProblem();

        app.MapGet("/api/regions/at", (HttpRequest request, RegistryViews views, DalaWebSettings settings,
            [FromQuery] string? lon, [FromQuery] string? lat) =>
        {
            var q = new QueryReader(request.Query, ["lon", "lat"]);
            var p = Point(q);
            if (q.HasErrors || p is null) return q.Problem();
            var code = settings.Store.RegionAt(p.Value);
            var view = views.Current();
            if (code is null || !view.Snapshot.RegionsByCode.TryGetValue(code, out var region))
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No region here",
                    detail: $"No region polygon of the store covers {p.Value}.");
            return TypedResults.Ok(new RegionAtDto(region.Code, region.Name.En ?? region.Name.Local, NamesDto.Of(region.Name)));
        }).WithName("GetRegionAt").WithTags("Registry")
          .WithSummary("The region whose polygon covers a point")
          .Produces<RegionAtDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static LonLat? Point(QueryReader q)
    {
        double? Coord(string name, double limit)
        {
            var t = q.Text(name);
            if (t is null) return q.Error<double?>(name, "required");
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                return q.Error<double?>(name, $"'{t}' is not a number");
            if (Math.Abs(v) > limit) return q.Error<double?>(name, $"{t} is outside [-{limit}, {limit}]");
            return v;
        }
        var lon = Coord("lon", 180);
        var lat = Coord("lat", 90);
        return lon is null || lat is null ? null : new LonLat(lon.Value, lat.Value);
    }
}

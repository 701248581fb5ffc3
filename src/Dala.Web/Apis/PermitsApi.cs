using Dala.Permits.Analytics;
using Dala.Permits.Model;
using Dala.Permits.Store;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Mast permit requests: the list (by region, operator, status), Kaplan-Meier curves of time to on air, days per stage
/// and the funnel, requests past their SLA, forecast on-air dates, the sites regions offer; and setting a request or one
/// stage's date (analysts; an operator its own requests only). Reads answer 400 to unknown or bad parameters; 503 when
/// the host keeps no permits.
/// </summary>
public static partial class PermitsApi
{
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly string[] Statuses = ["open", "on_air"];

    public static IEndpointRouteBuilder MapPermitsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/permits", List).WithName("GetPermits").WithTags("Permits")
            .WithSummary("Permit requests by id; filters region (KZ-NN), operator, status (open|on_air)")
            .Produces<PermitRequestDto[]>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/permits", Post).WithName("PostPermit").WithTags("Permits")
            .WithSummary("Create or replace a request (201 new, 200 replaced), or with stage and date set one stage of a stored request")
            .WithDescription("Body: requestId (required); with stage (and date, YYYY-MM-DD; no date clears it) one stage of the stored request is set; " +
                             "otherwise operator, region, opened (required) and optional lon, lat, siteId and the stage dates replace the request. " +
                             "Dates must be in stage order, not before opened, not after tomorrow. 400: malformed; 422: invalid values, each field named; " +
                             "404: no such request for a stage. Roles: analyst, admin; an operator its own requests only.")
            .DocumentsJsonBody(PermitRequestSchema.Body)
            .Produces<PermitRequestDto>(StatusCodes.Status200OK).Produces<PermitRequestDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/permits/survival", Survival).WithName("GetPermitSurvival").WithTags("Permits")
            .WithSummary("Kaplan-Meier curves of days from opened to on air by region|operator|all (by), as of asOf (default today): requests not on air then are censored there; " +
                         "requests opened after it are left out and counted")
            .Produces<PermitSurvivalDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/permits/stages", Stages).WithName("GetPermitStages").WithTags("Permits")
            .WithSummary("The stages (names, SLA days, holders), the funnel of the region asked (or all), and days per stage per region (median, p90; KZ the country)")
            .Produces<PermitStagesDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/permits/overdue", OverdueList).WithName("GetPermitsOverdue").WithTags("Permits")
            .WithSummary("Open requests waiting on a stage longer than its SLA, most days over first; filter region")
            .Produces<OverdueDto[]>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/permits/forecast", Forecast).WithName("GetPermitForecast").WithTags("Permits")
            .WithSummary("A forecast on-air date for every open request: the conditional median of its region's curve given the days waited " +
                         "(basis region; country when the region's does not fall to half; none without a date); filter region")
            .Produces<PermitForecastDto[]>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/permits/sites", Sites).WithName("GetPermitSitesOffered").WithTags("Permits")
            .WithSummary("Sites regional administrations offer for base stations (public buildings); filter region")
            .Produces<OfferedSiteDto[]>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static IResult NoPermits() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No permit store",
        detail: "This server keeps no permit requests.");

    /// <summary>Reads the common parameters: region (a known code), asOf (a day; default today).</summary>
    private static (string? Region, DateOnly AsOf) Common(QueryReader q, DalaWebSettings settings)
    {
        var region = q.Text("region");
        if (region is not null && PermitRules.RegionProblem(region) is { } problem) q.Error<object>("region", problem);
        var asOf = q.Day("asOf") ?? DateOnly.FromDateTime(settings.Clock.Now.UtcDateTime);
        return (region, asOf);
    }

    private static IResult List(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["region", "operator", "status"]);
        var (region, _) = Common(q, settings);
        var op = q.Text("operator");
        var status = q.OneOf("status", Statuses);
        if (q.HasErrors) return q.Problem();
        if (settings.Permits is not { } store) return NoPermits();
        return Results.Ok(store.List(new PermitFilter(region, op, status)).Select(r => r.ToDto(PermitStages.Default)).ToArray());
    }

    private static IResult Survival(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["by", "asOf"]);
        var (_, asOf) = Common(q, settings);
        var by = q.OneOf("by", [.. PermitGroups.Names]) ?? PermitGroups.Region;
        if (q.HasErrors) return q.Problem();
        if (settings.Permits is not { } store) return NoPermits();
        return Results.Ok(PermitSurvival.Compute(store.List(PermitFilter.All), asOf, by).ToDto());
    }

    private static IResult Stages(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["region", "asOf"]);
        var (region, asOf) = Common(q, settings);
        if (q.HasErrors) return q.Problem();
        if (settings.Permits is not { } store) return NoPermits();
        var all = store.List(PermitFilter.All);
        var stages = PermitStages.Default;
        var funnel = Funnel.Compute(all.Where(r => region is null || r.Region == region), asOf, stages);
        var durations = StageDurations.Compute(all, asOf, stages).Where(d => region is null || d.Region == region || d.Region == PermitGroups.Country);
        return Results.Ok(new PermitStagesDto(asOf, region, [.. stages.Stages.Select(s => s.ToDto())],
            [.. funnel.Select(f => new FunnelStepDto(f.Stage, f.Name, f.Reached))], [.. durations.Select(d => d.ToDto())]));
    }

    private static IResult OverdueList(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["region", "asOf"]);
        var (region, asOf) = Common(q, settings);
        if (q.HasErrors) return q.Problem();
        if (settings.Permits is not { } store) return NoPermits();
        return Results.Ok(Overdue.Compute(store.List(new PermitFilter(region)), asOf, PermitStages.Default).Select(o => o.ToDto()).ToArray());
    }

    private static IResult Forecast(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["region", "asOf"]);
        var (region, asOf) = Common(q, settings);
        if (q.HasErrors) return q.Problem();
        if (settings.Permits is not { } store) return NoPermits();
        // Every region's curves (a region's forecast may lean on the country's), then the region asked.
        return Results.Ok(Forecasts.Compute(store.List(PermitFilter.All), asOf).Where(f => region is null || f.Region == region).Select(f => f.ToDto()).ToArray());
    }

    private static IResult Sites(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["region"]);
        var (region, _) = Common(q, settings);
        if (q.HasErrors) return q.Problem();
        if (settings.Permits is not { } store) return NoPermits();
        return Results.Ok(store.Sites(region).Select(s => s.ToDto()).ToArray());
    }
}

using System.Text.Json;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Rollout plans: POST queues a plan as a background job (never computed inside a request; see /api/jobs); saved
/// plans are listed, read (summary, GeoJSON, CSV, one settlement's line), compared and deleted. The default cost
/// book is served for editing. Answers 503 when the host keeps no plans.
/// </summary>
public static partial class PlansApi
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static string Href(long id) => $"/api/plans/{id}";

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/plans", Post).WithName("PostPlan").WithTags("Plans")
            .WithSummary("Queue a rollout plan: 202 with the job to poll (GET /api/jobs/{id}); the plan is saved when the job succeeds")
            .WithDescription("Body (application/json, at most 1 MiB): name (1..100 chars, required), mode (least-cost | most-people), region " +
                             "(KZ-NN; the country when absent), budgetPerYearTenge (> 0, null for no limit; default 300e9), fibreKmPerRegionYear (> 0), " +
                             "sitesPerRegionYear (>= 0), permitLeadMonths (0..60), targets ([{id, label, metric: fibre|broadband|mbps100, share 0..1, " +
                             "by: YYYY-MM-DD}]; default the national targets), costs (a cost book as GET /api/plans/costs gives it), sensitivity (bool). " +
                             "400: malformed JSON or wrong types; 422: invalid values; errors name each field by its JSON path.")
            .DocumentsJsonBody(PlanRequestSchema.Body)
            .Produces<JobAcceptedDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/plans", List).TakesQuery().WithName("GetPlans").WithTags("Plans")
            .WithSummary("Saved plans' headers, newest first")
            .Produces<PlanHeaderDto[]>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/plans/costs", () => TypedResults.Ok(DefaultCosts.Value.RootElement)).TakesQuery().WithName("GetPlanCosts").WithTags("Plans")
            .WithSummary("The default cost book (format dala-cost-book): every item with value, unit, currency and source; edit it and send it as costs");
        app.MapGet("/api/plans/compare", Compare).WithName("ComparePlans").WithTags("Plans")
            .WithSummary("Two plans side by side (b minus a): totals, settlements per technology, the settlements planned differently")
            .Produces<PlanComparisonDto>(StatusCodes.Status200OK).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/plans/{id:long}", (long id, DalaWebSettings s, PlanCache c) => WithPlan(s, c, id, p => Results.Ok(p.ToDetailDto())))
            .TakesQuery().WithName("GetPlan").WithTags("Plans")
            .WithSummary("One plan: its inputs, summary (years, regions by year, targets, shortfalls, assumptions) and sensitivity bars")
            .Produces<PlanDetailDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/plans/{id:long}.geojson", (long id, DalaWebSettings s, PlanCache c) =>
                WithPlan(s, c, id, p => GeoJsonResult.Of(w => Rollout.Export.PlanGeoJson.Write(w, p), $"plan-{id}.geojson")))
            .TakesQuery().WithName("GetPlanGeoJson").WithTags("Plans")
            .WithSummary("The plan as GeoJSON: settlements (kind=settlement), new fibre (kind=fibre) and sites built (kind=site); synthetic flag on the collection")
            .AlsoProduces(GeoJsonResult.ContentType).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/plans/{id:long}.csv", (long id, DalaWebSettings s, PlanCache c) =>
                WithPlan(s, c, id, p => CsvResult.Of(t => Rollout.Export.PlanCsv.Write(t, p), $"plan-{id}.csv")))
            .TakesQuery().WithName("GetPlanCsv").WithTags("Plans")
            .WithSummary("One line per settlement: settlement_id, technology, year, capex_tenge, opex_tenge_per_year, meets_100mbps, reason, then details and synthetic")
            .AlsoProduces("text/csv").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/plans/{id:long}/settlements/{settlementId}", Settlement).TakesQuery().WithName("GetPlanSettlement").WithTags("Plans")
            .WithSummary("One settlement's line of a plan: technology, year, money, reason, earliest year and binding constraint")
            .Produces<SettlementPlanDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapDelete("/api/plans/{id:long}", Delete).WithName("DeletePlan").WithTags("Plans")
            .WithSummary("Delete a saved plan")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static readonly Lazy<JsonDocument> DefaultCosts = new(() => JsonDocument.Parse(Rollout.Costs.CostBookJson.Write(Rollout.Costs.CostBook.Default)));
}

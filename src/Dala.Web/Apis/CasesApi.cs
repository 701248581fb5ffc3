using Dala.Quality.Cases;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// The inspectorate's cases: listed (by state, operator), opened for a violation, read, taken a step at a time through
/// the state machine (an illegal step: 409), and the fine schedule with the MRP table. Bodies are read by hand: 400
/// malformed or wrong type, 422 invalid value, each naming the field. Answers 503 when the host keeps no cases.
/// </summary>
public static partial class CasesApi
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quality/cases", List).WithName("GetQualityCases").WithTags("Quality")
            .WithSummary("Cases, newest first; state (opened|notice_sent|response|appeal|decision|fined|closed) and operator filter")
            .Produces<CaseDto[]>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/cases", Open).WithName("OpenQualityCase").WithTags("Quality")
            .WithSummary("Open a case for a violation (201); 409 when the violation already has an open case")
            .WithDescription("Body: obligation, version, operator, region, settlement, from, to (YYYY-MM-DD), n, k, estimate, ciLow, ciHigh, synthetic; " +
                             "date (default today), note; the case is opened under the signed-in user or API key (an actor field is ignored). 400: malformed JSON or wrong types; 422: invalid values; errors name each field.")
            .DocumentsJsonBody(CaseRequestSchema.Open)
            .Produces<CaseDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/cases/{id:long}", Get).TakesQuery().WithName("GetQualityCase").WithTags("Quality")
            .WithSummary("One case: the violation's figures and interval, the dated steps with who took them, the fine (imposed or worked out now), the next steps")
            .Produces<CaseDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/cases/{id:long}/steps", Step).WithName("StepQualityCase").WithTags("Quality")
            .WithSummary("Take a case's next step; 409 when the state machine does not allow it (the problem names the next steps)")
            .WithDescription("Body: to (a state, required), date (YYYY-MM-DD, default today; not before the last step, not in the future), note, " +
                             "outcome (upheld|dismissed; a decision only); the step is recorded under the signed-in user or API key (an actor field is ignored). Moving to fined works out the fine from the schedule and the MRP of the decision's date.")
            .DocumentsJsonBody(CaseRequestSchema.Step)
            .Produces<CaseDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/fines", Fines).TakesQuery().WithName("GetQualityFines").WithTags("Quality")
            .WithSummary("The fine schedule (tiers in MRP, repeat period, source; assumption true when the tiers are placeholders) and the MRP in tenge by date")
            .Produces<FinesDto>(StatusCodes.Status200OK);
        return app;
    }

    private static IResult Fines(DalaWebSettings settings) => Results.Ok((settings.Cases?.Fines ?? FineSchedule.Default).ToDto());

    private static IResult NoCases() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No case store",
        detail: "This server keeps no quality cases.");

    private static IResult Refused(CaseException e) => e.Kind switch
    {
        CaseRefusal.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: e.Reason),
        CaseRefusal.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Step not allowed", detail: e.Reason,
            extensions: new Dictionary<string, object?> { ["field"] = e.Field }),
        _ => Results.ValidationProblem(new Dictionary<string, string[]> { [Json(e.Field)] = [e.Reason] }, title: "Invalid case request",
            statusCode: StatusCodes.Status422UnprocessableEntity),
    };

    /// <summary>The body's name of a domain field (ci_low -> ciLow).</summary>
    private static string Json(string field) => field switch
    {
        "ci_low" => "ciLow",
        "ci_high" => "ciHigh",
        _ => field,
    };
}

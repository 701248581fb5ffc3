using Dala.Quality.Claims;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Coverage claims and challenges: claims with their check (the share of valid tests at or above the claimed download,
/// exact Clopper-Pearson 95% interval; claimed but not delivered when its high &lt; 0.5), a claims upload (CSV or JSON;
/// any bad row refuses the whole upload), and the challenge workflow (file -> answer -> decision). 503 when the host
/// keeps no claims.
/// </summary>
public static partial class ChallengesApi
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapChallengesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quality/claims", List).WithName("GetClaims").WithTags("Quality")
            .WithSummary("Coverage claims with their check: n, k, share, 95% interval, status (delivered | not-delivered | unproven | no-tests | withdrawn), " +
                         "the radio prediction beside it, the latest challenge; synthetic when the claims are the demo's")
            .WithDescription("Query: status (one of the statuses), asOf (YYYY-MM-DD, default today), windowMonths (1..120, default 12).")
            .Produces<ClaimListDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/claims", PostClaims).WithName("PostClaims").WithTags("Quality")
            .WithSummary("Upload coverage claims: text/csv (settlement,operator,technology,claimed_down_mbps,as_of[,synthetic]) or application/json " +
                         "{claims: [{settlement, operator, technology, claimedDownMbps, asOf, synthetic}]}; any bad row: nothing stored")
            .WithDescription("400: malformed body (not CSV/JSON, wrong JSON types, a broken CSV header or row); 422: invalid values, each named by line " +
                             "(CSV: \"line N: field\") or JSON path (claims[i].field).")
            .Produces<ClaimImportDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/challenges", Challenges).TakesQuery().WithName("GetChallenges").WithTags("Quality")
            .WithSummary("Challenges, newest first, with their state (filed | answered | upheld | rejected) and the evidence at filing")
            .Produces<ChallengeDto[]>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/challenges", File).WithName("PostChallenge").WithTags("Quality")
            .WithSummary("File a challenge against a claim: {claimId, note}; the claim check now is kept as evidence")
            .WithDescription("Filed under the signed-in user or API key (an actor field is ignored). 404: no such claim; 409: the claim is withdrawn or already has an open challenge.")
            .Produces<ChallengeDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/challenges/{id:long}/answer", Answer).WithName("AnswerChallenge").WithTags("Quality")
            .WithSummary("The operator answers a filed challenge: {note}; recorded under the signed-in user or API key (an actor field is ignored)")
            .Produces<ChallengeDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/challenges/{id:long}/decision", Decision).WithName("DecideChallenge").WithTags("Quality")
            .WithSummary("Decide an answered challenge: {outcome: upheld | rejected, note}; upheld withdraws the claim; recorded under the signed-in user or API key")
            .Produces<ChallengeDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Documentation shapes of the bodies (read by hand, see the handlers).</summary>
    public sealed record ClaimUpload(IReadOnlyList<ClaimRow> Claims);
    public sealed record ClaimRow(string Settlement, string Operator, string Technology, double ClaimedDownMbps, string AsOf, bool? Synthetic);
    /// <remarks>Actor: ignored (older clients send it); the principal is recorded.</remarks>
    public sealed record FileChallenge(long ClaimId, string? Actor, string? Note);
    public sealed record AnswerChallenge(string? Actor, string Note);
    public sealed record DecideChallenge(string Outcome, string? Actor, string? Note);

    private static IResult NoClaims() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No claim store",
        detail: "This server keeps no coverage claims.");
}

using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Licence obligations (versioned) and the verdicts on them, computed on the fly from the stored current obligations and the
/// valid, non-synthetic tests; the evidence pack of one verdict; the sample-size planner. 503 when the host keeps no
/// obligations or measurements.
/// </summary>
public static partial class VerdictsApi
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapVerdictsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quality/obligations", Current).TakesQuery().WithName("GetObligations").WithTags("Verdicts")
            .WithSummary("The current obligations (newest version of each; the default set is stored when there are none)")
            .Produces<VerdictObligationDto[]>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/quality/obligations", Post).WithName("PostObligation").WithTags("Verdicts")
            .WithSummary("Store a new version of one obligation (201; 200 when it equals the current version)")
            .WithDescription("Body: {id, technology, metric: down_mbps|up_mbps|latency_ms|loss_pct, rule: share_at_least|quantile_at_least|median_at_most, " +
                             "threshold, share (share rule), quantile (quantile rule), confidence, by: [operator, region, settlement], operator, effective_from, " +
                             "effective_to, note}. 400: malformed JSON or wrong types; 422: invalid values; errors name each field by its JSON path. " +
                             "The header X-Dala-Actor names who makes the change.")
            .Produces<VerdictObligationDto>(StatusCodes.Status201Created).Produces<VerdictObligationDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/obligations/{id}/history", History).TakesQuery().WithName("GetObligationHistory").WithTags("Verdicts")
            .WithSummary("Every version of one obligation, oldest first, with who saved it and when")
            .Produces<ObligationVersionDto[]>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/verdicts", Verdicts).WithName("GetVerdicts").WithTags("Verdicts")
            .WithSummary("Verdicts per obligation and unit: n, k, estimate, exact two-sided interval, violation|compliant|inconclusive, further tests")
            .WithDescription("from, to: UTC days YYYY-MM-DD (inclusive, required); obligation: one id (default all current); sources: all|crowd|inspector|separate; " +
                             "one_per_network_day: true|false; format: json|csv (csv starts obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict). " +
                             "An interval bound the data cannot give is null in JSON.")
            .Produces<VerdictDto[]>(StatusCodes.Status200OK).AlsoProduces("text/csv").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/verdicts/evidence", Evidence).WithName("GetVerdictEvidence").WithTags("Verdicts")
            .WithSummary("The evidence pack of one verdict: printable HTML (rule and version, unit, interval, histogram, map, tests) or the counted tests as CSV")
            .WithDescription("obligation (required), operator, region, settlement (the unit; empty = the unit without that key), from, to (required), " +
                             "sources: all|crowd|inspector, one_per_network_day, format: html|csv.")
            .AlsoProduces("text/html").AlsoProduces("text/csv").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/quality/sample-size", SampleSizePlan).WithName("GetSampleSize").WithTags("Verdicts")
            .WithSummary("Tests a campaign needs: the smallest n at which the exact interval decides with the given power when the true share is expected")
            .WithDescription("share, expected: 0..1 (required); confidence (default 0.95); power (default 0.8). n is null when no size up to 1,000,000 reaches the power.")
            .Produces<SampleSizeDto>(StatusCodes.Status200OK).ProducesValidationProblem();
        return app;
    }

    internal static IResult NoStore() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No obligations",
        detail: "This host keeps no obligations or measurements.");

    private static IResult Current(DalaWebSettings s) =>
        s.Obligations is { } store ? Results.Ok(store.CurrentOrDefaults(s.Clock).Select(VerdictObligationDto.Of).ToArray()) : NoStore();

    private static IResult History(string id, DalaWebSettings s)
    {
        if (s.Obligations is not { } store) return NoStore();
        var versions = store.History(id);
        if (versions.Count == 0) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such obligation", detail: $"No obligation {id}.");
        return Results.Ok(versions.Select(v => new ObligationVersionDto(v.Obligation.Version, v.Actor, v.CreatedAt, VerdictObligationDto.Of(v.Obligation))).ToArray());
    }

    private static async Task<IResult> Post(HttpRequest request, DalaWebSettings s, CancellationToken cancel)
    {
        var body = await JsonBody.ReadAsync(request, MaxBodyBytes, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var problems = new List<FieldProblem>();
        var o = ObligationJson.Read(doc.RootElement, "$", problems);
        if (o is null)
        {
            var errors = new BodyErrors();
            foreach (var p in problems)
            {
                if (IsShape(p.Reason)) errors.WrongShape(p.Path, p.Reason);
                else errors.Invalid(p.Path, p.Reason);
            }
            return errors.Problem("Invalid obligation");
        }
        if (s.Obligations is not { } store) return NoStore();
        store.CurrentOrDefaults(s.Clock);
        var actor = request.Headers["X-Dala-Actor"].ToString().Trim();
        var saved = store.Save([o], actor.Length == 0 ? "web" : actor[..Math.Min(actor.Length, 100)], s.Clock.Now);
        if (saved.Count == 0) return Results.Ok(VerdictObligationDto.Of(store.Current().Single(x => x.Id == o.Id)));
        return Results.Created($"/api/quality/obligations/{o.Id}/history", VerdictObligationDto.Of(saved[0]));
    }

    /// <summary>A wrong JSON type or an unknown field (400); anything else is a value that is not acceptable (422).</summary>
    private static bool IsShape(string reason) =>
        reason.StartsWith("unknown field", StringComparison.Ordinal) || reason is "must be a string" or "must be a number" or "an obligation must be a JSON object"
        || reason.StartsWith("must be an array", StringComparison.Ordinal);

    private static IResult SampleSizePlan(HttpRequest request)
    {
        var q = new QueryReader(request.Query, ["share", "expected", "confidence", "power"]);
        var share = q.Double("share", 0, 1);
        var expected = q.Double("expected", 0, 1);
        var confidence = q.Double("confidence", 0.5, 0.999999) ?? 0.95;
        var power = q.Double("power", 0.01, 0.999999) ?? 0.8;
        if (share is null) q.Error<object>("share", "required: the required share, 0..1");
        else if (share is <= 0 or >= 1) q.Error<object>("share", "must be between 0 and 1 (exclusive)");
        if (expected is null) q.Error<object>("expected", "required: the expected true share, 0..1");
        if (q.HasErrors) return q.Problem();
        var plan = SampleSize.For(share!.Value, expected!.Value, confidence, power);
        return Results.Ok(new SampleSizeDto(share.Value, expected.Value, confidence, power, plan?.N, plan?.KLow, plan?.KHigh,
            plan is null ? null : Judgement.WireName(plan.Decides), plan?.Power,
            plan is null ? (share == expected ? "the expected share equals the required share: no number of tests decides" : "no size up to 1,000,000 tests reaches the power") : null));
    }
}

using Dala.Web.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Http;

/// <summary>
/// What a write endpoint (POST, PUT, PATCH) takes: its media types and its largest body. An endpoint may carry one as
/// metadata; the existing write endpoints are listed here by name (so the limits are in one place); any other write
/// takes JSON of at most <see cref="PlatformLimits.DefaultBodyBytes"/>.
/// </summary>
public sealed record RequestBodyPolicy(IReadOnlyList<string> MediaTypes, long MaxBytes)
{
    public const string Json = "application/json";
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";

    /// <summary>The policy of each write endpoint by its name; the body limits are the handlers' own constants.</summary>
    public static IReadOnlyDictionary<string, RequestBodyPolicy> ByEndpoint(DalaWebSettings s) => new Dictionary<string, RequestBodyPolicy>(StringComparer.Ordinal)
    {
        ["PostMeasurements"] = new([Ndjson, "application/jsonl", Json], s.MaxBatchBytes),
        ["PostClaims"] = new([Csv, Json], ChallengesApi.MaxBodyBytes),
        ["PostChallenge"] = new([Json], 64 * 1024),
        ["AnswerChallenge"] = new([Json], 64 * 1024),
        ["DecideChallenge"] = new([Json], 64 * 1024),
        ["PostPlan"] = new([Json], PlansApi.MaxBodyBytes),
        ["PostImport"] = new([Csv, GeoJsonResult.ContentType, Json], ImportsApi.MaxBodyBytes),
        ["OpenQualityCase"] = new([Json], CasesApi.MaxBodyBytes),
        ["StepQualityCase"] = new([Json], CasesApi.MaxBodyBytes),
        ["PostObligation"] = new([Json], VerdictsApi.MaxBodyBytes),
    };

    /// <summary>Whether a Content-Type (parameters ignored) is one of ours; application/json also admits its +json relatives.</summary>
    public bool Accepts(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type)) return false;
        return MediaTypes.Contains(type, StringComparer.Ordinal) || (MediaTypes.Contains(Json) && type.EndsWith("+json", StringComparison.Ordinal));
    }
}

/// <summary>
/// Checks a write before its handler runs: a media type the endpoint does not take is 415 (a page on another site
/// can post text/plain, form or multipart bodies without asking; it cannot post JSON, NDJSON or CSV, so this also
/// closes that door); a declared length over the limit is 413 at once, and the server's body limit is set to the
/// endpoint's, so a chunked body over it is refused (413) while it is read. Runs after routing.
/// </summary>
public sealed class RequestBodyCheck(DalaWebSettings settings)
{
    private readonly IReadOnlyDictionary<string, RequestBodyPolicy> _byName = RequestBodyPolicy.ByEndpoint(settings);

    public RequestBodyPolicy? PolicyFor(HttpContext context)
    {
        var method = context.Request.Method;
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))) return null;
        if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is null) return null;
        return endpoint.Metadata.GetMetadata<RequestBodyPolicy>()
               ?? (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && _byName.TryGetValue(name.EndpointName, out var p) ? p : null)
               ?? new RequestBodyPolicy([RequestBodyPolicy.Json], settings.Limits.DefaultBodyBytes);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (PolicyFor(context) is not { } policy)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength is not 0;
        if (hasBody && !policy.Accepts(request.ContentType))
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"This endpoint takes {string.Join(" or ", policy.MediaTypes)}; got {(string.IsNullOrWhiteSpace(request.ContentType) ? "no content type" : request.ContentType)}.").ExecuteAsync(context);
            return;
        }
        if (request.ContentLength > policy.MaxBytes)
        {
            await TooLarge(policy).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = policy.MaxBytes;
        await next(context);
    }

    public static IResult TooLarge(RequestBodyPolicy policy) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
        detail: $"The body may be at most {Size(policy.MaxBytes)} here; nothing was stored.");

    private static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / 1024 / 1024} MiB" : $"{bytes / 1024} KiB";
}

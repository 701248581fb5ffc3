using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Measurement intake: POST an NDJSON batch; every line is stored or quarantined with its reasons and the answer
/// says which, line by line. Oversized batches get 413, slow senders 408, never a half-read batch.
/// </summary>
public static class MeasurementsApi
{
    public const string IntakeTimeoutPolicy = "intake";

    public static IEndpointRouteBuilder MapMeasurementsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/measurements", Post).WithName("PostMeasurements").WithTags("Quality")
            .WithSummary("Submit measurements as NDJSON (one JSON object per line); each line is stored or quarantined with its reasons")
            .WithDescription("Body: NDJSON (application/x-ndjson), one JSON object per line with time, lon/lat or settlementId or quadkey, downMbps, " +
                             "upMbps, latencyMs, jitterMs, lossPct, bytes, durationS, operator, access, source, clientIp. At most MaxBatchBytes and MaxBatchLines. " +
                             "A line is quarantined, with a reason naming the field, when it is longer than 16,384 characters, when a field is longer than its cap " +
                             "(id and settlementId 128, operator 64, access, source and quadkey 32, flags and direction 16, numbers, times and clientIp 64), " +
                             "holds a NUL or text that cannot be a string (a lone surrogate, bytes that are not UTF-8), or when clientIp is not an IPv4 dotted quad or an IPv6 address.")
            .Produces<IntakeResultDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestTimeout(IntakeTimeoutPolicy);
        app.MapGet("/api/measurements", (HttpRequest request, DalaWebSettings settings, [FromQuery] string? region, [FromQuery] string? @operator,
            [FromQuery] string? source, [FromQuery] string? valid, [FromQuery] string? id, [FromQuery] string? limit) =>
        {
            var q = new QueryReader(request.Query, ["region", "operator", "source", "valid", "id", "limit"]);
            var filter = ReadFilter(q);
            var n = q.Int("limit", 1, 1000) ?? 100;
            var one = q.Text("id");
            if (one is { Length: > 128 }) q.Error<object>("id", "longer than 128 characters");
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return NoStore();
            var rows = store.Recent(one is null ? filter : filter with { Ids = [one] }, n);
            return Results.Ok(rows.Select(MeasurementDto.Of).ToArray());
        }).WithName("GetMeasurements").WithTags("Quality").WithSummary("The newest measurements, filtered (id: just that one, as a vector tile's feature names it)")
          .Produces<MeasurementDto[]>(StatusCodes.Status200OK).ProducesValidationProblem();
        app.MapGet("/api/measurements/quarantine", (HttpRequest request, DalaWebSettings settings, [FromQuery] string? limit) =>
        {
            var q = new QueryReader(request.Query, ["limit"]);
            var n = q.Int("limit", 1, 1000) ?? 100;
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return NoStore();
            return Results.Ok(store.Quarantine(n).Select(x => new QuarantinedLineDto(x.Origin, x.Line, x.ReceivedAt, x.Content, x.Reasons)).ToArray());
        }).WithName("GetQuarantine").WithTags("Quality").WithSummary("Input lines that could not become measurements, with why")
          .Produces<QuarantinedLineDto[]>(StatusCodes.Status200OK).ProducesValidationProblem();
        app.MapNdt7ClientResult();
        return app;
    }

    /// <summary>The filters GET /api/measurements and the measurement vector tiles share: region, operator, source, valid.</summary>
    internal static MeasurementFilter ReadFilter(QueryReader q)
    {
        var src = q.OneOf("source", ["ndt7-server", "ndt7-client", "import", "inspector"]);
        var v = q.OneOf("valid", ["true", "false"]);
        return new MeasurementFilter(q.Text("region"), q.Text("operator"), MeasurementSources.Parse(src), v is null ? null : v == "true");
    }

    private static async Task<IResult> Post(HttpRequest request, DalaWebSettings settings, MeasurementIntakeService intake, CancellationToken cancel)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not (null or "application/x-ndjson" or "application/jsonl" or "application/json" or "text/plain"))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send NDJSON (application/x-ndjson), one JSON object per line; got {type}.");
        if (request.ContentLength > settings.MaxBatchBytes) return TooLarge(settings);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > settings.MaxBatchBytes) return TooLarge(settings);
        }
        // Bytes that are not UTF-8 are marked, not refused: their line is quarantined by name and the good lines are kept.
        var body = Geo.Io.JsonText.Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var lines = body.AsSpan().Count('\n') + 1;
        if (lines > settings.MaxBatchLines + 1)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
                detail: $"A batch may hold at most {settings.MaxBatchLines:N0} lines; split it.");
        if (string.IsNullOrWhiteSpace(body)) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty batch", detail: "No lines were sent.");
        var origin = "api " + settings.Clock.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(IntakeResultDto.Of(intake.AcceptNdjson(body, origin, MeasurementSource.Import)));
    }

    private static IResult TooLarge(DalaWebSettings s) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
        detail: $"A batch may be at most {s.MaxBatchBytes / 1024 / 1024} MiB; split it.");

    internal static IResult NoStore() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No measurement store",
        detail: "This server keeps no measurements.");
}

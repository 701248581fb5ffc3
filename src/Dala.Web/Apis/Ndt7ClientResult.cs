using System.Globalization;
using System.Text.Json;
using Dala.Quality.Model;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// The speed-test page's own figures (source ndt7-client), accepted only through the ndt7 session that produced them:
/// the uuid the server gave the page's download test, ended within the last hour, from the same /24 or /48 network as
/// this request. The server fixes the id (one record per test), the time and the network; the page adds its figures and
/// tags. No key is needed, and there is no open POST: a made-up uuid or another network gets 404.
/// </summary>
public static class Ndt7ClientResult
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private static readonly string[] Fields =
        ["downMbps", "upMbps", "latencyMs", "jitterMs", "lossPct", "bytes", "durationS", "complete", "settlementId", "lon", "lat", "operator", "access"];

    public static IEndpointRouteBuilder MapNdt7ClientResult(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/measurements/ndt7/{uuid}", Post).WithName("PostNdt7ClientResult").WithTags("Quality")
            .WithSummary("The speed-test page's own figures for an ndt7 test this server ran for the caller's network in the last hour (one record per test)")
            .WithDescription("Body: {downMbps, upMbps, latencyMs, jitterMs, lossPct, bytes, durationS, complete, settlementId, lon, lat, operator, access}. 404: no such test from this network.")
            .Produces<IntakeResultDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Post(string uuid, HttpContext http, DalaWebSettings settings, InMemoryNdt7Results results,
        MeasurementIntakeService intake, CancellationToken cancel)
    {
        var body = await JsonBody.ReadAsync(http.Request, 16 * 1024, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object");
            return errors.Problem("Invalid result");
        }
        var f = new JsonFields(doc.RootElement, "", errors, Fields);
        if (errors.Any) return errors.Problem("Invalid result");
        var network = ClientNetwork.Truncate(http.Connection.RemoteIpAddress);
        var now = settings.Clock.Now;
        var test = network is null ? null : results.Snapshot().LastOrDefault(r => r.Uuid == uuid && r.Kind == Ndt7TestKind.Download && r.ClientNetwork == network
                                                          && now - r.StartedAt <= Window);
        if (test is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such test",
                detail: "This server ran no ndt7 download with that uuid for your network in the last hour; nothing was stored.");
        if (!intake.Available) return MeasurementsApi.NoStore();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = $"ndt7-{uuid}-client",
            ["time"] = test.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (test.ClientNetwork is { } net) fields["clientIp"] = net.Split('/')[0];
        foreach (var name in Fields)
            if (f.Get(name) is { } v)
                fields[name] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        return Results.Ok(IntakeResultDto.Of(intake.Get().AcceptFields(fields, "ndt7-client", MeasurementSource.Ndt7Client)));
    }
}

using System.Text.RegularExpressions;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// What the speed-test page asks besides the ndt7 test itself: who the server sees (the caller's network and the
/// operator its address belongs to, from the operator prefix table) and one finished test by its id (the uuid of its
/// download), so that a result has a page of its own.
/// </summary>
public static partial class SpeedTestApi
{
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex ResultId();

    public static IEndpointRouteBuilder MapSpeedTestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/speedtest/whoami", (HttpContext http, DalaWebSettings settings, RegistryViews views) =>
        {
            var address = http.Connection.RemoteIpAddress;
            OperatorGuessDto? guess = null;
            if (settings.Operators.Match(address) is { } m)
                guess = new OperatorGuessDto(m.Operator, views.Current().Snapshot.OperatorsById.GetValueOrDefault(m.Operator)?.Name, $"address prefix {m.Prefix}");
            return TypedResults.Ok(new SpeedTestWhoAmIDto(ClientNetwork.Truncate(address), guess));
        }).TakesQuery().WithName("GetSpeedTestWhoAmI").WithTags("Quality")
          .WithSummary("The caller's network (/24 or /48) and the operator guessed from its address by the operator prefix table (null: no prefix holds it)");
        app.MapGet("/api/speedtest/results/{id}", Result).TakesQuery().WithName("GetSpeedTestResult").WithTags("Quality")
            .WithSummary("One speed test by its id (the uuid of its download): the figures the page showed, its tags and the records behind them")
            .Produces<SpeedTestResultDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Result(string id, DalaWebSettings settings)
    {
        if (!ResultId().IsMatch(id))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid result id",
                detail: "A result id is the uuid of the test's download: 1 to 64 letters, digits and hyphens.");
        if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
        string[] ids = [$"ndt7-{id}-client", $"ndt7-{id}-download", $"ndt7-{id}-upload"];
        var rows = store.Recent(new MeasurementFilter(Ids: ids), ids.Length);
        var browser = rows.FirstOrDefault(m => m.Id == ids[0]);
        var server = rows.Where(m => m.Id != ids[0]).OrderBy(m => m.Id == ids[1] ? 0 : 1).ToArray();
        if (browser is null && server.Length == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such speed test",
                detail: $"No speed test with id '{id}' is stored here.");
        // The browser's figures first (what the page showed), the server's download where the browser's are missing.
        Measurement[] order = browser is null ? server : [browser, .. server];
        T? First<T>(Func<Measurement, T?> get) where T : struct => order.Select(get).FirstOrDefault(v => v is not null);
        string? FirstText(Func<Measurement, string?> get) => order.Select(get).FirstOrDefault(v => v is not null);
        var head = order[0];
        return TypedResults.Ok(new SpeedTestResultDto(id, head.Time, FirstText(m => m.SettlementId), FirstText(m => m.RegionCode),
            First(m => m.Location?.Lon), First(m => m.Location?.Lat), FirstText(m => m.OperatorId), FirstText(m => m.Access?.WireName()),
            First(m => m.DownMbps), First(m => m.UpMbps), First(m => m.LatencyMs), First(m => m.JitterMs), First(m => m.LossPct),
            head.Valid, head.Reasons, browser is null ? null : MeasurementDto.Of(browser), server.Select(MeasurementDto.Of).ToArray()));
    }
}

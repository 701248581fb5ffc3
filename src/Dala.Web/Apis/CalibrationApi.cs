using Dala.Radio.Calibration;
using RadioCalibration = Dala.Radio.Calibration.Calibration;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>One calibration without its samples and mismatches (those have their own endpoints).</summary>
public sealed record CalibrationDetailDto(long Id, DateTimeOffset CreatedAt, DateTimeOffset From, DateTimeOffset To, long? CoverageRunId, string Model, string Grouping,
    int Folds, int Seed, bool Synthetic, CalibrationCounts Counts, IReadOnlyList<GroupTerms> Terms, IReadOnlyList<GroupMetrics> Metrics, GroupMetrics Overall,
    int Samples, int Mismatches);

/// <summary>Radio model calibrations (dala radio calibrate): the list, one calibration's terms and metrics, its residuals and its settlement mismatches.</summary>
public static class CalibrationApi
{
    public static IEndpointRouteBuilder MapCalibrationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/radio/calibrations", (DalaWebSettings s) => Results.Ok(s.Calibrations?.List() ?? []))
            .TakesQuery().WithName("GetCalibrations").WithTags("Radio").WithSummary("Every stored calibration, newest first: window, model, grouping, held-out RMSE before and after")
            .Produces<CalibrationSummary[]>(StatusCodes.Status200OK);
        app.MapGet("/api/radio/calibrations/{id:long}", (long id, DalaWebSettings s) => With(s, id, c => Results.Ok(Detail(c))))
            .TakesQuery().WithName("GetCalibration").WithTags("Radio")
            .WithSummary("One calibration: tests used and dropped, terms per group (offset dB, slope dB/decade, standard errors), bias and RMSE before and after on held-out folds")
            .Produces<CalibrationDetailDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/radio/calibrations/{id:long}/residuals", (long id, DalaWebSettings s) =>
                With(s, id, c => GeoJsonResult.Of(w => CalibrationExport.WriteResidualsGeoJson(w, c))))
            .TakesQuery().WithName("GetCalibrationResiduals").WithTags("Radio")
            .WithSummary("The calibration's samples as GeoJSON points: predicted, measured and calibrated RSRP (dBm), residual before and after (dB), throughput, operator, settlement")
            .AlsoProduces(GeoJsonResult.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/radio/calibrations/{id:long}/mismatches", (long id, HttpRequest request, DalaWebSettings s) =>
            {
                var q = new QueryReader(request.Query, ["format"]);
                var fmt = q.OneOf("format", ["json", "csv"]) ?? "json";
                if (q.HasErrors) return q.Problem();
                return With(s, id, c => fmt == "json" ? Results.Ok(c.Mismatches)
                    : CsvResult.Of(t => CalibrationExport.WriteMismatchesCsv(t, c), $"calibration-{id}-mismatches{(c.Synthetic ? "-synthetic" : "")}.csv"));
            }).WithName("GetCalibrationMismatches").WithTags("Radio")
            .WithSummary("Settlements predicted covered but measured dead (median download below 1 Mbit/s over at least 3 tests) and the reverse, per operator and access, with the evidence")
            .Produces<SettlementMismatch[]>(StatusCodes.Status200OK).AlsoProduces("text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static CalibrationDetailDto Detail(RadioCalibration c) => new(c.Id, c.CreatedAt, c.From, c.To, c.CoverageRunId, c.Model, c.Grouping.WireName(), c.Folds, c.Seed,
        c.Synthetic, c.Counts, c.Terms, c.Metrics, c.Overall, c.Samples.Count, c.Mismatches.Count);

    private static IResult With(DalaWebSettings s, long id, Func<RadioCalibration, IResult> answer) =>
        s.Calibrations?.Get(id) is { } c ? answer(c)
        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such calibration",
            detail: $"There is no calibration {id}: list them with GET /api/radio/calibrations, make one with dala radio calibrate.");
}

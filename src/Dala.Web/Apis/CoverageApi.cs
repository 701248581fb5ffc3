using System.Text.Json;
using Dala.Geo.Io;
using Dala.Radio.Coverage;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>The latest coverage run: its summary, per-settlement predictions, road coverage and the RSRP raster.</summary>
public static class CoverageApi
{
    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coverage", (CoverageRuns runs) => runs.Latest() is { } run ? Results.Ok(Summary(run)) : NoRun())
            .TakesQuery().WithName("GetCoverage").WithTags("Radio").WithSummary("The latest coverage run: assumptions and totals")
            .Produces<CoverageRunDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/coverage/runs", PostRun).WithName("PostCoverageRun").WithTags("Radio")
            .WithSummary("Queue a coverage run from the store's sites: 202 with the job to poll (GET /api/jobs/{id}); the run becomes the latest when the job succeeds")
            .WithDescription("Body (application/json, at most 64 KiB): model (itm | hata | cost231 | freespace), radiusKm (1..200), thresholdDbm (-150..-40), " +
                             "deltaHm (0..1000), terrain (none | synthetic), roads (none | synthetic), raster (west,south,east,north), cellDeg (0.001..0.5). " +
                             "400: malformed JSON or wrong types; 422: invalid values; 429: the queue, or the caller's role, has too many jobs.")
            .DocumentsJsonBody(CoverageRunSchema.Body)
            .Produces<JobAcceptedDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/api/coverage/settlements", (HttpRequest request, CoverageRuns runs, RegistryViews views, [FromQuery] string? format) =>
        {
            var q = new QueryReader(request.Query, ["format"]);
            var fmt = q.OneOf("format", ["json", "csv"]) ?? "json";
            if (q.HasErrors) return q.Problem();
            if (runs.Latest() is not { } run) return NoRun();
            var snap = views.Current().Snapshot;
            var rows = run.Settlements.Where(p => snap.SettlementsById.ContainsKey(p.TargetId)).Select(p =>
            {
                var s = snap.SettlementsById[p.TargetId];
                return new SettlementCoverageDto(p.TargetId, s.Name.Local, s.RegionCode, s.Location.Lon, s.Location.Lat, s.Population.Count, p.SiteId, p.SectorId,
                    CoverageExport.Round(p.RsrpDbm), CoverageExport.Round(p.SinrDb), CoverageExport.Round(p.PeakMbps), CoverageExport.Round(p.BusyHourMbps), p.Covered, p.Meets100Mbps, p.TerrainUsed, run.Synthetic);
            }).ToArray();
            if (fmt == "json") return Results.Ok(rows);
            return CsvResult.Of(t => CoverageExport.WriteSettlementsCsv(t, run, snap), $"coverage-settlements{(run.Synthetic ? "-synthetic" : "")}.csv");
        }).WithName("GetCoverageSettlements").WithTags("Radio")
          .WithSummary("Per settlement: best server, RSRP, SINR, peak and busy-hour speed, >= 100 Mbit/s at the busy hour")
          .Produces<SettlementCoverageDto[]>(StatusCodes.Status200OK).AlsoProduces("text/csv")
          .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/coverage/roads", (CoverageRuns runs) =>
        {
            if (runs.Latest() is not { } run) return NoRun();
            return GeoJsonResult.Of(w => CoverageExport.WriteRoadsGeoJson(w, run));
        }).TakesQuery().WithName("GetCoverageRoads").WithTags("Radio").WithSummary("Roads with the share of kilometres covered (GeoJSON lines)")
          .AlsoProduces(GeoJsonResult.ContentType).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/coverage/raster.png", (CoverageRuns runs) =>
            runs.Latest()?.Raster is { } x ? Results.File(x.Png, "image/png") : NoRaster())
            .TakesQuery("run").WithName("GetCoverageRasterPng").WithTags("Radio").WithSummary("The best-RSRP raster as a PNG overlay (bounds in /api/coverage)")
            .AlsoProduces("image/png").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/coverage/raster.tif", (CoverageRuns runs) =>
            runs.Latest() is { Raster: { } x } run ? Results.File(x.GeoTiff, "image/tiff", $"coverage-{run.Id}{(run.Synthetic ? "-synthetic" : "")}.tif") : NoRaster())
            .TakesQuery("run").WithName("GetCoverageRasterGeoTiff").WithTags("Radio").WithSummary("The best-RSRP raster as a GeoTIFF (float32 dBm, EPSG:4326)")
            .AlsoProduces("image/tiff").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static CoverageRunDto Summary(CoverageRun run) => new(run.Id, run.CreatedAt, run.Model, run.TerrainUsed, run.Synthetic, run.Assumptions,
        run.Sites, run.Settlements.Count, run.Settlements.Count(p => p.Covered), run.Settlements.Count(p => p.Meets100Mbps), run.Roads.Count,
        Math.Round(run.Roads.Sum(r => r.Km), 2), Math.Round(run.Roads.Sum(r => r.CoveredKm), 2),
        run.Raster is { } x
            ? new CoverageRasterDto(x.Bounds.West, x.Bounds.South, x.Bounds.East, x.Bounds.North, x.Width, x.Height, x.CellDeg,
                $"/api/coverage/raster.png?run={run.Id}", $"/api/coverage/raster.tif?run={run.Id}", JsonDocument.Parse(x.LegendJson).RootElement.Clone())
            : null);

    private static IResult NoRun() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No coverage run",
        detail: "No coverage run has been saved yet: run `dala radio coverage`.");

    private static async Task<IResult> PostRun(HttpContext http, DalaWebSettings settings, RegistryViews views, CoverageRuns runs, JobRunner jobs, CancellationToken cancel)
    {
        if (settings.Coverage is null)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No coverage store", detail: "This host keeps no coverage runs.");
        var body = await JsonBody.ReadAsync(http.Request, 64 * 1024, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        var snapshot = views.Current().Snapshot; // the cached view, not a fresh read of the whole registry per post
        if (CoverageRunReader.Read(doc.RootElement, snapshot.Settlements, errors) is null) return errors.Problem("Invalid coverage run");
        if (snapshot.Sites.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No radio sites",
                detail: "The store has no radio sites: import them (dala import sites FILE.csv) or place a synthetic layout (dala scenario sites).");
        // The same request against the same registry while its run is still the latest: that run (the result cache).
        var key = JobKey.Of(CoverageJob.Kind, doc.RootElement, settings.Store.ReadRevision());
        if (jobs.Cached(CoverageJob.Kind, key) is { FinishedAt: { } at } cached && runs.Latest() is { } latest && latest.CreatedAt <= at)
            return JobSubmit.Accepted(cached);
        return JobSubmit.Queue(http, jobs, CoverageJob.Kind, doc.RootElement.GetRawText(), key);
    }

    private static IResult NoRaster() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No coverage raster",
        detail: "The latest coverage run has no raster: run `dala radio coverage --raster west,south,east,north`.");
}

/// <summary>The latest coverage run, read from the store only when a newer run id appears.</summary>
public sealed class CoverageRuns(DalaWebSettings settings)
{
    private readonly Lock _gate = new();
    private CoverageRun? _run;

    public CoverageRun? Latest()
    {
        if (settings.Coverage is not { } store) return null;
        var id = store.LatestRunId();
        lock (_gate)
        {
            if (id is null) return _run = null;
            if (_run?.Id != id) _run = store.LatestRun();
            return _run;
        }
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Platform.Jobs;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Imports through the web, as jobs: POST the file itself (CSV, or GeoJSON for settlements) to /api/imports/{kind};
/// 202 with the job; GET /api/imports/{job} answers 202 while it runs and then the import's report.
/// </summary>
public static partial class ImportsApi
{
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports/{kind}", Post).WithName("PostImport").WithTags("Imports")
            .WithSummary("Queue an import of the posted file (kind: settlements, connectivity or sites) as a job: 202 with the job; its report at /api/imports/{job}")
            .WithDescription("Body: the file itself (text/csv; settlements also application/geo+json), at most 64 MiB. Query: file, the name rejected rows " +
                             "are reported under (letters, digits, . _ -; default KIND.csv). One transaction: any rejected row and nothing is stored.")
            .Produces<JobAcceptedDto>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapGet("/api/imports/{id}", Get).TakesQuery().WithName("GetImport").WithTags("Imports")
            .WithSummary("An import's report once its job is done (rows read, stored, rejected with file:line, field and reason); 202 with the job while it runs")
            .Produces<ImportReportDto>(StatusCodes.Status200OK).Produces<JobDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FileName();

    private static async Task<IResult> Post(string kind, HttpContext http, JobRunner jobs, CancellationToken cancel)
    {
        if (!ImportJob.Importers.ContainsKey(kind))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such import",
                detail: $"'{kind}' is not one of {string.Join(", ", ImportJob.Importers.Keys)}.");
        var q = new QueryReader(http.Request.Query, ["file"]);
        var geo = http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        var file = q.Text("file") ?? $"{kind}.{(geo ? "geojson" : "csv")}";
        if (!FileName().IsMatch(file)) q.Error<object>("file", "a file name of letters, digits, '.', '_' or '-' (at most 100)");
        if (geo && kind != "settlements") q.Error<object>("file", $"{kind} are imported from CSV (text/csv) only");
        if (q.HasErrors) return q.Problem();
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancel);
        if (body.Length == 0) return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["empty: post the file itself"] });
        var input = JsonSerializer.Serialize(new ImportJob.Input(kind, file), ImportJob.Json);
        var upload = new JobOutput(ImportJob.Upload, geo ? GeoJsonResult.ContentType : RequestBodyPolicy.Csv, body.ToArray());
        return JobSubmit.TryQueue(http, jobs, ImportJob.Kind, input, null, out var job, [upload]) ?? JobSubmit.Accepted(job!);
    }

    private static IResult Get(string id, JobRunner jobs)
    {
        if (jobs.Find(id) is not { Kind: ImportJob.Kind } job)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such import",
                detail: $"No import job '{id}': it never existed, or it finished more than an hour ago and was forgotten.");
        if (job.Status == JobStatus.Succeeded && jobs.Output(id, ImportJob.Report) is { } report)
            return Results.Bytes(report.Body, "application/json");
        if (job.Status is JobStatus.Failed or JobStatus.Cancelled)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"The import {job.Status.WireName()}",
                detail: job.Error ?? "It was cancelled before it ran; nothing was stored.");
        return Results.Accepted($"/api/imports/{id}", job.ToDto());
    }
}

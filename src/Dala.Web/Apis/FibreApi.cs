using System.Text.Json;
using Dala.Fibre.Planning;
using Dala.Fibre.Roads;
using Dala.Registry.Model;
using Dala.Platform.Jobs;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Fibre plans on the proxy network (the web has no road data): totals, the routes and paths as GeoJSON, and
/// one CSV line per settlement. A plan is a `fibre` job (<see cref="FibreJob"/>), made once per registry revision, day
/// and set of parameters and kept with the job in the store: until it is made, each of the three answers 202 with the
/// job's progress and Location (the same URL) to ask again; then 200 from the job's outputs, on any instance.
/// </summary>
public static class FibreApi
{
    public static IEndpointRouteBuilder MapFibreApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fibre/plan", (HttpContext http, RegistryViews views, JobRunner jobs) =>
            Run(http, views, jobs, FibreJob.Totals, (made, given, _) =>
                Results.Ok(JsonSerializer.Deserialize<FibrePlanDto>(made.Body, FibreJob.Json)! with
                {
                    GeoJsonUrl = "/api/fibre/plan.geojson" + given, PathsCsvUrl = "/api/fibre/plan.csv" + given,
                })))
            .WithName("GetFibrePlan").WithTags("Fibre")
            .WithSummary("Connect settlements to the backbone at least cost: km, tenge, the proven lower bound and the gap (proxy network)")
            .Produces<FibrePlanDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces<FibrePendingDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/api/fibre/plan.geojson", (HttpContext http, RegistryViews views, JobRunner jobs) =>
            Run(http, views, jobs, http.Request.Query["paths"] == "false" ? FibreJob.Routes : FibreJob.GeoJson, (made, _, totals) =>
                Results.File(made.Body, made.MediaType, FileName(totals(), "geojson"))))
            .WithName("GetFibrePlanGeoJson").WithTags("Fibre")
            .WithSummary("The plan as GeoJSON lines: routes (kind=route) and each settlement's path to the backbone (kind=path; paths=false leaves them out)")
            .AlsoProduces(GeoJsonResult.ContentType).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces<FibrePendingDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/api/fibre/plan.csv", (HttpContext http, RegistryViews views, JobRunner jobs) =>
            Run(http, views, jobs, FibreJob.Csv, (made, _, totals) => Results.File(made.Body, made.MediaType, FileName(totals(), "csv"))))
            .WithName("GetFibrePlanCsv").WithTags("Fibre")
            .WithSummary("One line per settlement: its backbone settlement, the settlements passed, km and tenge along the plan")
            .AlsoProduces("text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces<FibrePendingDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static IResult Run(HttpContext http, RegistryViews views, JobRunner jobs, string output, Func<JobOutput, string, Func<FibrePlanDto>, IResult> answer)
    {
        var request = http.Request;
        var q = new QueryReader(request.Query, FibreQuery.Known);
        var view = views.Current();
        if (FibreQuery.Read(q, view.Snapshot) is not { } query) return q.Problem();
        var input = query.ToJson();
        using var keyed = JsonDocument.Parse($$"""{"asOf":"{{view.AsOf:yyyy-MM-dd}}","query":{{input}}}""");
        var key = JobKey.Of(FibreJob.Kind, keyed.RootElement, view.Snapshot.Revision);
        var given = string.Join("&", FibreQuery.Known.Where(k => k != "paths" && request.Query.ContainsKey(k))
            .Select(k => $"{k}={Uri.EscapeDataString(request.Query[k].ToString())}"));
        given = given.Length > 0 ? "?" + given : "";
        var job = jobs.Latest(FibreJob.Kind, key);
        if (job is { Status: JobStatus.Succeeded })
        {
            if (jobs.Output(job.Id, FibreJob.Refusal) is { } refusal)
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No plan for these settlements",
                    detail: System.Text.Encoding.UTF8.GetString(refusal.Body));
            var id = job.Id;
            if (jobs.Output(id, output) is { } made)
                return answer(made, given, () => JsonSerializer.Deserialize<FibrePlanDto>(jobs.Output(id, FibreJob.Totals)!.Body, FibreJob.Json)!);
            job = null; // forgotten meanwhile: plan again
        }
        if (job is { Status: JobStatus.Failed, FinishedAt: { } failedAt } && failedAt > jobs.Now - TimeSpan.FromMinutes(1))
        {
            http.Response.Headers.RetryAfter = "60";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The fibre plan failed",
                detail: $"The plan for these parameters failed a moment ago ({job.Error}); it is tried again when asked after a minute.");
        }
        if (job is not { Status: JobStatus.Queued or JobStatus.Running } && JobSubmit.TryQueue(http, jobs, FibreJob.Kind, input, key, out job) is { } refused)
            return refused;
        // Not made yet: ask again (the same URL) until it is; the job's progress meanwhile.
        http.Response.Headers.RetryAfter = "1";
        var self = request.Path + request.QueryString;
        return Results.Accepted(self, new FibrePendingDto(job!.Id, job.Status.WireName(), job.Phase, job.Progress, self));
    }

    internal static FibrePlanDto Dto(FibrePlanReport report, string query)
    {
        var plan = report.Plan;
        var r = report.Request;
        return new FibrePlanDto(plan.NetworkKind, plan.IsProxy, report.Selection.Synthetic, plan.NetworkDescription, report.Selection.Connect.Length,
            plan.Paths.Length, [.. plan.Unreachable], plan.BackboneSettlements, plan.Routes.Length, Math.Round(plan.Km, 1), Math.Round(plan.CostTenge),
            Math.Round(plan.LowerBoundTenge), Math.Round(plan.Gap * 100, 3), Math.Round(plan.Elapsed.TotalSeconds, 2), plan.Finish,
            new FibreAssumptionsDto(r.MinPopulation, [.. r.Kinds.Order().Select(k => k.WireName())], r.Backbone.WireName(), r.Region,
                r.Detour, Enum.GetValues<CostClass>().ToDictionary(FibrePlanExport.Name, c => r.Costs.PerKm(c)), r.Solver.TimeLimit.TotalSeconds, r.Solver.Seed),
            "/api/fibre/plan.geojson" + query, "/api/fibre/plan.csv" + query);
    }

    private static string FileName(FibrePlanDto totals, string extension) =>
        $"fibre-plan-{totals.Network}{(totals.Synthetic ? "-synthetic" : "")}.{extension}";
}

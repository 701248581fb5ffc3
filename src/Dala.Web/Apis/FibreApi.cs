using Dala.Fibre.Planning;
using Dala.Fibre.Roads;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// Fibre plans on the proxy network (the web has no road data): totals, the routes and paths as GeoJSON, and
/// one CSV line per settlement. A plan is computed once per registry revision and set of parameters.
/// </summary>
public static class FibreApi
{
    private static readonly string[] Known = ["region", "minPopulation", "kinds", "backbone", "detour", "seconds", "seed", "paths"];

    public static IEndpointRouteBuilder MapFibreApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fibre/plan", (HttpRequest request, RegistryViews views, ViewCache cache) =>
            Run(request, views, cache, (report, view, query, _) => Results.Ok(Dto(report, query))))
            .WithName("GetFibrePlan").WithTags("Fibre")
            .WithSummary("Connect settlements to the backbone at least cost: km, tenge, the proven lower bound and the gap (proxy network)")
            .Produces<FibrePlanDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/api/fibre/plan.geojson", (HttpRequest request, RegistryViews views, ViewCache cache) =>
            Run(request, views, cache, (report, view, _, paths) =>
                GeoJsonResult.Of(w => FibrePlanExport.WriteGeoJson(w, report, view.Snapshot, paths),
                    $"fibre-plan-{report.Plan.NetworkKind}{(report.Selection.Synthetic ? "-synthetic" : "")}.geojson")))
            .WithName("GetFibrePlanGeoJson").WithTags("Fibre")
            .WithSummary("The plan as GeoJSON lines: routes (kind=route) and each settlement's path to the backbone (kind=path; paths=false leaves them out)")
            .AlsoProduces(GeoJsonResult.ContentType).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/api/fibre/plan.csv", (HttpRequest request, RegistryViews views, ViewCache cache) =>
            Run(request, views, cache, (report, view, _, _) =>
                CsvResult.Of(t => FibrePlanExport.WritePathsCsv(t, report, view.Snapshot), $"fibre-plan-{report.Plan.NetworkKind}{(report.Selection.Synthetic ? "-synthetic" : "")}.csv")))
            .WithName("GetFibrePlanCsv").WithTags("Fibre")
            .WithSummary("One line per settlement: its backbone settlement, the settlements passed, km and tenge along the plan")
            .AlsoProduces("text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static IResult Run(HttpRequest request, RegistryViews views, ViewCache cache, Func<FibrePlanReport, RegistryView, string, bool, IResult> answer)
    {
        var q = new QueryReader(request.Query, Known);
        var region = q.Text("region");
        var minPopulation = q.Int("minPopulation", 0, 10_000_000) ?? 200;
        var kinds = q.ListOf("kinds", ["city", "town", "village", "hamlet"]) ?? new HashSet<string> { "village", "hamlet" };
        var backbone = q.OneOf("backbone", [.. BackboneChoices.WireNames]) ?? "towns";
        var detour = q.Double("detour", 1, 5) ?? 1.2;
        var seconds = q.Int("seconds", 1, 60) ?? 10;
        var seed = q.Int("seed", int.MinValue, int.MaxValue) ?? 1;
        var paths = q.OneOf("paths", ["true", "false"]) != "false";
        var view = views.Current();
        if (region is not null && !view.Snapshot.RegionsByCode.ContainsKey(region)) q.Error<object>("region", $"unknown region '{region}'");
        if (q.HasErrors) return q.Problem();
        var planRequest = new FibrePlanRequest
        {
            Region = region, MinPopulation = minPopulation, Kinds = [.. kinds.Select(k => SettlementKinds.Parse(k)!.Value)],
            Backbone = BackboneChoices.Parse(backbone)!.Value, Detour = detour,
            Solver = FibrePlanRequest.DefaultSolver with { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = seed },
        };
        var key = string.Join("|", region, minPopulation, string.Join(",", kinds.Order()), backbone, detour, seconds, seed);
        var query = string.Join("&", Known.Where(k => k != "paths" && request.Query.ContainsKey(k)).Select(k => $"{k}={Uri.EscapeDataString(request.Query[k].ToString())}"));
        query = query.Length > 0 ? "?" + query : "";
        FibrePlanOutcome outcome = cache.GetOrAdd(view, "fibre:" + key, () => FibrePlanOutcome.Of(view, planRequest));
        if (outcome.Error is { } error)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No plan for these settlements", detail: error);
        return answer(outcome.Report!, view, query, paths);
    }

    private static FibrePlanDto Dto(FibrePlanReport report, string query)
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

    /// <summary>A plan or why there is none (kept in the cache either way).</summary>
    private sealed record FibrePlanOutcome(FibrePlanReport? Report, string? Error)
    {
        public static FibrePlanOutcome Of(RegistryView view, FibrePlanRequest request)
        {
            try
            {
                return new(FibrePlanning.Run(view, request), null);
            }
            catch (ArgumentException e)
            {
                return new(null, e.Message);
            }
        }
    }
}

using System.Globalization;
using Dala.Rollout.Plans;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Platform.Jobs;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Apis;

public static partial class PlansApi
{
    private static async Task<IResult> Post(HttpContext http, DalaWebSettings settings, RegistryViews views, JobRunner jobs, CancellationToken cancel)
    {
        if (settings.Plans is not { } store) return NoPlans();
        var body = await JsonBody.ReadAsync(http.Request, MaxBodyBytes, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        var request = PlanRequestReader.Read(doc.RootElement, views.Current(), settings, errors);
        if (request is null) return errors.Problem("Invalid plan request");
        // The same request against the same registry: the plan made for it, while it is still kept (the result cache).
        var key = JobKey.Of(PlanJob.Kind, doc.RootElement, settings.Store.ReadRevision());
        if (jobs.Cached(PlanJob.Kind, key) is { Result.PlanId: { } planId } cached && store.ListPlans().Any(p => p.Id == planId))
            return JobSubmit.Accepted(cached);
        return JobSubmit.Queue(http, jobs, PlanJob.Kind, doc.RootElement.GetRawText(), key);
    }

    private static IResult List(DalaWebSettings settings) =>
        settings.Plans is { } store ? Results.Ok(store.ListPlans().Select(p => p.ToHeaderDto()).ToArray()) : NoPlans();

    private static IResult Compare(HttpRequest request, DalaWebSettings settings, PlanCache cache)
    {
        var q = new QueryReader(request.Query, ["a", "b"]);
        var a = q.Long("a", 1, long.MaxValue);
        var b = q.Long("b", 1, long.MaxValue);
        foreach (var name in new[] { "a", "b" })
            if (q.Text(name) is null) q.Error<object>(name, "required: a plan id");
        if (q.HasErrors) return q.Problem();
        if (settings.Plans is not { } store) return NoPlans();
        if (cache.Get(store, a!.Value) is not { } planA) return NotFound(a.Value, "a");
        if (cache.Get(store, b!.Value) is not { } planB) return NotFound(b.Value, "b");
        return Results.Ok(PlanComparison.Of(planA, planB).ToDto());
    }

    private static IResult Settlement(long id, string settlementId, DalaWebSettings settings, PlanCache cache) => WithPlan(settings, cache, id, plan =>
        plan.Settlements.FirstOrDefault(l => l.SettlementId == settlementId) is { } line
            ? Results.Ok(line.ToDto())
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Settlement not in the plan",
                detail: $"Plan {id} has no line for settlement '{settlementId}'."));

    private static IResult Delete(long id, DalaWebSettings settings, PlanCache cache)
    {
        if (settings.Plans is not { } store) return NoPlans();
        cache.Forget(id);
        return store.DeletePlan(id) ? Results.NoContent() : NotFound(id);
    }

    private static IResult WithPlan(DalaWebSettings settings, PlanCache cache, long id, Func<RolloutPlan, IResult> answer)
    {
        if (settings.Plans is not { } store) return NoPlans();
        return cache.Get(store, id) is { } plan ? answer(plan) : NotFound(id);
    }

    private static IResult NotFound(long id, string? parameter = null) => Results.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such plan", detail: parameter is null ? $"No plan {id}." : $"No plan {id} (parameter {parameter}).");

    private static IResult NoPlans() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No plan store",
        detail: "This server keeps no plans.");
}

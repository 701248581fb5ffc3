using Dala.Geo;
using Dala.Rollout.Planning;
using Dala.Rollout.Plans;
using Dala.Web.Jobs;

namespace Dala.Web.Apis;

/// <summary>
/// The background work of a plan: today's registry view taken when the job starts (one consistent snapshot for the
/// whole run), the national planner with its progress on the job, then the plan saved under the request's name.
/// A job cancelled before the save saves nothing.
/// </summary>
internal static class PlanJob
{
    public const string Kind = "plan";

    public static JobWork For(PlanRequest request, RegistryViews views, IPlanStore store, IClock clock) => (job, cancel) =>
    {
        job.Report("registry snapshot", 0);
        var view = views.Current();
        var progress = new SyncProgress<PlanProgress>(p => job.Report(p.Phase, p.Share));
        var plan = NationalPlanner.Run(view, request, clock.Now, progress, cancel);
        cancel.ThrowIfCancellationRequested();
        job.Report("saving", 1);
        var id = store.SavePlan(plan);
        return new JobResult(PlansApi.Href(id), id);
    };
}

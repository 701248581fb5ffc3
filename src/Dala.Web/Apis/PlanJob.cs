using System.Text.Json;
using Dala.Geo;
using Dala.Platform.Jobs;
using Dala.Rollout.Planning;
using Dala.Web.Http;
using Dala.Web.Jobs;

namespace Dala.Web.Apis;

/// <summary>
/// The background work of a plan: the request (as posted, JSON) read again against today's registry view, taken when
/// the job starts (one consistent snapshot for the whole run), the national planner with its progress on the job, then
/// the plan saved under the request's name. A job cancelled before the save saves nothing.
/// </summary>
internal static class PlanJob
{
    public const string Kind = "plan";

    public static JobWork Work(RegistryViews views, DalaWebSettings settings) => (job, input, cancel) =>
    {
        if (settings.Plans is not { } store) throw new InvalidOperationException("this host keeps no plans");
        job.Report("registry snapshot", 0);
        var view = views.Current();
        using var doc = JsonDocument.Parse(input);
        var errors = new BodyErrors();
        var request = PlanRequestReader.Read(doc.RootElement, view, settings, errors)
                      ?? throw new InvalidOperationException("the request no longer fits today's registry; post it again to see why");
        request = request with { Phasing = PermitLeads.Apply(request.Phasing, settings.Permits, view.AsOf) };
        var progress = new SyncProgress<PlanProgress>(p => job.Report(p.Phase, p.Share));
        var plan = NationalPlanner.Run(view, request, settings.Clock.Now, progress, cancel);
        cancel.ThrowIfCancellationRequested();
        job.Report("saving", 1);
        var id = store.SavePlan(plan);
        return new JobResult(PlansApi.Href(id), id);
    };
}

using Dala.Platform.Jobs;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>Background jobs (plans): list, poll one, cancel one. Jobs are kept in the store, shared by every instance and worker.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs", (JobRunner jobs) => TypedResults.Ok(jobs.List().Select(j => j.ToDto()).ToArray()))
            .TakesQuery().WithName("GetJobs").WithTags("Jobs")
            .WithSummary("Background jobs, newest first: queued, running, and those finished within the last hour (at most 100)");
        app.MapGet("/api/jobs/{id}", (string id, JobRunner jobs) =>
                jobs.Find(id) is { } job ? Results.Ok(job.ToDto()) : NotFound(id))
            .TakesQuery().WithName("GetJob").WithTags("Jobs")
            .WithSummary("One job: status, phase, progress (0..1), error when failed, result when succeeded")
            .Produces<JobDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDelete("/api/jobs/{id}", (string id, JobRunner jobs) =>
            {
                if (jobs.Find(id) is null) return NotFound(id);
                var outcome = jobs.Cancel(id);
                var job = jobs.Find(id)!;
                return outcome == CancelOutcome.AlreadyFinished
                    ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job already finished",
                        detail: $"Job {id} has already {job.Status.WireName()}; there is nothing to cancel.")
                    : Results.Accepted(null as string, job.ToDto());
            })
            .WithName("CancelJob").WithTags("Jobs")
            .WithSummary("Cancel a queued or running job: a queued job is cancelled at once, a running one once it stops")
            .Produces<JobDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job",
        detail: $"No job '{id}': it never existed, or it finished more than an hour ago and was forgotten.");
}

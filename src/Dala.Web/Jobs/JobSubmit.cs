using System.Globalization;
using Dala.Platform.Accounts;
using Dala.Platform.Jobs;
using Dala.Web.Auth;
using Dala.Web.Dto;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Jobs;

/// <summary>
/// The one way an endpoint hands work to the job queue: queued under the caller's actor and role, answered 202 with the
/// job to poll, or 429 with Retry-After and why (the queue is full, or the caller's role has all the jobs it may have).
/// </summary>
public static class JobSubmit
{
    public static IResult Queue(HttpContext http, JobRunner jobs, string kind, string input, string? inputKey) =>
        TryQueue(http, jobs, kind, input, inputKey, out var job) ?? Accepted(job!);

    /// <summary>Queues the job under the caller's actor and role (anonymous callers under "anonymous"); null and the job
    /// when queued, else the 429 answer.</summary>
    public static IResult? TryQueue(HttpContext http, JobRunner jobs, string kind, string input, string? inputKey, out JobRecord? job,
        IReadOnlyList<JobOutput>? files = null)
    {
        var principal = http.Principal();
        var role = principal is null ? "anonymous" : Roles.WireName(principal.Role);
        var outcome = jobs.Enqueue(kind, input, inputKey, principal?.Actor ?? "anonymous", role, out job, files);
        if (outcome == EnqueueOutcome.Queued) return null;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(jobs.Options.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return outcome == EnqueueOutcome.QueueFull
            ? Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many jobs waiting",
                detail: $"{jobs.Options.MaxQueued} jobs are already waiting; nothing was queued. Try again later.")
            : Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many jobs for this role",
                detail: $"Role {role} already has {jobs.Options.ActiveOf(role)} jobs waiting or running (its limit); nothing was queued. " +
                        "Try again when one has finished, or cancel one.");
    }

    /// <summary>202 Accepted with the job to poll (a job just queued, or one already made for the same inputs).</summary>
    public static IResult Accepted(JobRecord job)
    {
        var href = $"/api/jobs/{job.Id}";
        return Results.Accepted(href, new JobAcceptedDto(job.Id, job.Status.WireName(), href));
    }
}

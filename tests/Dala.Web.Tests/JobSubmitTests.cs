using System.Text.Json;
using Dala.Platform.Accounts;
using Dala.Platform.Jobs;
using Dala.Web.Auth;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Tests;

/// <summary>Handing work to the queue: the caller's actor and role go with the job; a role past its bound gets 429 and
/// Retry-After while another role is still served; a full queue says so.</summary>
public class JobSubmitTests
{
    [Fact]
    public async Task A_role_with_all_its_jobs_waiting_gets_429_and_other_roles_still_queue()
    {
        var options = new JobRunnerOptions { MaxQueued = 5, MaxActivePerRole = new Dictionary<string, int> { ["operator"] = 2 } };
        await using var jobs = new JobHarness(new InMemoryJobStore(), options);
        var runner = jobs.Runner(); // not started: every job waits
        var kcell = new Principal("key:kcell-probe", Role.Operator, "kcell");
        Assert.Equal(StatusCodes.Status202Accepted, await Status(runner, kcell));
        Assert.Equal(StatusCodes.Status202Accepted, await Status(runner, kcell));
        var (status, body, retry) = await Answer(runner, kcell);
        Assert.Equal((StatusCodes.Status429TooManyRequests, "Too many jobs for this role"), (status, body.GetProperty("title").GetString()));
        Assert.Contains("operator already has 2 jobs", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("30", retry);
        Assert.Equal(StatusCodes.Status202Accepted, await Status(runner, new Principal("user:alice", Role.Analyst, null)));

        var kept = runner.List();
        Assert.Equal(3, kept.Count);
        Assert.Equal(2, kept.Count(j => j is { Role: "operator", SubmittedBy: "key:kcell-probe" }));
        Assert.Single(kept, j => j is { Role: "analyst", SubmittedBy: "user:alice" });
        Assert.Equal(StatusCodes.Status202Accepted, await Status(runner, new Principal("user:bob", Role.Analyst, null)));
        Assert.Equal(StatusCodes.Status202Accepted, await Status(runner, new Principal("user:carol", Role.Analyst, null)));
        (status, body, _) = await Answer(runner, new Principal("user:dan", Role.Analyst, null));
        Assert.Equal((StatusCodes.Status429TooManyRequests, "Too many jobs waiting"), (status, body.GetProperty("title").GetString()));
        Assert.Equal(5, runner.Count(JobStatus.Queued));
    }

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private static async Task<int> Status(JobRunner runner, Principal who) => (await Answer(runner, who)).Status;

    private static async Task<(int Status, JsonElement Body, string RetryAfter)> Answer(JobRunner runner, Principal who)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Features.Set(new AuthResult(who, null, null));
        http.Response.Body = new MemoryStream();
        await JobSubmit.Queue(http, runner, "test", "{}", null).ExecuteAsync(http);
        http.Response.Body.Position = 0;
        using var doc = await JsonDocument.ParseAsync(http.Response.Body);
        return (http.Response.StatusCode, doc.RootElement.Clone(), http.Response.Headers.RetryAfter.ToString());
    }
}

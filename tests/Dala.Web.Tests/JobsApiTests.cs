using System.Net;
using System.Text.Json;

namespace Dala.Web.Tests;

/// <summary>Jobs through the API: cancelling a running national plan saves nothing; a full queue is 429; a finished job cannot be cancelled.</summary>
[Collection(PlanAppCollection.Name)]
public sealed class JobsApiTests(PlanApp app)
{
    [Fact]
    public async Task A_cancelled_national_plan_stops_and_saves_nothing()
    {
        var plans = (await app.Json("/api/plans")).GetArrayLength();
        var post = await app.PostPlan(new { name = "national, cancelled" });
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var href = post.Headers.Location!.ToString();
        var cancel = await app.Client.DeleteAsync(href);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var answer = JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(answer.GetProperty("status").GetString(), new[] { "running", "cancelled" });
        var job = await app.WaitForJob(href);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        Assert.Equal(plans, (await app.Json("/api/plans")).GetArrayLength());
        await ProblemAssert.Is(HttpStatusCode.Conflict, await app.Client.DeleteAsync(href));
    }

    [Fact]
    public async Task A_running_national_plan_reports_progress_and_stops_when_cancelled()
    {
        var plans = (await app.Json("/api/plans")).GetArrayLength();
        var href = (await app.PostPlan(new { name = "national, cancelled while running" })).Headers.Location!.ToString();
        var until = DateTime.UtcNow.AddMinutes(10);
        JsonElement job;
        while ((job = await app.Json(href)).GetProperty("status").GetString() == "queued")
        {
            Assert.True(DateTime.UtcNow < until, "the job never started");
            await Task.Delay(20);
        }
        Assert.Equal("running", job.GetProperty("status").GetString());
        Assert.InRange(job.GetProperty("progress").GetDouble(), 0, 1);
        Assert.False(string.IsNullOrEmpty(job.GetProperty("phase").GetString()));
        Assert.NotEqual(JsonValueKind.Null, job.GetProperty("startedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client.DeleteAsync(href)).StatusCode);
        job = await app.WaitForJob(href);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Equal(plans, (await app.Json("/api/plans")).GetArrayLength());
    }

    [Fact]
    public async Task A_full_queue_answers_429_with_retry_after_and_queues_nothing()
    {
        var blockers = new List<string>();
        try
        {
            // One national plan runs (long), the others fill the queue.
            for (var i = 0; i <= app.Jobs.Options.MaxQueued; i++)
            {
                var post = await app.PostPlan(new { name = $"blocker {i}" });
                Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
                blockers.Add(post.Headers.Location!.ToString());
                while (i == 0 && (await app.Json(blockers[0])).GetProperty("status").GetString() == "queued") await Task.Delay(5);
            }
            var jobs = (await app.Json("/api/jobs")).GetArrayLength();
            var response = await app.PostPlan(new { name = "one too many", region = PlanApp.Region });
            await ProblemAssert.Is(HttpStatusCode.TooManyRequests, response);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal(jobs, (await app.Json("/api/jobs")).GetArrayLength());
        }
        finally
        {
            foreach (var href in blockers) await app.Client.DeleteAsync(href);
        }
        foreach (var href in blockers)
        {
            var done = await app.WaitForJob(href);
            Assert.Equal("cancelled", done.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first()
    {
        var first = await app.PostPlan(new { name = "first", region = PlanApp.Region });
        var second = await app.PostPlan(new { name = "second", region = PlanApp.Region });
        await app.WaitForJob(second.Headers.Location!.ToString());
        await app.WaitForJob(first.Headers.Location!.ToString());
        var ids = (await app.Json("/api/jobs")).EnumerateArray().Select(j => "/api/jobs/" + j.GetProperty("id").GetString()).ToList();
        Assert.True(ids.IndexOf(second.Headers.Location!.ToString()) < ids.IndexOf(first.Headers.Location!.ToString()));
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Dala.Web.Tests;

/// <summary>Rollout plans through the API: queued as jobs, saved, read, exported, compared and deleted.</summary>
[Collection(PlanAppCollection.Name)]
public sealed class PlansApiTests(PlanApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_regional_plan_is_queued_run_saved_and_served()
    {
        var watch = Stopwatch.StartNew();
        var post = await app.PostPlan(new { name = "Ұлытау 2027", region = PlanApp.Region });
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var accepted = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement;
        var href = accepted.GetProperty("href").GetString()!;
        Assert.Equal(href, post.Headers.Location!.ToString());
        Assert.Equal($"/api/jobs/{accepted.GetProperty("jobId").GetString()}", href);
        var job = await app.WaitForJob(href);
        output.WriteLine($"regional plan job: {watch.Elapsed.TotalSeconds:0.0} s wall, planner {job}");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var id = job.GetProperty("result").GetProperty("planId").GetInt64();
        Assert.Equal($"/api/plans/{id}", job.GetProperty("result").GetProperty("href").GetString());
        var detail = await app.Json($"/api/plans/{id}");
        output.WriteLine(detail.ToString()[..Math.Min(3000, detail.ToString().Length)]);
    }
}

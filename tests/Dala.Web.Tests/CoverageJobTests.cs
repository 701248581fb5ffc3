using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dala.Platform.Accounts;

namespace Dala.Web.Tests;

/// <summary>Coverage runs as jobs: an analyst queues one, polls the job, and the run is then the latest coverage; the same
/// request again is the run already made; bad bodies are named; the web refuses server paths.</summary>
[Collection(PlanAppCollection.Name)]
public sealed class CoverageJobTests(PlanApp app)
{
    [Fact]
    public async Task An_analyst_queues_a_coverage_run_that_becomes_the_latest_and_the_same_request_is_answered_from_it()
    {
        using var analyst = app.ClientAs(Role.Analyst);
        var body = new { model = "freespace", radiusKm = 25, thresholdDbm = -105, roads = "synthetic" };
        var post = await analyst.PostAsJsonAsync("/api/coverage/runs", body);
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var href = post.Headers.Location!.ToString();
        var job = await app.WaitForJob(href);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        Assert.Equal(("succeeded", "coverage", "/api/coverage"),
            (job.GetProperty("status").GetString(), job.GetProperty("kind").GetString(), job.GetProperty("result").GetProperty("href").GetString()));

        var run = await app.Json("/api/coverage");
        Assert.Equal("freespace", run.GetProperty("model").GetString());
        Assert.True(run.GetProperty("synthetic").GetBoolean()); // synthetic sites and roads
        Assert.True(run.GetProperty("sites").GetInt32() > 0);
        var roads = await app.Json("/api/coverage/roads");
        Assert.True(roads.GetProperty("features").GetArrayLength() > 0);

        // The same request, written in another order, against the same registry: the job already done.
        var again = await analyst.PostAsJsonAsync("/api/coverage/runs", new { roads = "synthetic", thresholdDbm = -105, radiusKm = 25, model = "freespace" });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(href, again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Bad_coverage_requests_are_named_and_queue_nothing()
    {
        using var analyst = app.ClientAs(Role.Analyst);
        var before = (await app.Json("/api/jobs")).GetArrayLength();
        var post = await analyst.PostAsJsonAsync("/api/coverage/runs",
            new { model = "okumura", radiusKm = 0, terrain = "/srv/dem", raster = "40,40,90,56", cellDeg = 0.001 });
        var problem = await ProblemAssert.Is(HttpStatusCode.UnprocessableEntity, post);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "model", "radiusKm", "terrain", "raster" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(before, (await app.Json("/api/jobs")).GetArrayLength());
        var unknown = await ProblemAssert.Is(HttpStatusCode.BadRequest, await analyst.PostAsJsonAsync("/api/coverage/runs", new { dem = "/srv/dem" }));
        Assert.True(unknown.GetProperty("errors").TryGetProperty("dem", out _));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await analyst.PostAsync("/api/coverage/runs",
            new StringContent("{\"model\":", System.Text.Encoding.UTF8, "application/json")));
        using var anonymous = app.Anonymous();
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.PostAsJsonAsync("/api/coverage/runs", new { }));
    }
}

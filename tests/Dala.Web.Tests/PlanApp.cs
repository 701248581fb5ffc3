using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>
/// The web app over a real SQLite store (national regions and settlements, the synthetic scenario and synthetic
/// sites) that keeps plans. Shared by the plan and job tests, which run one after another (one job runner).
/// </summary>
public sealed class PlanApp : IAsyncLifetime
{
    /// <summary>A small region, so that a plan job takes about a second.</summary>
    public const string Region = "KZ-62";

    private readonly TempDir _dir = new();
    private WebApplication? _app;

    public SqlitePlanStore Plans { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public JobRunner Jobs => _app!.Services.GetRequiredService<JobRunner>();
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(store, Clock).Seed();
        new SyntheticSites(store, Clock).Seed(300, 4);
        Plans = new SqlitePlanStore(store);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults)
        {
            Plans = Plans,
            Coverage = new SqliteCoverageStore(store),
            JobStore = new SqliteJobStore(store),
            // These tests fill the whole queue from one role; the per-role bound has its own tests (JobSubmitTests).
            Jobs = new() { MaxActivePerRole = new Dictionary<string, int>() },
            // The plan and job tests post hundreds of plans from one client; the limits have their own tests (Platform/).
            Limits = Http.PlatformLimits.Default with { ExpensiveBurst = 10_000, WriteBurst = 10_000 },
        });
        await _app.StartAsync();
        Client = _app.GetTestClient().As(_app);
    }

    /// <summary>Another client of the app, signed in with a key of <paramref name="role"/>.</summary>
    public HttpClient ClientAs(Dala.Platform.Accounts.Role role) => _app!.GetTestClient().As(_app!, role);

    /// <summary>A client of the app with no credentials.</summary>
    public HttpClient Anonymous() => _app!.GetTestClient();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    public Task<HttpResponseMessage> PostPlan(object body) => Client.PostAsJsonAsync("/api/plans", body);

    public async Task<JsonElement> Json(string url) => JsonDocument.Parse(await Client.GetStringAsync(url)).RootElement;

    /// <summary>Polls a job until it has finished; the deadline is generous (correctness must not depend on speed).</summary>
    public async Task<JsonElement> WaitForJob(string href, int deadlineSeconds = 600)
    {
        var until = DateTime.UtcNow.AddSeconds(deadlineSeconds);
        while (true)
        {
            var job = await Json(href);
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled") return job;
            Assert.True(DateTime.UtcNow < until, $"job {href} still {job.GetProperty("status")} after {deadlineSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Posts a plan, waits for its job and returns the saved plan's id.</summary>
    public async Task<long> Plan(object body)
    {
        var post = await PostPlan(body);
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var job = await WaitForJob(post.Headers.Location!.ToString());
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        return job.GetProperty("result").GetProperty("planId").GetInt64();
    }
}

[CollectionDefinition(Name)]
public sealed class PlanAppCollection : ICollectionFixture<PlanApp>
{
    public const string Name = "plan app";
}

using System.Net;
using System.Text.Json;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>Fibre plans over the proxy network through the API, against the national OSM import.</summary>
public sealed class FibreApiTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const string Query = "?region=KZ-59&seconds=5";

    [Fact]
    public async Task A_regional_plan_reports_km_cost_and_a_bound_that_the_geojson_and_csv_agree_with()
    {
        var plan = JsonDocument.Parse(await app.Client.GetMadeStringAsync("/api/fibre/plan" + Query)).RootElement;
        Assert.Equal("proxy", plan.GetProperty("network").GetString());
        Assert.True(plan.GetProperty("proxy").GetBoolean());
        var cost = plan.GetProperty("costTenge").GetDouble();
        Assert.InRange(plan.GetProperty("lowerBoundTenge").GetDouble(), 1, cost);
        var connected = plan.GetProperty("connected").GetInt32();
        Assert.True(connected > 100, plan.ToString());
        Assert.Equal(plan.GetProperty("settlementsToConnect").GetInt32(), connected);
        Assert.Equal("/api/fibre/plan.geojson" + Query, plan.GetProperty("geoJsonUrl").GetString());

        var geo = await app.Client.GetMadeAsync(plan.GetProperty("geoJsonUrl").GetString()!);
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var fc = JsonDocument.Parse(await geo.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("proxy", fc.GetProperty("network").GetString());
        var features = fc.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToArray();
        var routes = features.Where(p => p.GetProperty("kind").GetString() == "route").ToArray();
        Assert.Equal(plan.GetProperty("routes").GetInt32(), routes.Length);
        Assert.Equal(plan.GetProperty("km").GetDouble(), routes.Sum(p => p.GetProperty("km").GetDouble()), 0.1 + 0.001 * routes.Length);
        Assert.Equal(connected, features.Count(p => p.GetProperty("kind").GetString() == "path"));

        var lean = JsonDocument.Parse(await app.Client.GetMadeStringAsync("/api/fibre/plan.geojson" + Query + "&paths=false")).RootElement;
        Assert.Equal(routes.Length, lean.GetProperty("features").GetArrayLength());

        var csv = (await app.Client.GetMadeStringAsync(plan.GetProperty("pathsCsvUrl").GetString()!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("settlement_id,name,region,population,backbone_id", csv[0]);
        Assert.Equal(connected + 1, csv.Length);
    }

    [Fact]
    public async Task Villages_of_other_sizes_and_a_fibre_backbone_can_be_asked_for()
    {
        var bigger = JsonDocument.Parse(await app.Client.GetMadeStringAsync("/api/fibre/plan?region=KZ-59&seconds=3&minPopulation=1000")).RootElement;
        var fewer = bigger.GetProperty("settlementsToConnect").GetInt32();
        var towns = JsonDocument.Parse(await app.Client.GetMadeStringAsync("/api/fibre/plan" + Query)).RootElement;
        var all = towns.GetProperty("settlementsToConnect").GetInt32();
        Assert.InRange(fewer, 1, all - 1);
        // The app's registry holds the synthetic scenario: a fibre backbone comes from it and is labelled so.
        var fibre = JsonDocument.Parse(await app.Client.GetMadeStringAsync("/api/fibre/plan?region=KZ-59&seconds=3&backbone=fibre")).RootElement;
        Assert.True(fibre.GetProperty("synthetic").GetBoolean());
        Assert.Equal("fibre", fibre.GetProperty("assumptions").GetProperty("backbone").GetString());
        // Both: the villages on fibre join the backbone, so fewer are left to connect than with the towns alone.
        var both = JsonDocument.Parse(await app.Client.GetMadeStringAsync("/api/fibre/plan?region=KZ-59&seconds=3&backbone=towns-and-fibre")).RootElement;
        Assert.Equal("towns-and-fibre", both.GetProperty("assumptions").GetProperty("backbone").GetString());
        Assert.True(both.GetProperty("synthetic").GetBoolean());
        Assert.InRange(both.GetProperty("settlementsToConnect").GetInt32(), 0, all - 1);
        Assert.True(both.GetProperty("backboneSettlements").GetInt32() > towns.GetProperty("backboneSettlements").GetInt32());
        Assert.True(both.GetProperty("backboneSettlements").GetInt32() >= fibre.GetProperty("backboneSettlements").GetInt32());
    }

    [Fact]
    public async Task A_plan_is_a_job_asked_again_at_the_same_url_until_made_and_then_served_to_every_spelling_of_it()
    {
        const string url = "/api/fibre/plan?region=KZ-59&seconds=2&seed=77";
        using var first = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(url, first.Headers.Location!.ToString());
        Assert.True(first.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var pending = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(pending.GetProperty("status").GetString(), new[] { "queued", "running" });
        var jobId = pending.GetProperty("jobId").GetString();

        var plan = JsonDocument.Parse(await app.Client.GetMadeStringAsync(url)).RootElement;
        Assert.Equal(77, plan.GetProperty("assumptions").GetProperty("seed").GetInt32());
        var fibreJobs = await FibreJobs();
        // The same parameters written another way (defaults spelled out, another order): made already, no new job.
        using var same = await app.Client.GetAsync("/api/fibre/plan?seed=77&minPopulation=200&kinds=hamlet,village&seconds=2&region=KZ-59");
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(plan.GetProperty("costTenge").GetDouble(), JsonDocument.Parse(await same.Content.ReadAsStringAsync()).RootElement.GetProperty("costTenge").GetDouble());
        using var csv = await app.Client.GetAsync("/api/fibre/plan.csv?region=KZ-59&seconds=2&seed=77");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var synthetic = plan.GetProperty("synthetic").GetBoolean() ? "-synthetic" : "";
        Assert.Equal($"fibre-plan-proxy{synthetic}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var job = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/jobs/{jobId}")).RootElement;
        Assert.Equal(("fibre", "succeeded"), (job.GetProperty("kind").GetString(), job.GetProperty("status").GetString()));
        Assert.Equal(fibreJobs, await FibreJobs());
    }

    private async Task<string[]> FibreJobs() =>
    [
        .. JsonDocument.Parse(await app.Client.GetStringAsync("/api/jobs")).RootElement.EnumerateArray()
            .Where(j => j.GetProperty("kind").GetString() == "fibre").Select(j => j.GetProperty("id").GetString()!),
    ];

    [Fact]
    public async Task A_selection_with_nobody_to_connect_is_an_empty_plan_not_an_error()
    {
        var none = await app.Client.GetMadeAsync("/api/fibre/plan?region=KZ-59&minPopulation=9000000&seconds=1&detour=1.3");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var plan = JsonDocument.Parse(await none.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, plan.GetProperty("settlementsToConnect").GetInt32());
        Assert.Equal(0, plan.GetProperty("routes").GetInt32());
        Assert.Equal(0, plan.GetProperty("costTenge").GetDouble());
        Assert.Equal(1.3, plan.GetProperty("assumptions").GetProperty("detour").GetDouble());
    }
}

/// <summary>A registry with regions but no settlements: no backbone to plan from.</summary>
public sealed class FibreApiEmptyRegistryTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, NationalApp.Clock).Import(SharedData.RegionsGeoJson).Committed);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, NationalApp.Clock, Target.Defaults));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Planning_without_a_backbone_is_a_422_problem_saying_why()
    {
        var r = await _app!.GetTestClient().GetMadeAsync("/api/fibre/plan?region=KZ-59");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no city or town", JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }
}

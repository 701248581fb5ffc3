using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dala.Permits.Model;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>
/// The web's plan job reads the permit records: with requests in a region whose median time to on air is about two
/// years, a plan of that region takes that day as the earliest a new mast carries traffic (its inputs and assumptions say so).
/// </summary>
public sealed class PermitPlanJobTests : IAsyncLifetime
{
    private const string Region = PlanApp.Region;
    private static readonly FakeClock Clock = PlanApp.Clock;
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(store, Clock).Seed();
        new SyntheticSites(store, Clock).Seed(300, 4);
        var permits = new SqlitePermitStore(store);
        // SYNTHETIC: four requests opened on 2023-01-01; two on air after 700 and 730 days, two still open -> median 730 days.
        var opened = new DateOnly(2023, 1, 1);
        permits.Save(
        [
            new PermitRequest("SYN-1", "kcell", Region, opened, OnAir: opened.AddDays(700)),
            new PermitRequest("SYN-2", "kcell", Region, opened, OnAir: opened.AddDays(730)),
            new PermitRequest("SYN-3", "kcell", Region, opened),
            new PermitRequest("SYN-4", "kcell", Region, opened),
        ]);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults) { Plans = new SqlitePlanStore(store), Permits = permits });
        await _app.StartAsync();
        _client = _app.GetTestClient().As(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_plan_takes_the_region_permit_median_as_the_earliest_on_air_day()
    {
        var post = await _client.PostAsJsonAsync("/api/plans", new { name = "permits", region = Region });
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var href = post.Headers.Location!.ToString();
        var until = DateTime.UtcNow.AddMinutes(10);
        JsonElement job;
        while (true)
        {
            job = JsonDocument.Parse(await _client.GetStringAsync(href)).RootElement;
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled") break;
            Assert.True(DateTime.UtcNow < until, "the plan job did not finish");
            await Task.Delay(50);
        }
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        var id = job.GetProperty("result").GetProperty("planId").GetInt64();
        var detail = JsonDocument.Parse(await _client.GetStringAsync($"/api/plans/{id}")).RootElement;
        // As of 2026-11-21 plus 730 days.
        Assert.Equal("2028-11-20", detail.GetProperty("inputs").GetProperty("phasing").GetProperty("earliestOnAirByRegion").GetProperty(Region).GetString());
        Assert.Contains(detail.GetProperty("summary").GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains($"{Region} from 2028-11-20", StringComparison.Ordinal));
    }
}

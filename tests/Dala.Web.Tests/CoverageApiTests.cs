using System.Net;
using System.Text.Json;
using Dala.Geo;
using Dala.Radio.Coverage;
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

/// <summary>The radio layers' API: sites, the latest coverage run, its settlements, roads and raster.</summary>
public sealed class CoverageApiTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _http = null!;
    private SqliteCoverageStore _coverage = null!;

    public async Task InitializeAsync()
    {
        var clock = FakeClock.At("2026-11-21T12:00:00Z");
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, clock).Import(SharedData.HotOsmPlaces).Committed);
        _coverage = new SqliteCoverageStore(store);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, clock, Target.Defaults, _coverage));
        await _app.StartAsync();
        _http = _app.GetTestClient().As(_app);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/coverage")).StatusCode);
        new SyntheticSites(store, clock).Seed(300, 4);
        new CoverageRunner(store, _coverage, clock).Run(new CoverageRequest(new CoverageSettings(), null, false, null,
            SyntheticInputs.Roads(store.ReadSnapshot().Settlements), new BBox(68, 41, 72, 44), 0.1));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await _http.GetStringAsync(url)).RootElement;

    [Fact]
    public async Task The_latest_run_its_settlements_roads_raster_and_sites_are_served_and_labelled_synthetic()
    {
        var run = await Json("/api/coverage");
        Assert.True(run.GetProperty("synthetic").GetBoolean());
        Assert.Equal(7098, run.GetProperty("settlements").GetInt32());
        Assert.Equal(300, run.GetProperty("sites").GetInt32());
        Assert.Equal(40, run.GetProperty("raster").GetProperty("width").GetInt32());
        var settlements = await Json("/api/coverage/settlements");
        Assert.Equal(7098, settlements.GetArrayLength());
        Assert.Equal(run.GetProperty("covered").GetInt32(), settlements.EnumerateArray().Count(s => s.GetProperty("covered").GetBoolean()));
        var roads = await Json("/api/coverage/roads");
        Assert.Equal(15, roads.GetProperty("features").GetArrayLength());
        var png = await _http.GetByteArrayAsync("/api/coverage/raster.png");
        Assert.Equal(0x89, png[0]);
        Assert.Equal("PNG"u8.ToArray(), png[1..4]);
        var tif = await _http.GetAsync("/api/coverage/raster.tif");
        Assert.Equal("image/tiff", tif.Content.Headers.ContentType?.MediaType);
        Assert.Contains("synthetic", tif.Content.Headers.ContentDisposition?.FileName ?? "");
        var csv = (await _http.GetStringAsync("/api/coverage/settlements?format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7099, csv.Length);
        Assert.EndsWith(",synthetic", csv[0]);
        var sites = await Json("/api/sites");
        Assert.True(sites.GetProperty("synthetic").GetBoolean());
        Assert.Equal(300, sites.GetProperty("features").GetArrayLength());
        var bad = await _http.GetAsync("/api/coverage/settlements?format=xls");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Quality.Synthetic;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The web app over the national OSM import and the SYNTHETIC connectivity scenario, with a measurement store holding
/// SYNTHETIC speed tests (as <c>dala scenario measurements</c> makes them) and two quarantined lines, and the ndt7 server
/// shortened to 3 s tests (6 s hard cap). The clock is the real time: the browser stamps its results with its own clock
/// and the intake refuses times more than a day ahead.
/// </summary>
public sealed class QualityServer : IAsyncLifetime
{
    public const int SyntheticTests = 3000;

    /// <summary>The operator the prefix table gives loopback addresses.</summary>
    public static readonly Dala.Registry.Model.Operator GuessedOperator = SyntheticScenario.Operators[1];

    private readonly TempDir _dir = new();
    private WebApplication? _app;

    public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public string Url { get; private set; } = "";
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(store, Clock).Seed();
        var measurements = new SqliteMeasurementStore(store);
        var view = new RegistryView(store.ReadSnapshot(), DateOnly.FromDateTime(Clock.Now.UtcDateTime));
        var csv = _dir.File("synthetic-measurements.csv");
        using (var w = new StreamWriter(csv))
        {
            var writer = new Dala.Geo.Io.CsvWriter(w);
            writer.Row(SyntheticMeasurements.Header);
            foreach (var row in SyntheticMeasurements.Rows(view, SyntheticTests, 7)) writer.Row(row);
        }
        var intake = new MeasurementIntake(store, measurements, Clock, OperatorPrefixes.Empty);
        var imported = intake.ImportFile(csv);
        Assert.Null(imported.FileError);
        Assert.Equal(SyntheticTests, imported.Stored);
        // Two lines that cannot become measurements, so the quarantine is not empty.
        var bad = intake.AcceptNdjson("{\"time\":\"yesterday\",\"downMbps\":12}\n{\"time\":\"2026-01-01T00:00:00Z\",\"downMbps\":-5}\n", "e2e", MeasurementSource.Import);
        Assert.Equal(2, bad.Quarantined);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults, null, measurements)
        {
            Ndt7 = Ndt7Settings.Default with { Duration = TimeSpan.FromSeconds(3), HardCap = TimeSpan.FromSeconds(6) },
            // The browser comes from 127.0.0.1: the speed-test page guesses this operator from its address.
            Operators = new OperatorPrefixes([("127.0.0.0/8", GuessedOperator.Id)]),
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http.BaseAddress = new Uri(Url);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>
/// The speed test and quality views in real headless Chromium: the official M-Lab ndt7 client runs against our ndt7
/// server over ws://127.0.0.1, the server stores both directions with the page's tags, the page posts the browser's
/// result, and the quality view shows what /api/quality says. Screenshots go to artifacts/e2e.
/// </summary>
public class SpeedTestPageTests(QualityServer server) : IClassFixture<QualityServer>
{
    internal static readonly Regex Mbps = new(@"^(\d+(?:\.\d+)?) Mbit/s$");

    [ChromiumFact]
    public async Task Speed_test_runs_the_official_client_and_stores_the_server_and_browser_records()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add(e);

        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        await page.ClickAsync("#tab-speedtest");
        Assert.True(await page.IsVisibleAsync("#view-speedtest"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.ndt7?.test === 'function'"), "the official ndt7 client did not load");

        // Tag a settlement through the search box: a town of Akmola, chosen by its id among the suggestions.
        var town = JsonDocument.Parse(await server.Http.GetStringAsync("/api/settlements?region=KZ-11&kind=town&pageSize=1")).RootElement.GetProperty("items")[0];
        var settlementId = town.GetProperty("id").GetString()!;
        await page.FillAsync("#speedtest-settlement", town.GetProperty("name").GetString()!);
        await page.ClickAsync($"#speedtest-suggestions li[data-id='{settlementId}']", new() { Timeout = 10000 });
        Assert.Equal(settlementId, await page.GetAttributeAsync("#speedtest-chosen", "data-id"));

        var operatorId = JsonDocument.Parse(await server.Http.GetStringAsync("/api/operators")).RootElement.EnumerateArray()
            .Select(o => o.GetProperty("id").GetString()!).OrderBy(x => x, StringComparer.Ordinal).First();
        await page.SelectOptionAsync("#speedtest-operator", operatorId);
        await page.SelectOptionAsync("#speedtest-access", "fibre");

        await page.ClickAsync("#speedtest-start");
        await page.WaitForFunctionAsync("() => ['stored', 'unstored', 'error'].includes(document.body.dataset.speedtest)", null, new() { Timeout = 60000 });
        var state = await page.EvaluateAsync<string>("() => document.body.dataset.speedtest");
        Assert.True(state == "stored", $"speed test ended '{state}': {await page.TextContentAsync("#speedtest-phase")} | {await page.TextContentAsync("#errors")} | {string.Join("\n", console)}");

        var down = Figure(await page.TextContentAsync("#speedtest-down"));
        var up = Figure(await page.TextContentAsync("#speedtest-up"));
        Assert.True(down > 0, $"download {down}");
        Assert.True(up > 0, $"upload {up}");
        // Below 1 ms (loopback) the latency reads "< 1 ms", never a false-precision "0.006 ms".
        Assert.Matches(@"^(< 1|[1-9]\d*(\.\d)?) ms$", (await page.TextContentAsync("#speedtest-latency"))!.Trim());

        // The server stored both directions with the page's tags (from the ndt7 query string).
        var serverRows = JsonDocument.Parse(await server.Http.GetStringAsync("/api/measurements?source=ndt7-server&limit=20")).RootElement
            .EnumerateArray().Where(m => m.GetProperty("settlementId").GetString() == settlementId).ToArray();
        Assert.Equal(2, serverRows.Length);
        Assert.Single(serverRows, m => m.GetProperty("downMbps").ValueKind == JsonValueKind.Number && m.GetProperty("downMbps").GetDouble() > 0);
        Assert.Single(serverRows, m => m.GetProperty("upMbps").ValueKind == JsonValueKind.Number && m.GetProperty("upMbps").GetDouble() > 0);
        Assert.All(serverRows, m =>
        {
            Assert.Equal(operatorId, m.GetProperty("operator").GetString());
            Assert.Equal("fibre", m.GetProperty("access").GetString());
            Assert.Equal("KZ-11", m.GetProperty("region").GetString());
            // A test from 127.0.0.1 is flagged invalid by the rules (and 3 s is too short anyway).
            Assert.False(m.GetProperty("valid").GetBoolean());
        });
        var serverIds = (await page.GetAttributeAsync("#speedtest-stored", "data-server-ids"))!.Split(',');
        Assert.Equal(serverRows.Select(m => m.GetProperty("id").GetString()).Order(), serverIds.Order());

        // The browser's result was posted as NDJSON (source ndt7-client) with the same tags.
        var clientId = await page.GetAttributeAsync("#speedtest-stored", "data-client-id");
        Assert.False(string.IsNullOrEmpty(clientId));
        var client = JsonDocument.Parse(await server.Http.GetStringAsync("/api/measurements?source=ndt7-client&limit=50")).RootElement
            .EnumerateArray().Single(m => m.GetProperty("id").GetString() == clientId);
        Assert.Equal(settlementId, client.GetProperty("settlementId").GetString());
        Assert.Equal(operatorId, client.GetProperty("operator").GetString());
        Assert.Equal("fibre", client.GetProperty("access").GetString());
        Assert.False(client.GetProperty("synthetic").GetBoolean());
        // The page shows 3 significant figures: within 0.6% of the stored figure.
        Assert.Equal(down, client.GetProperty("downMbps").GetDouble(), down * 0.006);
        Assert.Equal(up, client.GetProperty("upMbps").GetDouble(), up * 0.006);
        Assert.True(client.GetProperty("bytes").GetInt64() > 0);

        // The history lists the new records, flagged.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#speedtest-history tbody tr.is-new').length >= 3", null, new() { Timeout = 10000 });
        Assert.Contains("invalid", await page.TextContentAsync("#speedtest-history") ?? "");
        // A tall viewport, so the screenshot shows the whole view (it scrolls inside the page).
        await page.SetViewportSizeAsync(1400, 1560);
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "speedtest.png") });
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    [ChromiumFact]
    public async Task Quality_view_shows_the_summary_choropleth_histogram_and_table_of_the_api()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add(e);

        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        await page.ClickAsync("#tab-quality");
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'ready'", null, new() { Timeout = 30000 });

        var summary = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/summary")).RootElement;
        Assert.Equal(N(summary.GetProperty("measurements")), await page.TextContentAsync("#quality-count"));
        Assert.Equal(N(summary.GetProperty("valid")), await page.TextContentAsync("#quality-valid"));
        Assert.Equal(N(summary.GetProperty("quarantined")), await page.TextContentAsync("#quality-quarantined"));
        Assert.Equal(2, summary.GetProperty("quarantined").GetInt64());
        Assert.True(summary.GetProperty("measurements").GetInt64() >= QualityServer.SyntheticTests);

        // The choropleth: one path per region polygon, coloured by the median download of /api/quality/aggregates?by=region.
        var regions = JsonDocument.Parse(await server.Http.GetStringAsync("/api/regions?format=geojson")).RootElement.GetProperty("features").GetArrayLength();
        Assert.True(regions >= 17, $"{regions} region polygons");
        Assert.Equal(regions, await page.Locator("#quality-map path.quality-region").CountAsync());
        var byRegion = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/aggregates?by=region")).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("region").ValueKind == JsonValueKind.String && r.GetProperty("downMbps").ValueKind == JsonValueKind.Object)
            .ToDictionary(r => r.GetProperty("region").GetString()!, r => r.GetProperty("downMbps").GetProperty("median").GetDouble());
        var shown = await page.EvalOnSelectorAllAsync<JsonElement>("#quality-map path.quality-region",
            "els => els.filter(e => e.dataset.median).map(e => [e.dataset.region, Number(e.dataset.median)])");
        Assert.Equal(byRegion.Count, shown.GetArrayLength());
        foreach (var pair in shown.EnumerateArray()) Assert.Equal(byRegion[pair[0].GetString()!], pair[1].GetDouble(), 1e-6);
        Assert.True(await page.IsVisibleAsync("#quality-legend"));

        // The histogram counts the valid tests of /api/quality/histogram.
        Assert.True(await page.IsVisibleAsync("canvas#quality-histogram"));
        var histogram = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/histogram")).RootElement.EnumerateArray().Sum(b => b.GetProperty("tests").GetInt64());
        Assert.Equal(histogram.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#quality-histogram", "data-tests"));

        // The region x operator table has a row per group, and the CSV link asks for the same grouping.
        var groups = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/aggregates?by=region,operator")).RootElement.GetArrayLength();
        Assert.Equal(groups, await page.Locator("#quality-table tbody tr").CountAsync());
        Assert.Contains("format=csv", await page.GetAttributeAsync("#quality-export-csv", "href"));

        // Synthetic data is labelled on the page and on the map.
        Assert.True(await page.IsVisibleAsync("#quality-synthetic"));
        Assert.True(await page.IsVisibleAsync("#quality-map-synthetic"));

        // Filtering by a region narrows the histogram to that region.
        await page.SelectOptionAsync("#quality-region", "KZ-11");
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'ready'", null, new() { Timeout = 10000 });
        var akmola = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/histogram?region=KZ-11")).RootElement.EnumerateArray().Sum(b => b.GetProperty("tests").GetInt64());
        Assert.Equal(akmola.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#quality-histogram", "data-tests"));
        await page.SelectOptionAsync("#quality-region", "");
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'ready'", null, new() { Timeout = 10000 });

        await page.SetViewportSizeAsync(1400, 1400);
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "quality.png") });
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    internal static double Figure(string? text)
    {
        var m = Mbps.Match((text ?? "").Trim());
        Assert.True(m.Success, $"'{text}' is not like '123.4 Mbit/s'");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string N(JsonElement n) => n.GetInt64().ToString("N0", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// A speed test people finish, in real headless Chromium with M-Lab's official ndt7 client against our server: the
/// finished state (gauge done, "Test again"), the result's link and page with the same figures, "My past tests" after a
/// reload, jitter and loss labelled or "not measured", honest latency; "Use my location" with a granted and a refused
/// permission. Screenshots go to artifacts/e2e.
/// </summary>
public class SpeedTestFinishTests(QualityServer server) : IClassFixture<QualityServer>
{
    private static readonly Regex Ms = new(@"^(< 1|[1-9]\d*(\.\d)?) ms$");

    private static async Task<IPage> Open(IBrowserContext context, List<string> console)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add(e);
        return page;
    }

    private async Task ShowSpeedTest(IPage page)
    {
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        await page.ClickAsync("#tab-speedtest");
    }

    private static async Task<string> RunToTheEnd(IPage page, List<string> console)
    {
        await page.ClickAsync("#speedtest-start");
        await page.WaitForFunctionAsync("() => ['stored', 'unstored', 'error'].includes(document.body.dataset.speedtest)", null, new() { Timeout = 60000 });
        var state = await page.EvaluateAsync<string>("() => document.body.dataset.speedtest");
        Assert.True(state == "stored", $"speed test ended '{state}': {await page.TextContentAsync("#speedtest-phase")} | {await page.TextContentAsync("#errors")} | {string.Join("\n", console)}");
        return await page.EvaluateAsync<string>("() => document.body.dataset.speedtestResult");
    }

    private static async Task<string> Text(IPage page, string selector) => ((await page.TextContentAsync(selector)) ?? "").Trim();

    [ChromiumFact]
    public async Task A_finished_test_reads_done_links_to_its_page_with_the_same_figures_and_stays_in_my_past_tests()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.Url.TrimEnd('/') });
        var console = new List<string>();
        var page = await Open(context, console);
        await ShowSpeedTest(page);
        // The operator is guessed from the address (127.0.0.0/8 in the prefix table) and preselected.
        var guessed = QualityServer.GuessedOperator;
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-operator-guess').dataset.guess", null, new() { Timeout = 20000 });
        Assert.Equal($"Operator: {guessed.Name} (from your address) change", await Text(page, "#speedtest-operator-guess"));
        Assert.Equal(guessed.Id, await page.EvalOnSelectorAsync<string>("#speedtest-operator", "s => s.value"));
        var id = await RunToTheEnd(page, console);
        Assert.False(string.IsNullOrEmpty(id));

        // The finished state: the gauge reads Done (no DOWNLOAD), the button offers another test.
        var gauge = await Text(page, "#speedtest-gauge");
        Assert.DoesNotContain("download", gauge, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Done", await Text(page, "#speedtest-gauge-phase"));
        Assert.Equal("Test again", await Text(page, "#speedtest-start"));

        // Figures: speeds to 3 significant figures, latency never "0.0x ms", jitter and loss labelled by what they are.
        var down = await Text(page, "#speedtest-down");
        var up = await Text(page, "#speedtest-up");
        var latency = await Text(page, "#speedtest-latency");
        var jitter = await Text(page, "#speedtest-jitter");
        var loss = await Text(page, "#speedtest-loss");
        Assert.True(SpeedTestPageTests.Figure(down) > 0);
        Assert.Matches(@"^(\d{1,3}|\d\.\d\d|\d\d\.\d|\d{3}0+|0\.\d+) Mbit/s$", down);
        Assert.Matches(Ms, latency);
        Assert.DoesNotMatch(@"^0\.\d", latency);
        Assert.Matches(@"^(not measured|< 1 ms|[1-9]\d*(\.\d)? ms)$", jitter);
        Assert.Matches(@"^(not measured|0 %|< 0\.01 %|\d+(\.\d+)? %)$", loss);
        Assert.Contains("RTT variation", await Text(page, ".st-result-jitter .st-result-label"));
        Assert.Contains("retransmitted", await Text(page, ".st-result-loss .st-result-label"));

        // The link to the result, and a button that copies it.
        var href = await page.GetAttributeAsync("#speedtest-result-link", "href");
        Assert.Equal($"#speedtest?result={id}", href);
        await page.ClickAsync("#speedtest-copy-link");
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-copy-status').textContent !== ''");
        Assert.Equal(server.Url.TrimEnd('/') + "/" + href, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "speedtest-finished.png"), FullPage = true });

        // The result's page shows the same figures, and the API has the test under that id.
        await page.ClickAsync("#speedtest-result-link");
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-result-page').dataset.state === 'ready'", null, new() { Timeout = 10000 });
        Assert.Equal(down, await Text(page, "#speedtest-result-down"));
        Assert.Equal(up, await Text(page, "#speedtest-result-up"));
        Assert.Equal(latency, await Text(page, "#speedtest-result-latency"));
        Assert.Equal(jitter, await Text(page, "#speedtest-result-jitter"));
        Assert.Equal(loss, await Text(page, "#speedtest-result-loss"));
        var api = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/speedtest/results/{id}")).RootElement;
        Assert.Equal($"ndt7-{id}-client", api.GetProperty("browser").GetProperty("id").GetString());
        Assert.Equal(guessed.Id, api.GetProperty("operator").GetString());
        Assert.Contains(guessed.Name, await Text(page, "#speedtest-result-page"));

        // After a reload the address still opens the result, and "My past tests" lists the test with its link.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-result-page').dataset.state === 'ready'", null, new() { Timeout = 60000 });
        Assert.Equal(down, await Text(page, "#speedtest-result-down"));
        var row = page.Locator($"#speedtest-past tbody tr[data-id='{id}']");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains(down, await row.TextContentAsync() ?? "");
        Assert.Equal($"#speedtest?result={id}", await row.Locator("a").First.GetAttributeAsync("href"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "speedtest-result-page.png"), FullPage = true });

        // Clearing the list empties it (and it stays empty after a reload).
        await page.ClickAsync("#speedtest-past-clear");
        Assert.Equal("0", await page.EvaluateAsync<string>("() => document.body.dataset.speedtestPast"));
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.speedtestPast === '0'", null, new() { Timeout = 60000 });

        // An unknown id says so on the page.
        await page.GotoAsync(server.Url.TrimEnd('/') + "/#speedtest?result=no-such-test");
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-result-page').dataset.state === 'missing'", null, new() { Timeout = 60000 });
        Assert.True(console.Count(c => !c.Contains("404", StringComparison.Ordinal)) == 0, string.Join("\n", console));
    }

    [ChromiumFact]
    public async Task Use_my_location_sends_the_devices_coordinates_with_the_test()
    {
        var town = JsonDocument.Parse(await server.Http.GetStringAsync("/api/settlements?region=KZ-11&kind=town&pageSize=1")).RootElement.GetProperty("items")[0];
        var lat = Math.Round(town.GetProperty("lat").GetDouble() + 0.01234, 5);
        var lon = Math.Round(town.GetProperty("lon").GetDouble() - 0.01234, 5);
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 900 },
            Permissions = ["geolocation"],
            Geolocation = new() { Latitude = (float)lat, Longitude = (float)lon, Accuracy = 25 },
        });
        var console = new List<string>();
        var page = await Open(context, console);
        await ShowSpeedTest(page);

        await page.ClickAsync("#speedtest-geolocate");
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-geo-status').dataset.state === 'located'", null, new() { Timeout = 20000 });
        Assert.Contains("± 25 m", await Text(page, "#speedtest-geo-status"));
        await page.WaitForFunctionAsync("() => document.getElementById('speedtest-chosen').dataset.id !== ''", null, new() { Timeout = 10000 });
        Assert.Contains("your device's location (± 25 m)", await Text(page, "#speedtest-location"));

        var id = await RunToTheEnd(page, console);
        var client = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/speedtest/results/{id}")).RootElement.GetProperty("browser");
        // The geolocation override is a float: the stored point is within 1e-4° of it.
        Assert.Equal(lat, client.GetProperty("lat").GetDouble(), 1e-4);
        Assert.Equal(lon, client.GetProperty("lon").GetDouble(), 1e-4);
        Assert.Equal(await page.GetAttributeAsync("#speedtest-chosen", "data-id"), client.GetProperty("settlementId").GetString());
        var serverDown = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/speedtest/results/{id}")).RootElement.GetProperty("server")[0];
        Assert.Equal(lat, serverDown.GetProperty("lat").GetDouble(), 1e-4);
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    [ChromiumFact]
    public async Task A_refused_location_says_so_and_leaves_the_settlement_to_choose()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await context.ClearPermissionsAsync();
        var console = new List<string>();
        var page = await Open(context, console);
        await ShowSpeedTest(page);
        await page.ClickAsync("#speedtest-geolocate");
        await page.WaitForFunctionAsync("() => ['denied', 'unavailable'].includes(document.getElementById('speedtest-geo-status').dataset.state)", null, new() { Timeout = 30000 });
        Assert.Equal("denied", await page.EvaluateAsync<string>("() => document.getElementById('speedtest-geo-status').dataset.state"));
        Assert.Contains("permission was refused", await Text(page, "#speedtest-geo-status"));
        Assert.Equal("", await page.GetAttributeAsync("#speedtest-chosen", "data-id") ?? "");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "speedtest-location-refused.png") });
        Assert.True(console.Count == 0, string.Join("\n", console));
    }
}

using System.Text.Json;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The live app with SYNTHETIC speed tests made for this test (labelled synthetic): three regions x two operators over
/// three months, from distinct client networks, so that units pass or miss the sample rule.
/// </summary>
public sealed class RankingsServer : LiveServer
{
    public static readonly string[] Regions = ["KZ-71", "KZ-75", "KZ-11"];

    protected override void Prepare(SqliteRegistryStore store)
    {
        var rng = new Random(3);
        var list = new List<Measurement>();
        for (var month = 8; month <= 10; month++)
            for (var r = 0; r < Regions.Length; r++)
                foreach (var op in new[] { "kcell", "beeline" })
                {
                    var n = r == 2 && op == "beeline" ? 4 : 12; // one unit with too few tests
                    for (var i = 0; i < n; i++)
                        list.Add(new Measurement
                        {
                            Id = $"e2e-{month}-{r}-{op}-{i}", Time = new DateTimeOffset(2026, month, 2 + i, 10, 0, 0, TimeSpan.Zero), Source = MeasurementSource.Import,
                            RegionCode = Regions[r], OperatorId = op, DownMbps = Math.Round(20 + 30 * r + month + rng.NextDouble() * 10, 2), UpMbps = 10, LatencyMs = 25,
                            ClientNetwork = $"10.{r}.{i}.0/24", Quadkey = "12103313102103" + (r % 4) + (i % 2), Synthetic = true,
                        });
                }
        new SqliteMeasurementStore(store).Append(list, []);
    }

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Measurements = new SqliteMeasurementStore(store) };
}

/// <summary>The rankings slot of the Quality view in real Chromium on a phone (390 px): table, trend chart, synthetic badge, downloads.</summary>
public class QualityRankingsTests(RankingsServer server) : IClassFixture<RankingsServer>
{
    [ChromiumFact]
    public async Task Rankings_table_lists_the_units_of_the_api_and_the_trend_chart_is_drawn_on_a_phone()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(server.Url + "/#quality");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1' && document.body.dataset.rankings === 'ready'", null, new() { Timeout = 60000 });

        // By default SYNTHETIC tests are left out: nothing is ranked and the note says how to count them.
        Assert.Equal("0", await Hook(page, "rankingsRows"));
        Assert.Contains("Include synthetic", await page.TextContentAsync("#rk-note"));
        Assert.False(await page.IsVisibleAsync("#rk-syn"));

        await page.FillAsync("#rk-min-tests", "10");
        await page.FillAsync("#rk-min-networks", "10");
        await page.CheckAsync("#rk-synthetic");
        await page.WaitForFunctionAsync("() => document.body.dataset.rankings === 'ready' && document.body.dataset.rankingsSynthetic === 'true' && document.body.dataset.rankingsChart === 'drawn'",
            null, new() { Timeout = 15000 });

        var api = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/rankings?by=region,operator&minTests=10&minNetworks=10&includeSynthetic=true")).RootElement;
        Assert.True(api.GetProperty("synthetic").GetBoolean());
        await page.SelectOptionAsync("#rk-by", "region,operator");
        await page.WaitForFunctionAsync("() => document.body.dataset.rankings === 'ready' && document.body.dataset.rankingsRows === '6'", null, new() { Timeout = 15000 });
        var month = api.GetProperty("months")[0];
        Assert.Equal("2026-10", month.GetProperty("month").GetString());
        var rows = month.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, await page.Locator("#rk-table tbody tr").CountAsync());
        Assert.Equal(rows.Count(r => r.GetProperty("rank").ValueKind == JsonValueKind.Null), await page.Locator("#rk-table tbody tr.rk-few").CountAsync());
        Assert.Equal(5, month.GetProperty("ranked").GetInt32());
        var units = await page.Locator("#rk-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
        Assert.Equal(rows.Select(r => $"{r.GetProperty("region").GetString()}|{r.GetProperty("operator").GetString()}"), units);
        Assert.Contains("too few tests", await page.TextContentAsync("#rk-table tbody tr.rk-few"));
        Assert.True(await page.IsVisibleAsync("#rk-syn"));

        // The trend chart: the country line first, then the ranked units (at most five).
        Assert.Equal("6", await Hook(page, "rankingsDatasets"));
        Assert.StartsWith("Kazakhstan|", await page.GetAttributeAsync("#rk-trend", "data-series"));
        Assert.True(await page.IsVisibleAsync("#rk-trend"));

        // Downloads carry the same choices; the panel fits the phone's width.
        Assert.Contains("includeSynthetic=true", await page.GetAttributeAsync("#rk-geojson", "href"));
        Assert.Contains("format=csv", await page.GetAttributeAsync("#rk-csv", "href"));
        var right = await page.EvaluateAsync<double>("() => document.querySelector('#quality-rankings .rk-panel').getBoundingClientRect().right");
        Assert.True(right <= 390.5, $"panel ends at {right} px");
        await page.Locator("#quality-rankings").ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "quality-rankings-phone.png") });
        Assert.Empty(errors);
    }

    private static Task<string?> Hook(IPage page, string name) => page.EvaluateAsync<string?>($"() => document.body.dataset.{name} ?? null");
}

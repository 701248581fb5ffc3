using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Indicators;
using Dala.Registry.Model;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>The live server with the default indicators, Ookla's quarterly file as indicators, and a few weeks of 4G tests in every region.</summary>
public sealed class IndicatorsServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store)
    {
        var indicators = new SqliteIndicatorStore(store);
        indicators.Save(DefaultIndicators.All);
        Assert.True(new IndicatorImporter(indicators, Clock).Import(SharedData.Kz("ookla-kz-country-quarterly.csv")).Committed);
        var tests = new List<Measurement>();
        var start = Clock.Now.AddDays(-20);
        var regions = store.ReadSnapshot().Regions.Select(r => r.Code).ToArray();
        for (var i = 0; i < 400; i++)
        {
            tests.Add(new Measurement
            {
                Id = $"t{i}", Time = start.AddHours(i), Access = Technology.FourG, OperatorId = i % 3 == 0 ? "kcell" : "beeline",
                RegionCode = regions[i % regions.Length], DownMbps = i % 4 == 0 ? 2 : 25, Source = MeasurementSource.Import,
            });
        }
        new SqliteMeasurementStore(store).Append(tests, []);
    }

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Indicators = new SqliteIndicatorStore(store) };
}

/// <summary>The Indicators view and the printable report in real headless Chromium.</summary>
public class IndicatorsReportTests(IndicatorsServer server) : IClassFixture<IndicatorsServer>
{
    [ChromiumFact]
    public async Task The_indicators_page_draws_a_chart_per_indicator_with_the_targets_and_sources()
    {
        var list = await server.Http.GetFromJsonAsync<JsonElement>("/api/indicators");
        var all = list.EnumerateArray().ToArray();
        var targeted = all.Where(i => i.GetProperty("target").ValueKind == JsonValueKind.Number).Select(i => i.GetProperty("id").GetString()!).ToArray();
        Assert.Contains("internet-users", targeted);
        Assert.Contains("mbps100-share", targeted);
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(server.Url + "/#indicators");
        await page.WaitForFunctionAsync("() => document.getElementById('view-indicators').dataset.charts", null, new() { Timeout = 60000 });
        Assert.Equal(all.Length.ToString(), await page.EvaluateAsync<string>("() => document.getElementById('view-indicators').dataset.charts"));
        Assert.Equal(targeted.Length.ToString(), await page.EvaluateAsync<string>("() => document.getElementById('view-indicators').dataset.targets"));
        foreach (var id in targeted)
        {
            var card = page.Locator($"figure.ind-card[data-indicator='{id}']");
            Assert.Contains("target", await card.Locator("canvas").GetAttributeAsync("data-series"));
            Assert.Contains("Target:", await card.InnerTextAsync());
        }
        var fibre = await page.Locator("figure.ind-card[data-indicator='settlements-on-fibre']").InnerTextAsync();
        Assert.Contains("Government of Kazakhstan", fibre);
        Assert.Contains("Derived by Dala", fibre);
        Assert.Contains("reported|derived by Dala", await page.Locator("figure.ind-card[data-indicator='settlements-on-fibre'] canvas").GetAttributeAsync("data-series"));
        Assert.Contains("SYNTHETIC", (await page.Locator("figure.ind-card[data-indicator='settlements-on-fibre']").InnerTextAsync()).ToUpperInvariant());
        Assert.True(await page.Locator("figure.ind-card[data-indicator='ookla-fixed-download_mbps_weighted_mean'] canvas").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "indicators.png"), FullPage = false });
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_report_prints_one_page_per_region_and_one_for_the_country()
    {
        var regions = (await server.Http.GetFromJsonAsync<JsonElement>("/api/regions")).GetArrayLength();
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        var response = await page.GotoAsync(server.Url + "/report");
        Assert.Equal(200, response!.Status);
        Assert.Equal(regions + 1, await page.Locator("section.page").CountAsync());
        Assert.True(await page.Locator("section.page").First.Locator("img.chart").CountAsync() >= 4);
        Assert.Contains("Compliance verdicts", await page.Locator("section.page").First.InnerTextAsync());
        // Every chart is an image that loaded (no script on the page).
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length"));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(Browser.ArtifactsDir(), "report.pdf"), pdf);
        var pages = Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])").Count;
        Assert.Equal(regions + 1, pages);
        Assert.Empty(errors);
    }
}

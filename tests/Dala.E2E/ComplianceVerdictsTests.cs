using System.Globalization;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>The live server with a month of 4G tests: kcell in Astana mostly below 5 Mbit/s (a violation), beeline in Almaty above.</summary>
public sealed class VerdictsServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store)
    {
        var tests = new List<Measurement>();
        var start = DateTimeOffset.UtcNow.Date.AddDays(-10);
        for (var i = 0; i < 60; i++)
        {
            tests.Add(Test($"k{i}", new DateTimeOffset(start, TimeSpan.Zero).AddHours(i), "kcell", "KZ-71", i < 45 ? 2 : 12));
            tests.Add(Test($"b{i}", new DateTimeOffset(start, TimeSpan.Zero).AddHours(i), "beeline", "KZ-75", 30));
        }
        tests.Add(Test("synthetic", new DateTimeOffset(start, TimeSpan.Zero), "kcell", "KZ-71", 100) with { Synthetic = true });
        new SqliteMeasurementStore(store).Append(tests, []);
    }

    private static Measurement Test(string id, DateTimeOffset t, string op, string region, double down) => new()
    {
        Id = id, Time = t, Access = Technology.FourG, OperatorId = op, RegionCode = region, DownMbps = down, Source = MeasurementSource.Import,
    };

    protected override DalaWebSettings Settings(SqliteRegistryStore store) =>
        base.Settings(store) with { Measurements = new SqliteMeasurementStore(store), Obligations = new SqliteObligationStore(store) };
}

/// <summary>The compliance dashboard's verdicts in real headless Chromium, at desktop and phone widths: the intervals drawn and a violation row.</summary>
public class ComplianceVerdictsTests(VerdictsServer server) : IClassFixture<VerdictsServer>
{
    [ChromiumFact]
    public async Task Verdicts_show_intervals_and_a_violation()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await server.SignInAsync(page);
            await page.GotoAsync(server.Url + "/#compliance");
            await page.WaitForFunctionAsync("() => document.body.dataset.verdicts === 'ready' || document.body.dataset.verdicts === 'error'", null, new() { Timeout = 60000 });
            Assert.Equal("ready", await page.EvaluateAsync<string>("() => document.body.dataset.verdicts"));
            Assert.Equal("drawn", await page.EvaluateAsync<string>("() => document.body.dataset.verdictIntervals"));
            Assert.Equal("2", await page.EvaluateAsync<string>("() => document.body.dataset.verdictRows"));
            Assert.Equal(2, await page.Locator("#verdicts-forest .cv-interval").CountAsync());
            var violation = page.Locator("#verdicts-table tr.cv-violation");
            Assert.Equal(1, await violation.CountAsync());
            Assert.Contains("kcell", await violation.InnerTextAsync());
            Assert.Contains("60", await violation.InnerTextAsync()); // n = 60: the SYNTHETIC test is not counted
            Assert.Equal(1, await page.Locator("#verdicts-table tr.cv-compliant").CountAsync());
            var href = await violation.Locator("a").First.GetAttributeAsync("href");
            var evidence = await server.Http.GetStringAsync(href);
            Assert.Contains("<svg class=\"interval\"", evidence);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"the page scrolls sideways at {width} px");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), $"compliance-verdicts-{width.ToString(CultureInfo.InvariantCulture)}.png"), FullPage = true });
            if (width == 1280)
            {
                // An inspector opens a case on the violation from its row; the case page shows it with its figures.
                page.Dialog += async (_, d) => await d.AcceptAsync(); // "Open a case ...?"; the actor is the signed-in user
                await violation.Locator("button.cv-open-case").ClickAsync();
                await page.WaitForFunctionAsync("() => (document.body.dataset.caseId || '') !== ''", null, new() { Timeout = 30000 });
                var page2 = await page.Locator("#co-case-page").InnerTextAsync();
                Assert.Contains("kcell", page2);
                Assert.Contains("user:" + LiveServer.AdminUser, page2);
                Assert.Equal(1, await page.Locator("#verdicts-table button.cv-open-case").CountAsync());
            }
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }
}

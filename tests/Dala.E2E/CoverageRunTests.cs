using System.Text.Json;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Web;

namespace Dala.E2E;

/// <summary>The web app over the national OSM import plus a SYNTHETIC radio layout and no coverage run yet.</summary>
public sealed class SitesOnlyServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store) => new SyntheticSites(store, Clock).Seed(300, 3);

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Coverage = new SqliteCoverageStore(store) };
}

/// <summary>
/// A coverage run started from the Radio layers panel in real headless Chromium: hidden from the public, shown to a
/// signed-in admin; the job's progress bar runs, and when it succeeds the summary shows the new run, as /api/coverage does.
/// </summary>
public class CoverageRunTests(SitesOnlyServer server) : IClassFixture<SitesOnlyServer>
{
    [ChromiumFact]
    public async Task A_signed_in_analyst_runs_coverage_from_the_panel_and_sees_the_new_run()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.PageError += (_, e) => console.Add(e);

        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.radio === 'ready'", null, new() { Timeout = 60000 });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => document.body.dataset.coverageRun"));
        Assert.False(await page.IsVisibleAsync("#coverage-run-start")); // anonymous: no form

        await server.SignInAsync(page);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.radio === 'ready' && document.body.dataset.auth === 'admin'", null, new() { Timeout = 60000 });
        Assert.True(await page.IsVisibleAsync("#coverage-run-start"));
        await page.SelectOptionAsync("#coverage-run-model", "freespace");
        await page.CheckAsync("#coverage-run-roads");
        await page.ClickAsync("#coverage-run-start");
        await page.WaitForFunctionAsync("() => document.body.dataset.coverageJobStatus", null, new() { Timeout = 300000 });
        Assert.Equal("succeeded", await page.EvaluateAsync<string>("() => document.body.dataset.coverageJobStatus"));

        var run = JsonDocument.Parse(await server.Http.GetStringAsync("/api/coverage")).RootElement;
        Assert.Equal("freespace", run.GetProperty("model").GetString());
        Assert.True(run.GetProperty("roads").GetInt32() > 0);
        await page.WaitForFunctionAsync("() => document.body.dataset.coverageRun !== 'none'", null, new() { Timeout = 30000 });
        Assert.Equal($"#{run.GetProperty("id").GetInt64()}", await page.TextContentAsync("#coverage-run-id"));
        var job = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/jobs/{await page.EvaluateAsync<string>("() => document.body.dataset.coverageJob")}")).RootElement;
        Assert.Equal(("coverage", 1.0), (job.GetProperty("kind").GetString(), job.GetProperty("progress").GetDouble()));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "coverage-run.png") });
        Assert.Empty(console);
    }
}

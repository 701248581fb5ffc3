using Dala.Permits.Model;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>The web app with a permit store holding SYNTHETIC requests (ids SYN-...) in two regions.</summary>
public sealed class PermitsServer : LiveServer
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SYNTHETIC: made up for the test, not real requests.</summary>
    public static readonly PermitRequest[] Requests =
    [
        new("SYN-1", "kcell", "KZ-11", D("2025-01-01"), LandAllotted: D("2025-02-01"), PowerConnected: D("2025-03-01"), DesignApproved: D("2025-03-20"),
            PermitIssued: D("2025-04-01"), Built: D("2025-05-15"), OnAir: D("2025-06-01")),
        new("SYN-2", "kcell", "KZ-11", D("2025-01-01"), LandAllotted: D("2025-03-01"), OnAir: D("2025-09-01")),
        new("SYN-3", "beeline", "KZ-11", D("2025-02-01"), LandAllotted: D("2025-04-01")),
        new("SYN-4", "beeline", "KZ-63", D("2025-01-01"), LandAllotted: D("2025-05-01"), OnAir: D("2026-03-01")),
        new("SYN-5", "kcell", "KZ-63", D("2025-01-01")),
        new("SYN-6", "kcell", "KZ-63", D("2025-06-01"), LandAllotted: D("2025-07-01"), PowerConnected: D("2025-10-01")),
    ];

    protected override void Prepare(SqliteRegistryStore store) => new SqlitePermitStore(store).Save(Requests);

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Permits = new SqlitePermitStore(store) };
}

/// <summary>
/// The Permits view in real headless Chromium: the funnel counts the requests that reached each stage, the Kaplan-Meier
/// chart draws a stepped curve per region, the overdue and forecast tables list the open requests, and a stage date set
/// in the form (signed in) reaches the API and the funnel. Every wait is for a state.
/// </summary>
public class PermitsPageTests(PermitsServer server) : IClassFixture<PermitsServer>
{
    private const float Timeout = 60_000;

    [ChromiumFact]
    public async Task The_funnel_and_the_survival_chart_show_the_requests_and_a_stage_set_in_the_form_moves_the_funnel()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Status != 422 && new Uri(r.Url).AbsolutePath.StartsWith("/api/permits", StringComparison.Ordinal)) problems.Add($"{r.Status} {r.Url}");
        };
        await server.SignInAsync(page);

        await page.GotoAsync(server.Url + "/#permits");
        await page.WaitForFunctionAsync("() => document.body.dataset.permits === 'ready'", null, new() { Timeout = Timeout });
        // Opened 6; land 5; power 2; design 1; permit 1; built 1; on air 3 (as of the server's today, 2026-11-21).
        Assert.Equal("6,5,2,1,1,1,3", await Hook(page, "permitsFunnel"));
        Assert.Equal("drawn", await Hook(page, "permitsSurvival"));
        Assert.Equal("KZ-11,KZ-63", await page.GetAttributeAsync("#pm-km", "data-groups"));
        Assert.Equal("3", await page.GetAttributeAsync("#pm-km", "data-points"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const c = document.getElementById('pm-km'); return c.width > 0 && c.height > 0; }"));
        var forecast = await page.InnerTextAsync("#pm-forecast-table");
        Assert.Contains("SYN-3", forecast);
        Assert.Contains("SYN-5", forecast);
        Assert.Contains("SYN-5", await page.InnerTextAsync("#pm-overdue-table"));

        // One region: its funnel only.
        await page.SelectOptionAsync("#pm-region", "KZ-63");
        await page.WaitForFunctionAsync("() => document.body.dataset.permits === 'ready' && document.body.dataset.permitsFunnel.startsWith('3,')", null, new() { Timeout = Timeout });
        Assert.Equal("3,2,1,0,0,0,1", await Hook(page, "permitsFunnel"));
        Assert.Equal("KZ-63", await page.GetAttributeAsync("#pm-km", "data-groups"));

        // Set SYN-5's land allotment in the form: the funnel moves.
        await page.FillAsync("#pm-form-id", "SYN-5");
        await page.SelectOptionAsync("#pm-form-stage", PermitStages.LandAllotted);
        await page.FillAsync("#pm-form-date", "2026-11-01");
        await page.ClickAsync("#pm-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.permitsSave === 'done' && document.body.dataset.permitsFunnel === '3,3,1,0,0,0,1'", null, new() { Timeout = Timeout });

        // A date before the request was opened is refused and shown.
        await page.FillAsync("#pm-form-date", "2024-01-01");
        await page.ClickAsync("#pm-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.permitsSave === 'error'", null, new() { Timeout = Timeout });
        Assert.Contains("before opened", await page.InnerTextAsync("#pm-form-result"));
        Assert.Empty(problems);
    }

    private static Task<string?> Hook(IPage page, string name) => page.EvaluateAsync<string?>($"() => document.body.dataset.{name}");
}

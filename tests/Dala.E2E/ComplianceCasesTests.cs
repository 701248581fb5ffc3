using System.Net.Http.Json;
using System.Text.Json;
using Dala.Quality.Cases;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>The web app with a case desk (SQLite case store, the default fine schedule, the fixed clock).</summary>
public sealed class CasesServer : LiveServer
{
    protected override DalaWebSettings Settings(SqliteRegistryStore store) =>
        base.Settings(store) with { Cases = new CaseDesk(new SqliteCaseStore(store), FineSchedule.Default, Clock) };
}

/// <summary>
/// The Compliance view's cases in real headless Chromium, at a phone's width: a case opened through the API is listed
/// (state, SYNTHETIC label), its page shows the figures and the timeline, and steps taken in the page's form reach the
/// API under the signed-in user; a decision shows the fine worked out; a refused step is shown, not thrown. Every wait is for a state.
/// </summary>
public class ComplianceCasesTests(CasesServer server) : IClassFixture<CasesServer>
{
    private const float Timeout = 60_000;

    [ChromiumFact]
    public async Task A_case_opened_through_the_api_is_listed_opened_and_stepped_in_the_page()
    {
        var post = await server.Http.PostAsJsonAsync("/api/quality/cases", new
        {
            obligation = "down-100", version = 1, @operator = "kcell", region = "KZ-11", from = "2026-07-01", to = "2026-09-30",
            n = 400, k = 212, estimate = 0.53, ciLow = 0.48, ciHigh = 0.58, synthetic = true, actor = "inspector A", date = "2026-10-01",
        });
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Status is not (409 or 422) && new Uri(r.Url).AbsolutePath.StartsWith("/api/quality/", StringComparison.Ordinal)) problems.Add($"{r.Status} {r.Url}");
        };

        await server.SignInAsync(page);

        await page.GotoAsync(server.Url + "/#compliance");
        await page.WaitForFunctionAsync("() => document.body.dataset.cases === 'ready'", null, new() { Timeout = Timeout });
        Assert.Equal("1", await Hook(page, "casesCount"));
        var row = page.Locator($"#co-cases-list tr[data-case='{id}']");
        Assert.Contains("opened", await row.InnerTextAsync());
        Assert.Contains("SYNTHETIC", await row.InnerTextAsync());
        Assert.Contains("kcell", await row.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page is wider than the phone");

        await row.ClickAsync();
        await page.WaitForFunctionAsync($"() => document.body.dataset.caseId === '{id}'", null, new() { Timeout = Timeout });
        Assert.Contains("k = 212 of n = 400; estimate 0.53, interval [0.48, 0.58]", await page.InnerTextAsync("#co-case-evidence"));
        Assert.Contains("SYNTHETIC evidence", await page.InnerTextAsync("#co-case-page"));
        Assert.Equal(1, await page.Locator("#co-case-timeline li").CountAsync());
        Assert.False(await page.IsVisibleAsync("#co-step-form .co-step-outcome"));

        // notice_sent, taken in the form.
        await page.SelectOptionAsync("#co-step-form [name=to]", "notice_sent");
        await page.FillAsync("#co-step-form [name=note]", "notice no. 17");
        await page.ClickAsync("#co-step-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.caseStep === 'done' && document.body.dataset.caseState === 'notice_sent'", null, new() { Timeout = Timeout });
        Assert.Equal(2, await page.Locator("#co-case-timeline li").CountAsync());
        Assert.Contains("2026-11-21", await page.InnerTextAsync("#co-case-timeline li:nth-child(2)"));
        // The step is recorded under the signed-in user, not a name typed in.
        Assert.Contains("user:" + LiveServer.AdminUser, await page.InnerTextAsync("#co-case-timeline li:nth-child(2)"));

        // A step dated before the last one is refused and shown; nothing changes.
        await page.SelectOptionAsync("#co-step-form [name=to]", "decision");
        Assert.True(await page.IsVisibleAsync("#co-step-form .co-step-outcome"));
        await page.FillAsync("#co-step-form [name=date]", "2026-09-01");
        await page.ClickAsync("#co-step-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.caseStep === 'error'", null, new() { Timeout = Timeout });
        Assert.Contains("date", await page.InnerTextAsync("#co-step-form .co-step-error"));

        // The decision, upheld: the fine is worked out on the page.
        await page.FillAsync("#co-step-form [name=date]", "");
        await page.SelectOptionAsync("#co-step-form [name=outcome]", "upheld");
        await page.ClickAsync("#co-step-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.caseStep === 'done' && document.body.dataset.caseState === 'decision'", null, new() { Timeout = Timeout });
        var fine = await page.InnerTextAsync("#co-case-fine");
        Assert.Contains("100 MRP × 4,325 ₸", fine);
        Assert.Contains("432,500 ₸", fine);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the case page is wider than the phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "compliance-case-390.png"), FullPage = true });

        var stored = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/quality/cases/{id}")).RootElement;
        Assert.Equal("decision", stored.GetProperty("state").GetString());
        Assert.Equal(["opened", "notice_sent", "decision"], stored.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        Assert.Equal("notice no. 17", stored.GetProperty("steps")[1].GetProperty("note").GetString());

        // Back to the list: the case shows its new state.
        await page.ClickAsync("#co-case-page [data-act=back]");
        await page.WaitForFunctionAsync("() => document.body.dataset.cases === 'ready' && document.body.dataset.caseId === ''", null, new() { Timeout = Timeout });
        Assert.Contains("decision (upheld)", await page.Locator($"#co-cases-list tr[data-case='{id}']").InnerTextAsync());
        Assert.Empty(problems);
    }

    private static async Task<string?> Hook(IPage page, string name) =>
        await page.EvaluateAsync<string?>($"() => document.body.dataset.{name} ?? null");
}

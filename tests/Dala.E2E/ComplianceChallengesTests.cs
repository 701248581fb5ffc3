using System.Text.Json;
using Dala.Quality.Claims;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>The live app with the SYNTHETIC dead-villages demo (200 villages, 40 dead) and a claim store.</summary>
public sealed class ChallengesServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store) =>
        DeadVillages.Run(store.ReadSnapshot(), new SqliteMeasurementStore(store), new SqliteClaimStore(store), NoPrediction.Instance, Clock, 200, 40, 4, fileChallenges: false);

    protected override DalaWebSettings Settings(SqliteRegistryStore store) =>
        base.Settings(store) with { Measurements = new SqliteMeasurementStore(store), Claims = new SqliteClaimStore(store) };
}

/// <summary>
/// The coverage-claims slot of the Compliance view in headless Chromium at phone width (390 px): the flagged claims the
/// API holds are listed with the SYNTHETIC badge, and a challenge filed from the page appears in the challenge list. No
/// timing asserts: every wait is for a state.
/// </summary>
public class ComplianceChallengesTests(ChallengesServer server) : IClassFixture<ChallengesServer>
{
    [ChromiumFact]
    public async Task Flagged_claims_are_listed_and_a_challenge_is_filed_from_the_page_at_390_px()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var flagged = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/claims?status=not-delivered")).RootElement.GetProperty("claims").GetArrayLength();
        Assert.True(flagged > 0);

        await server.SignInAsync(page);

        await page.GotoAsync(server.Url + "/#compliance");
        await page.WaitForFunctionAsync("() => document.body.dataset.challenges === 'ready'", null, new() { Timeout = 60000 });
        Assert.Equal(flagged.ToString(), await page.EvaluateAsync<string>("() => document.body.dataset.challengeRows"));
        Assert.True(await page.IsVisibleAsync("#compliance-challenges .ch-synthetic"));
        Assert.Equal(flagged, await page.Locator("#compliance-challenges .ch-claims tbody tr").CountAsync());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at 390 px");

        await page.Locator("#compliance-challenges button.ch-file").First.ClickAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#compliance-challenges .ch-challenges .badge')].some(b => b.textContent === 'filed')", null, new() { Timeout = 30000 });
        var challenges = JsonDocument.Parse(await server.Http.GetStringAsync("/api/quality/challenges")).RootElement;
        Assert.Equal(1, challenges.GetArrayLength());
        Assert.Equal("filed", challenges[0].GetProperty("state").GetString());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "compliance-challenges-390.png"), FullPage = true });
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The national map in real headless Chromium: it loads, a filter narrows the points, clicking a point opens
/// the settlement card, and the dashboard shows the numbers of /api/progress. Screenshots go to artifacts/e2e.
/// </summary>
public class MapPageTests(LiveServer server) : IClassFixture<LiveServer>
{
    [ChromiumFact]
    public async Task Map_filter_card_and_dashboard_agree_with_the_api()
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
        Assert.Equal("7098", await page.TextContentAsync("#count-shown"));
        Assert.True(await page.IsVisibleAsync("#synthetic-banner"));
        Assert.Contains("hotosm_kaz_populated_places_points.geojson", await page.TextContentAsync("#dataset-name"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "map.png") });

        // Filter: Akmola region only.
        await page.SelectOptionAsync("#filter-region", "KZ-11");
        await page.WaitForFunctionAsync("() => document.body.dataset.filtered === '663'", null, new() { Timeout = 10000 });
        Assert.Equal("663", await page.TextContentAsync("#count-shown"));
        var api = JsonDocument.Parse(await server.Http.GetStringAsync("/api/settlements?region=KZ-11&pageSize=1")).RootElement;
        Assert.Equal(663, api.GetProperty("total").GetInt32());

        // Click the pixel of a known settlement of Akmola: its card opens.
        var target = JsonDocument.Parse(await server.Http.GetStringAsync("/api/settlements?region=KZ-11&kind=town&pageSize=1"))
            .RootElement.GetProperty("items")[0];
        var (lat, lon) = (target.GetProperty("lat").GetDouble(), target.GetProperty("lon").GetDouble());
        var point = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const p = window.dala.map.latLngToContainerPoint([{lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)}]); " +
            "const r = document.getElementById('map').getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }");
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => document.getElementById('settlement-card')?.dataset.state === 'ready'", null, new() { Timeout = 10000 });
        Assert.True(await page.IsVisibleAsync("#settlement-card"));
        Assert.Equal(target.GetProperty("id").GetString(), await page.GetAttributeAsync("#settlement-card", "data-id"));
        var card = await page.TextContentAsync("#settlement-card") ?? "";
        Assert.Contains(target.GetProperty("name").GetString()!, card);
        Assert.Contains("SYNTHETIC", card, StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "card.png") });

        // Dashboard numbers equal /api/progress.
        await page.ClickAsync("#tab-progress");
        await page.WaitForFunctionAsync("() => document.body.dataset.dashboard === 'ready'", null, new() { Timeout = 10000 });
        var progress = JsonDocument.Parse(await server.Http.GetStringAsync("/api/progress")).RootElement.GetProperty("national");
        Assert.Equal(Pct(progress.GetProperty("fibre").GetProperty("share")), await page.TextContentAsync("#dash-fibre-share"));
        Assert.Equal(Pct(progress.GetProperty("mbps100").GetProperty("share")), await page.TextContentAsync("#dash-mbps100-share"));
        Assert.Equal(Pct(progress.GetProperty("fibre").GetProperty("populationShare")), await page.TextContentAsync("#dash-pop-fibre-share"));
        Assert.Equal(Pct(progress.GetProperty("mbps100").GetProperty("populationShare")), await page.TextContentAsync("#dash-pop-mbps100-share"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "dashboard.png"), FullPage = true });
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    private static string Pct(JsonElement share) => (share.GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [ChromiumFact]
    public async Task Sign_in_form_signs_in_writes_carry_the_token_and_sign_out_ends_it()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.auth === 'anonymous'", null, new() { Timeout = 60000 });
        const string write = "async () => { const m = await import('/api.js'); try { return (await m.sendJson('POST', '/api/keys', { name: 'from-ui', role: 'analyst' })).key.name; } catch (e) { return 'refused ' + e.status; } }";
        Assert.Equal("refused 401", await page.EvaluateAsync<string>(write));
        Assert.True(await page.IsVisibleAsync("#auth-dialog"), "a refused write opens the sign-in form");
        await page.ClickAsync("#auth-cancel");

        await page.ClickAsync("#auth-signin");
        await page.FillAsync("#auth-username", LiveServer.AdminUser);
        await page.FillAsync("#auth-password", "not the password");
        await page.ClickAsync("#auth-submit");
        await page.WaitForSelectorAsync("#auth-error:not([hidden])");
        Assert.Equal("Unknown user or wrong password.", await page.TextContentAsync("#auth-error"));
        await page.FillAsync("#auth-password", LiveServer.AdminPassword);
        await page.ClickAsync("#auth-submit");
        await page.WaitForFunctionAsync("() => document.body.dataset.auth === 'admin'", null, new() { Timeout = 10000 });
        Assert.False(await page.IsVisibleAsync("#auth-dialog"));
        Assert.Equal("e2e-admin · admin", (await page.TextContentAsync("#auth-name"))?.Trim());
        Assert.Equal("from-ui", await page.EvaluateAsync<string>(write));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "signed-in.png") });

        // A reload keeps the session (the cookie) and finds its token again.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.auth === 'admin'", null, new() { Timeout = 60000 });
        Assert.Equal("from-ui", await page.EvaluateAsync<string>(write));

        await page.ClickAsync("#auth-signout");
        await page.WaitForFunctionAsync("() => document.body.dataset.auth === 'anonymous'", null, new() { Timeout = 10000 });
        Assert.Equal("refused 401", await page.EvaluateAsync<string>(write));
    }
}

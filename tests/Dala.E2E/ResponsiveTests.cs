using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// Every view on a phone (390x844, touch) and on a desktop (1440x900) in real headless Chromium: no sideways
/// overflow, every tab tappable, the view shown; the map's panels as bottom sheets on the phone; the open layers
/// panel leaving the west of the country in sight; loading signs in place of the figures while they are fetched.
/// Screenshots go to screenshots/&lt;tab&gt;-&lt;w&gt;x&lt;h&gt;.png beside the test assembly (the path is printed).
/// </summary>
public class ResponsiveTests(LiveServer server, ITestOutputHelper output) : IClassFixture<LiveServer>
{
    private static readonly string[] Tabs = ["map", "progress", "speedtest", "quality", "rollout", "compliance", "permits", "events", "indicators"];

    /// <summary>Elements of the visible view whose right edge passes the viewport's, unless a box inside the view clips them (a table that scrolls in its box).</summary>
    private const string Overflowing = """
        view => {
          const out = [];
          for (const e of view.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || r.right <= innerWidth + 0.5) continue;
            if (getComputedStyle(e).visibility === 'hidden') continue;
            let clipped = false;
            for (let a = e.parentElement; a && a !== view; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= innerWidth + 0.5) { clipped = true; break; }
            }
            if (!clipped) out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join('')) + ' (right ' + Math.round(r.right) + ')');
          }
          return out;
        }
        """;

    [ChromiumFact]
    public Task Every_tab_fits_a_phone_at_390x844() => EveryTabFits(390, 844, phone: true);

    [ChromiumFact]
    public Task Every_tab_fits_a_desktop_at_1440x900() => EveryTabFits(1440, 900, phone: false);

    [ChromiumFact]
    public Task Every_tab_fits_a_tablet_at_820x1180() => EveryTabFits(820, 1180, phone: true);

    [ChromiumFact]
    public Task Every_tab_fits_a_small_laptop_at_1024x768() => EveryTabFits(1024, 768, phone: false);

    [ChromiumFact]
    public async Task On_a_small_laptop_the_tab_bar_says_more_tabs_are_hidden_and_the_mouse_wheel_reaches_them()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1024, Height = 768 } });
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        var bar = await page.EvaluateAsync<JsonElement>("() => { const t = document.querySelector('.tabs'); return { more: t.dataset.more, over: t.scrollWidth > t.clientWidth }; }");
        Assert.True(bar.GetProperty("over").GetBoolean(), "the tab bar is expected to be wider than the header at 1024 px");
        Assert.Equal("right", bar.GetProperty("more").GetString());
        // Map first below 1100 px: the layers panel starts folded, so it hides no part of the country.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.layers-panel').classList.contains('is-collapsed')"), "the layers panel is open at 1024 px");
        var last = Tabs[^1];
        var box = await page.Locator(".tabs").BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        for (var i = 0; i < 12 && await page.EvaluateAsync<string>("() => document.querySelector('.tabs').dataset.more") != "left"; i++)
            await page.Mouse.WheelAsync(0, 200);
        Assert.Equal("left", await page.EvaluateAsync<string>("() => document.querySelector('.tabs').dataset.more"));
        var inside = await page.EvaluateAsync<bool>($"() => {{ const b = document.getElementById('tab-{last}').getBoundingClientRect(); const t = document.querySelector('.tabs').getBoundingClientRect(); return b.left >= t.left && b.right <= t.right + 1; }}");
        Assert.True(inside, $"the last tab ({last}) is not in sight after scrolling the tab bar with the wheel");
    }

    private async Task EveryTabFits(int width, int height, bool phone)
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var failures = new List<string>();

        foreach (var tab in Tabs)
        {
            // A Playwright click without force: it fails when another element would receive the tap.
            await page.ClickAsync($"#tab-{tab}", new() { Timeout = 10000 });
            var hit = await page.EvaluateAsync<JsonElement>($$"""
                () => {
                  const b = document.getElementById('tab-{{tab}}').getBoundingClientRect();
                  const el = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                  return { ok: !!el?.closest('#tab-{{tab}}'), what: el ? (el.id || el.tagName) : 'nothing', height: b.height, inside: b.left >= 0 && b.right <= innerWidth };
                }
                """);
            if (!hit.GetProperty("ok").GetBoolean()) failures.Add($"{tab}: the tab's centre is covered by {hit.GetProperty("what").GetString()}");
            if (!hit.GetProperty("inside").GetBoolean()) failures.Add($"{tab}: the tab is not wholly in sight after the tap");
            if (phone && hit.GetProperty("height").GetDouble() < 44) failures.Add($"{tab}: the tab is {hit.GetProperty("height").GetDouble()} px tall (< 44)");
            await page.WaitForFunctionAsync($"() => document.getElementById('view-{tab}').classList.contains('is-active')", null, new() { Timeout = 5000 });
            Assert.True(await page.IsVisibleAsync($"#view-{tab}"), $"{tab}: the view is not visible");
            // Let the view's first reads end (the page-wide loading sign goes), then measure.
            await page.WaitForFunctionAsync("() => !document.body.hasAttribute('data-busy')", null, new() { Timeout = 30000 });

            var widths = await page.EvaluateAsync<JsonElement>(
                $"() => ({{ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: document.getElementById('view-{tab}').scrollWidth, inner: innerWidth }})");
            var inner = widths.GetProperty("inner").GetInt32();
            foreach (var what in new[] { "doc", "body", "view" })
            {
                var w = widths.GetProperty(what).GetInt32();
                if (w > inner) failures.Add($"{tab}: {what} is {w} px wide in a {inner} px viewport");
            }
            var offenders = await page.EvaluateAsync<string[]>($"() => ({Overflowing})(document.getElementById('view-{tab}'))");
            if (offenders.Length > 0) failures.Add($"{tab}: past the right edge: {string.Join(", ", offenders.Take(12))}{(offenders.Length > 12 ? $" and {offenders.Length - 12} more" : "")}");

            var shot = Path.Combine(dir, $"{tab}-{width}x{height}.png");
            await page.ScreenshotAsync(new() { Path = shot });
            output.WriteLine(shot);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [ChromiumFact]
    public async Task On_a_phone_the_map_panels_are_bottom_sheets_and_figures_are_not_cut()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });

        // The synthetic banner: one thin line, still there.
        var banner = await Box(page, "#synthetic-banner");
        Assert.True(banner.Height is > 0 and <= 32, $"the synthetic banner is {banner.Height} px tall on a phone");

        // The filters: a folded sheet at the bottom of the map, its handle a 44 px target.
        var map = await Box(page, "#view-map .map-wrap");
        var folded = await Box(page, "#filters-sheet");
        Assert.True(folded.Height <= map.Height * 0.2, $"folded filters take {folded.Height} of {map.Height} px");
        Assert.True(Math.Abs(folded.Y + folded.Height - (map.Y + map.Height)) <= 1, "the filters sheet sits on the map's bottom edge");
        Assert.True((await Box(page, "#filters-handle")).Height >= 44);
        Assert.Equal("false", await page.GetAttributeAsync("#filters-handle", "aria-expanded"));

        // A tap unfolds it, never over the whole map; a drag down folds it again.
        await page.ClickAsync("#filters-handle");
        var open = await Box(page, "#filters-sheet");
        Assert.True(open.Height > folded.Height * 2, $"the tapped sheet is {open.Height} px tall");
        Assert.True(open.Height <= map.Height * 0.75, $"the open sheet covers {open.Height} of {map.Height} px of the map");
        Assert.Equal("true", await page.GetAttributeAsync("#filters-handle", "aria-expanded"));
        Assert.True(await page.IsVisibleAsync("#filter-region"));
        await page.ScreenshotAsync(new() { Path = Shot("map-filters-open-390x844.png") });
        var handle = await Box(page, "#filters-handle");
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + handle.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + 200, new() { Steps = 6 });
        await page.Mouse.UpAsync();
        Assert.Equal("false", await page.GetAttributeAsync("#filters-handle", "aria-expanded"));
        Assert.True((await Box(page, "#filters-sheet")).Height <= map.Height * 0.2);

        // The layers panel: folded at first; unfolded it is a bottom sheet over the map's lower part.
        Assert.Contains("is-collapsed", await page.GetAttributeAsync("#layers-panel", "class") ?? "");
        await page.ClickAsync("#layers-toggle");
        var layers = await Box(page, "#layers-panel");
        Assert.True(Math.Abs(layers.Y + layers.Height - (map.Y + map.Height)) <= 1, "the open layers panel sits on the map's bottom edge");
        Assert.True(layers.Height <= map.Height * 0.75, $"the layers sheet covers {layers.Height} of {map.Height} px");
        Assert.True(layers.X <= 1 && layers.Width >= 388, "the layers sheet spans the phone's width");
        await page.ClickAsync("#layers-toggle");

        // The settlement card: a bottom sheet with a handle; folded it keeps its title in sight.
        var town = JsonDocument.Parse(await server.Http.GetStringAsync("/api/settlements?kind=town&pageSize=1")).RootElement.GetProperty("items")[0];
        await page.EvaluateAsync("id => window.dala.openSettlement(id)", town.GetProperty("id").GetString());
        await page.WaitForFunctionAsync("() => document.getElementById('settlement-card').dataset.state === 'ready'", null, new() { Timeout = 10000 });
        var card = await Box(page, "#settlement-card");
        Assert.True(card.Height <= map.Height * 0.75, $"the card covers {card.Height} of {map.Height} px");
        Assert.True(Math.Abs(card.Y + card.Height - (map.Y + map.Height)) <= 1, "the card sits on the map's bottom edge");
        var pointY = await page.EvaluateAsync<double>(
            $"() => document.getElementById('map').getBoundingClientRect().top + window.dala.map.latLngToContainerPoint([{F(town.GetProperty("lat").GetDouble())}, {F(town.GetProperty("lon").GetDouble())}]).y");
        Assert.True(pointY < card.Y, $"the settlement (y {pointY:0}) is under its card (top {card.Y:0})");
        await page.ScreenshotAsync(new() { Path = Shot("map-card-390x844.png") });
        await page.ClickAsync("#card-handle");
        Assert.True((await Box(page, "#settlement-card")).Height <= 120);
        Assert.True(await page.IsVisibleAsync("#settlement-card .card-title"));
        await page.ClickAsync("#card-close");
        Assert.False(await page.IsVisibleAsync("#settlement-card"));

        // Figures wrap, never cut: the quality KPIs and the speed-test results show their whole text.
        foreach (var (tab, selector) in new[] { ("quality", "#view-quality .kpi-label, #view-quality .kpi-value"), ("speedtest", ".st-result-label, .st-result-value") })
        {
            await page.ClickAsync($"#tab-{tab}");
            await page.WaitForFunctionAsync("() => !document.body.hasAttribute('data-busy')", null, new() { Timeout = 30000 });
            // The widest figures a result can have (a 10 Gbit/s line, a slow satellite hop) must fit too.
            if (tab == "speedtest")
                await page.EvaluateAsync("""
                    () => {
                      document.getElementById('speedtest-down').innerHTML = '50,000.0 <span class="st-u">Mbit/s</span>';
                      document.getElementById('speedtest-up').innerHTML = '12,345.6 <span class="st-u">Mbit/s</span>';
                      document.getElementById('speedtest-latency').innerHTML = '1,234.5 <span class="st-u">ms</span>';
                    }
                    """);
            var cut = await page.EvaluateAsync<string[]>(
                "sel => [...document.querySelectorAll(sel)].filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth).map(e => (e.id || e.className) + ': ' + e.textContent.trim())",
                selector);
            Assert.True(cut.Length == 0, $"{tab}: cut figures: {string.Join("; ", cut)}");
        }
    }

    [ChromiumFact]
    public async Task At_1440x900_the_open_layers_panel_leaves_the_west_of_the_country_in_sight()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        Assert.DoesNotContain("is-collapsed", await page.GetAttributeAsync("#layers-panel", "class") ?? "");

        // Aktau, on the Caspian shore, and the country's western tip near Atyrau: both beside the panel, on the map.
        foreach (var (name, lat, lon) in new[] { ("Aktau", 43.65, 51.17), ("the western tip", 47.5, 46.6) })
        {
            var at = await page.EvaluateAsync<JsonElement>($$"""
                () => {
                  const p = window.dala.map.latLngToContainerPoint([{{F(lat)}}, {{F(lon)}}]);
                  const m = document.getElementById('map').getBoundingClientRect();
                  const panel = document.getElementById('layers-panel').getBoundingClientRect();
                  const x = m.left + p.x, y = m.top + p.y;
                  const el = document.elementFromPoint(x, y);
                  return { x, y, panelRight: panel.right, mapRight: m.right, mapTop: m.top, mapBottom: m.bottom, underPanel: !!el?.closest('#layers-panel') };
                }
                """);
            var x = at.GetProperty("x").GetDouble();
            var y = at.GetProperty("y").GetDouble();
            Assert.True(x > at.GetProperty("panelRight").GetDouble(), $"{name} is at x {x:0}, under the layers panel (its right edge {at.GetProperty("panelRight").GetDouble():0})");
            Assert.True(x < at.GetProperty("mapRight").GetDouble() && y > at.GetProperty("mapTop").GetDouble() && y < at.GetProperty("mapBottom").GetDouble(), $"{name} ({x:0}, {y:0}) is off the map");
            Assert.False(at.GetProperty("underPanel").GetBoolean());
        }
        // The east stays in sight too.
        var east = await page.EvaluateAsync<double>("() => window.dala.map.latLngToContainerPoint([49.5, 87.3]).x");
        Assert.True(east < await page.EvaluateAsync<double>("() => document.getElementById('map').clientWidth"), "the country's eastern tip is off the map");
        await page.ScreenshotAsync(new() { Path = Shot("map-layers-open-1440x900.png") });
    }

    [ChromiumFact]
    public async Task Quality_figures_show_a_loading_sign_while_fetched_and_the_error_in_its_place()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var release = new TaskCompletionSource();
        var fail = false;
        await page.RouteAsync("**/api/quality/summary*", async route =>
        {
            await release.Task;
            if (fail)
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"title":"Service unavailable","status":503,"detail":"the measurement store is busy"}""" });
            else
                await route.ContinueAsync();
        });
        await page.GotoAsync(server.Url + "/#quality");
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'loading'", null, new() { Timeout = 60000 });

        // While the summary is held back: a status line with "Loading…", the figures as skeletons, the page-wide sign.
        await page.WaitForFunctionAsync("() => !document.getElementById('busy').hidden", null, new() { Timeout = 10000 });
        Assert.True(await page.IsVisibleAsync("#quality-status"));
        Assert.Equal("Loading…", (await page.TextContentAsync("#quality-status"))?.Trim());
        Assert.Contains("loading-text", await page.GetAttributeAsync("#quality-status", "class") ?? "");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('view-quality').hasAttribute('aria-busy')"));
        Assert.Equal("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('quality-count')).color"));
        await page.ScreenshotAsync(new() { Path = Shot("quality-loading-390x844.png") });

        release.SetResult();
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'ready'", null, new() { Timeout = 30000 });
        await page.WaitForFunctionAsync("() => document.getElementById('quality-status').hidden && !document.getElementById('view-quality').hasAttribute('aria-busy')", null, new() { Timeout = 5000 });
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('quality-count')).color"));

        // A failed read: the message takes the sign's place.
        fail = true;
        await page.EvaluateAsync("() => window.dala.quality.refresh()");
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'error'", null, new() { Timeout = 30000 });
        await page.WaitForFunctionAsync("() => !document.getElementById('quality-status').hidden && document.getElementById('quality-status').classList.contains('is-error')", null, new() { Timeout = 5000 });
        var message = await page.TextContentAsync("#quality-status") ?? "";
        Assert.Contains("the measurement store is busy", message);
        Assert.DoesNotContain("Loading", message);
        Assert.False(await page.EvaluateAsync<bool>("() => document.getElementById('view-quality').hasAttribute('aria-busy')"));
        await page.ScreenshotAsync(new() { Path = Shot("quality-error-390x844.png") });
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    private string Shot(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        output.WriteLine(path);
        return path;
    }

    private static async Task<LocatorBoundingBoxResult> Box(IPage page, string selector) =>
        await page.Locator(selector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} has no box");
}

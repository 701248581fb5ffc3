using System.Text.Json;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// Every map draws the same base: on the default store (no region polygons) the main map, the Quality map and the
/// speed-test mini-map each show the country outline over a calm background with labels of the larger places; with
/// `--basemap FILE.pmtiles` the archive is read with range requests and its tiles are drawn.
/// </summary>
public sealed class BasemapTests(OfflineBasemapServer server) : IClassFixture<OfflineBasemapServer>
{
    [ChromiumFact]
    public async Task On_the_default_store_every_map_draws_the_outline_and_the_main_map_labels_the_larger_places()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var errors = BasemapPage.Errors(page);
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });

        await BasemapPage.AssertOutlineAsync(page, "#map", "main");
        await page.WaitForSelectorAsync("#map .dala-place", new() { Timeout = 20000 });
        var labels = await page.EvalOnSelectorAllAsync<JsonElement>("#map .dala-place",
            "els => els.map(e => { const r = e.getBoundingClientRect(); return { t: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height }; })");
        var boxes = labels.EnumerateArray().Select(l => (Text: l.GetProperty("t").GetString()!, X: l.GetProperty("x").GetDouble(),
            Y: l.GetProperty("y").GetDouble(), W: l.GetProperty("w").GetDouble(), H: l.GetProperty("h").GetDouble())).ToList();
        Assert.Contains(boxes, b => b.Text == "Almaty");
        Assert.InRange(boxes.Count, 3, 60);
        // Labels never overlap (a pixel of slack for rounding).
        for (var i = 0; i < boxes.Count; i++)
        for (var j = i + 1; j < boxes.Count; j++)
        {
            var (a, b) = (boxes[i], boxes[j]);
            var overlap = a.X + 1 < b.X + b.W && b.X + 1 < a.X + a.W && a.Y + 1 < b.Y + b.H && b.Y + 1 < a.Y + a.H;
            Assert.False(overlap, $"labels '{a.Text}' and '{b.Text}' overlap");
        }

        await page.ClickAsync("#tab-quality");
        await BasemapPage.AssertOutlineAsync(page, "#quality-map", "quality");
        await page.ClickAsync("#tab-speedtest");
        await BasemapPage.AssertOutlineAsync(page, "#speedtest-map", "speedtest");
        Assert.Empty(errors);
    }
}

public sealed class PmTilesBasemapTests(PmTilesBasemapServer server) : IClassFixture<PmTilesBasemapServer>
{
    [ChromiumFact]
    public async Task With_a_pmtiles_basemap_the_tiles_are_read_by_ranges_and_drawn_beneath_the_outline()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var errors = BasemapPage.Errors(page);
        var ranges = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.EndsWith("/basemap/tiles.pmtiles", StringComparison.Ordinal))
                lock (ranges) ranges.Add(r.Headers.TryGetValue("range", out var v) ? v : "");
        };
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#map .dala-base-tiles img').length > 0 && " +
                                        "[...document.querySelectorAll('#map .dala-base-tiles img')].every(i => i.complete && i.naturalWidth > 0)",
            null, new() { Timeout = 30000 });
        lock (ranges)
        {
            Assert.NotEmpty(ranges);
            Assert.All(ranges, r => Assert.Matches("^bytes=[0-9]+-[0-9]+$", r));
        }
        Assert.Equal("pmtiles", await page.GetAttributeAsync("#map", "data-basemap"));
        var (r, g, b) = PmTilesBasemapServer.TileColour;
        var share = await BasemapPage.ShareOfColourAsync(page, "#map", r, g, b, "pmtiles");
        Assert.True(share > 0.2, $"the tiles' colour covers {share:P0} of the map");
        // No offline land beneath raster tiles, and no place labels over them; the outline is still drawn as lines.
        Assert.Equal(0, await page.Locator("#map path.dala-base-land").CountAsync());
        Assert.Equal(0, await page.Locator("#map .dala-place").CountAsync());

        await page.ClickAsync("#tab-speedtest");
        await BasemapPage.AssertOutlineAsync(page, "#speedtest-map", "speedtest-pmtiles");
        Assert.True(await BasemapPage.ShareOfColourAsync(page, "#speedtest-map", r, g, b, "speedtest-pmtiles") > 0.2);
        Assert.Empty(errors);
    }
}

internal static class BasemapPage
{
    public static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        return errors;
    }

    /// <summary>The map draws Kazakhstan's outline as a path of many points, and its screenshot is not all one colour.</summary>
    /// (The main map draws the outline's line itself, on its canvas: there the base's land path is looked for.)
    public static async Task AssertOutlineAsync(IPage page, string map, string name)
    {
        var outline = map == "#map" ? $"{map} path.dala-base-land" : $"{map} path.dala-base-outline";
        await page.WaitForSelectorAsync(outline, new() { State = WaitForSelectorState.Attached, Timeout = 20000 });
        var d = await page.EvalOnSelectorAsync<int>(outline, "p => (p.getAttribute('d') || '').length");
        Assert.True(d > 500, $"{name}: the outline path has only {d} characters of geometry");
        var box = await page.EvalOnSelectorAsync<JsonElement>(outline, "p => { const r = p.getBoundingClientRect(); return { w: r.width, h: r.height }; }");
        Assert.True(box.GetProperty("w").GetDouble() > 100 && box.GetProperty("h").GetDouble() > 50, $"{name}: the outline is drawn {box}");
        var colours = await DistinctColoursAsync(page, map, name);
        Assert.True(colours >= 3, $"{name}: the map shows {colours} colour(s)");
    }

    private static async Task<string> ShotAsync(IPage page, string selector, string name)
    {
        var png = await page.Locator(selector).ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), $"basemap-{name}.png") });
        return Convert.ToBase64String(png);
    }

    // The screenshot's pixels, read back in the page (a data: image on a canvas), sampled on a grid.
    private const string Sample = """
        async ([b64, r, g, b]) => {
          const img = new Image();
          img.src = 'data:image/png;base64,' + b64;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.naturalWidth; c.height = img.naturalHeight;
          const ctx = c.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const data = ctx.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set();
          let n = 0, hit = 0;
          for (let y = 2; y < c.height; y += 6) for (let x = 2; x < c.width; x += 6) {
            const i = (y * c.width + x) * 4;
            seen.add((data[i] >> 3) + ',' + (data[i + 1] >> 3) + ',' + (data[i + 2] >> 3));
            n++;
            if (Math.abs(data[i] - r) <= 3 && Math.abs(data[i + 1] - g) <= 3 && Math.abs(data[i + 2] - b) <= 3) hit++;
          }
          return { colours: seen.size, share: n ? hit / n : 0 };
        }
        """;

    public static async Task<int> DistinctColoursAsync(IPage page, string selector, string name) =>
        (await page.EvaluateAsync<JsonElement>(Sample, new object[] { await ShotAsync(page, selector, name), 0, 0, 0 })).GetProperty("colours").GetInt32();

    public static async Task<double> ShareOfColourAsync(IPage page, string selector, int r, int g, int b, string name) =>
        (await page.EvaluateAsync<JsonElement>(Sample, new object[] { await ShotAsync(page, selector, name), r, g, b })).GetProperty("share").GetDouble();
}

/// <summary>
/// With `--basemap FILE.pmtiles` of MVT tiles the base is drawn from the vector tiles in the default style, and the
/// Quality map draws the store's many tests from GET /api/tiles/measurements as vector tiles; a click on a dot opens its card.
/// </summary>
public sealed class VectorTilesTests(VectorBasemapServer server) : IClassFixture<VectorBasemapServer>
{
    /// <summary>The default style's polygon fill (web/src/vector-tiles.js BASE_STYLE.fill, #e4dccb).</summary>
    private static readonly (int R, int G, int B) Fill = (0xe4, 0xdc, 0xcb);

    // A page point over an opaque pixel of the first tile canvas under `selector` holding one, away from the map's edges; else null.
    private const string OpaquePixel = """
        ([selector, map]) => {
          const box = document.querySelector(map).getBoundingClientRect();
          for (const c of document.querySelectorAll(selector)) {
            if (!c.width || !c.height) continue;
            const r = c.getBoundingClientRect();
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let y = 1; y < c.height; y += 2) for (let x = 1; x < c.width; x += 2) {
              if (d[(y * c.width + x) * 4 + 3] < 250) continue;
              const px = r.left + x * r.width / c.width, py = r.top + y * r.height / c.height;
              if (px > box.left + 40 && px < box.right - 60 && py > box.top + 40 && py < box.bottom - 40) return { x: px, y: py };
            }
          }
          return null;
        }
        """;

    [ChromiumFact]
    public async Task A_vector_basemap_and_the_vector_measurement_layer_are_drawn_and_a_dot_opens_its_card()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var errors = BasemapPage.Errors(page);
        var tiles = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Url.Contains("/api/tiles/measurements/", StringComparison.Ordinal)) lock (tiles) tiles.Add($"{r.Status} {r.Headers.GetValueOrDefault("content-type")}");
        };
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        // The basemap: protomaps-leaflet's canvases, painted by the vector tiles' polygon in the default style.
        await page.WaitForFunctionAsync(OpaquePixel, new object[] { "#map .dala-base-tiles canvas", "#map" }, new() { Timeout = 30000 });
        Assert.Equal("pmtiles", await page.GetAttributeAsync("#map", "data-basemap"));
        Assert.Null(await page.GetAttributeAsync("#map", "data-basemap-note"));
        var share = await BasemapPage.ShareOfColourAsync(page, "#map", Fill.R, Fill.G, Fill.B, "vector");
        Assert.True(share > 0.2, $"the vector tiles' fill covers {share:P0} of the map");
        Assert.Equal(0, await page.Locator("#map path.dala-base-land").CountAsync());

        // The Quality map: more tests than the JSON endpoint gives, so drawn from the measurement vector tiles.
        await page.ClickAsync("#tab-quality");
        await page.WaitForFunctionAsync("() => document.body.dataset.quality === 'ready' && document.getElementById('quality-map').dataset.tests === 'vector'",
            null, new() { Timeout = 30000 });
        var dot = await page.WaitForFunctionAsync(OpaquePixel, new object[] { "#quality-map .dala-tests-tiles canvas", "#quality-map" }, new() { Timeout = 30000 });
        lock (tiles)
        {
            Assert.Contains(tiles, t => t == "200 application/vnd.mapbox-vector-tile");
            Assert.All(tiles, t => Assert.Matches("^(200 application/vnd.mapbox-vector-tile|204 .*)$", t));
        }
        await page.Locator("#quality-map").ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "quality-vector-tests.png") });
        var at = await dot.JsonValueAsync<JsonElement>();
        await page.Mouse.ClickAsync((float)at.GetProperty("x").GetDouble(), (float)at.GetProperty("y").GetDouble());
        var card = page.Locator(".qa-test-card .leaflet-popup-content");
        await card.WaitForAsync(new() { Timeout = 20000 });
        await page.WaitForFunctionAsync("() => /SYNTHETIC/.test(document.querySelector('.qa-test-card .leaflet-popup-content')?.textContent || '')",
            null, new() { Timeout = 20000 });
        Assert.Matches("test", (await card.TextContentAsync())!.ToLowerInvariant());
        Assert.True(await page.Locator("#quality-synthetic").IsVisibleAsync());
        Assert.Empty(errors);
    }
}

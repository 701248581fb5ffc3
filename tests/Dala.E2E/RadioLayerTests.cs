using System.Globalization;
using System.Text.Json;
using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The web app over the national OSM import plus a SYNTHETIC radio layout (600 sites) and one saved coverage run
/// (settlements, synthetic roads, an RSRP raster over south-east Kazakhstan at 0.05°).
/// </summary>
public sealed class RadioServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store)
    {
        new SyntheticSites(store, Clock).Seed(600, 1);
        new CoverageRunner(store, new SqliteCoverageStore(store), Clock).Run(new CoverageRequest(
            new CoverageSettings(), null, false, null,
            SyntheticInputs.Roads(store.ReadSnapshot().Settlements), new BBox(68, 41, 80, 46), 0.05));
    }

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Coverage = new SqliteCoverageStore(store) };
}

/// <summary>
/// The radio layers in real headless Chromium: sites, the coverage raster, predicted service at settlements and
/// road coverage draw as many items as the API holds, the raster overlay sits on its bounds, and a settlement card
/// shows the predicted RSRP of /api/coverage/settlements. Screenshots go to artifacts/e2e.
/// </summary>
public class RadioLayerTests(RadioServer server) : IClassFixture<RadioServer>
{
    private static readonly string[] Layers = ["#layer-sites", "#layer-coverage-raster", "#layer-coverage-settlements", "#layer-coverage-roads"];

    [ChromiumFact]
    public async Task Radio_layers_draw_what_the_api_holds_and_the_card_shows_the_prediction()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add(e);

        var sites = await Json("/api/sites");
        var siteFeatures = sites.GetProperty("features");
        var run = await Json("/api/coverage");
        var rows = await Json("/api/coverage/settlements");
        var roads = await Json("/api/coverage/roads");
        Assert.True(siteFeatures.GetArrayLength() > 0);
        Assert.True(run.GetProperty("synthetic").GetBoolean());
        var raster = run.GetProperty("raster");
        Assert.Equal(JsonValueKind.Object, raster.ValueKind);

        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        await page.WaitForFunctionAsync("() => document.body.dataset.radio === 'ready'", null, new() { Timeout = 30000 });
        foreach (var id in Layers) Assert.True(await page.IsEnabledAsync(id), $"{id} is disabled");
        Assert.Equal($"#{run.GetProperty("id").GetInt64()}", await page.TextContentAsync("#coverage-run-id"));
        Assert.Equal(Pct(run.GetProperty("covered").GetDouble() / run.GetProperty("settlements").GetDouble()), await page.TextContentAsync("#coverage-covered-share"));
        Assert.Equal(raster.GetProperty("geoTiffUrl").GetString(), await page.GetAttributeAsync("#coverage-geotiff", "href"));

        foreach (var id in Layers.Where(l => l != "#layer-coverage-raster")) await page.CheckAsync(id);
        await page.WaitForFunctionAsync("() => { const d = document.body.dataset; return d.layerSites && d.layerCoverage && d.layerRoads; }", null, new() { Timeout = 30000 });
        // The raster layer turns itself off (and says why) when the image cannot be shown: click, then wait for either.
        await page.ClickAsync("#layer-coverage-raster");
        await page.WaitForFunctionAsync("() => document.body.dataset.layerRaster === '1' || document.querySelector('#errors .error-message')", null, new() { Timeout = 30000 });
        var errors = string.Join("; ", (await page.Locator("#errors .error-text").AllInnerTextsAsync()).Select(t => t.Replace('\n', ' ').Trim()));
        Assert.True(errors.Length == 0, $"the page reported: {errors}{await PngHint(raster)}");

        // Hooks equal the API: every site, every predicted settlement, every road.
        Assert.Equal(siteFeatures.GetArrayLength().ToString(CultureInfo.InvariantCulture), await Hook(page, "layerSites"));
        Assert.Equal(run.GetProperty("settlements").GetInt32().ToString(CultureInfo.InvariantCulture), await Hook(page, "layerCoverage"));
        Assert.Equal(rows.GetArrayLength(), run.GetProperty("settlements").GetInt32());
        Assert.Equal(roads.GetProperty("features").GetArrayLength().ToString(CultureInfo.InvariantCulture), await Hook(page, "layerRoads"));
        Assert.Equal("1", await Hook(page, "layerRaster"));

        // The raster overlay: one loaded, visible image in its own map pane, placed on the run's bounds.
        var img = page.Locator("#map .leaflet-dalaRaster-pane img.coverage-raster");
        Assert.Equal(1, await img.CountAsync());
        Assert.True(await img.IsVisibleAsync());
        Assert.True(await img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
        var placed = await page.EvaluateAsync<JsonElement>(
            "([w, s, e, n]) => { const m = window.dala.map, r = document.getElementById('map').getBoundingClientRect();" +
            " const b = document.querySelector('#map img.coverage-raster').getBoundingClientRect();" +
            " const nw = m.latLngToContainerPoint([n, w]), se = m.latLngToContainerPoint([s, e]);" +
            " return { dl: Math.abs(b.left - r.left - nw.x), dt: Math.abs(b.top - r.top - nw.y), dr: Math.abs(b.right - r.left - se.x), db: Math.abs(b.bottom - r.top - se.y) }; }",
            new[] { raster.GetProperty("west").GetDouble(), raster.GetProperty("south").GetDouble(), raster.GetProperty("east").GetDouble(), raster.GetProperty("north").GetDouble() });
        foreach (var side in new[] { "dl", "dt", "dr", "db" })
            Assert.True(placed.GetProperty(side).GetDouble() < 2, $"raster overlay is off its bounds: {placed}");
        Assert.True(await page.IsVisibleAsync("#raster-legend .grad-bar"));
        Assert.True(await page.IsVisibleAsync("#map-synthetic-radio"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "radio-layers.png") });

        // A settlement with a prediction, clear of every site (a mast would take the click), in the raster area.
        var siteLocations = siteFeatures.EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("coordinates"))
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToArray();
        var target = rows.EnumerateArray()
            .Where(r => r.GetProperty("rsrpDbm").ValueKind == JsonValueKind.Number && r.GetProperty("covered").GetBoolean())
            .Where(r => r.GetProperty("population").ValueKind == JsonValueKind.Number)
            .Where(r => OneDecimal(r.GetProperty("rsrpDbm").GetDouble()))
            .Where(r => r.GetProperty("lon").GetDouble() is > 70 and < 79 && r.GetProperty("lat").GetDouble() is > 41.5 and < 45.5)
            .Where(r => siteLocations.Min(s => Km(s.Lon, s.Lat, r.GetProperty("lon").GetDouble(), r.GetProperty("lat").GetDouble())) > 4)
            .OrderByDescending(r => r.GetProperty("population").GetInt32())
            .First();
        var (lat, lon) = (target.GetProperty("lat").GetDouble(), target.GetProperty("lon").GetDouble());
        var point = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const m = window.dala.map; m.setView([{F(lat)}, {F(lon)}], 10, {{ animate: false }}); const p = m.latLngToContainerPoint([{F(lat)}, {F(lon)}]); " +
            "const r = document.getElementById('map').getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }");
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => document.getElementById('card-radio')?.dataset.state === 'ready'", null, new() { Timeout = 20000 });
        Assert.Equal(target.GetProperty("settlementId").GetString(), await page.GetAttributeAsync("#settlement-card", "data-id"));
        var section = await page.TextContentAsync("#card-radio") ?? "";
        Assert.Contains("Predicted radio service", section);
        var rsrp = target.GetProperty("rsrpDbm").GetDouble();
        Assert.Contains(rsrp.ToString("0.0", CultureInfo.InvariantCulture) + " dBm", section);
        Assert.Equal(rsrp, double.Parse((await page.GetAttributeAsync("#card-radio-rsrp", "data-value"))!, CultureInfo.InvariantCulture));
        Assert.Contains(target.GetProperty("siteId").GetString()!, await page.TextContentAsync("#card-radio-site") ?? "");
        Assert.Contains("SYNTHETIC", section, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(run.GetProperty("assumptions").GetString()!, section);
        // Every speed on the card says whether it is the peak (idle cell) or the busy hour (per active user).
        var speeds = await page.TextContentAsync("#card-radio-speeds") ?? "";
        Assert.Contains("Mbit/s peak", speeds);
        if (target.GetProperty("busyHourMbps").ValueKind == JsonValueKind.Number) Assert.Contains("Mbit/s at the busy hour", speeds);
        if (!target.GetProperty("meets100Mbps").GetBoolean()) Assert.Contains("Covered, below 100 Mbit/s at the busy hour", section);
        Assert.Contains("≥ 100 Mbit/s at the busy hour", await page.TextContentAsync("#card-radio .radio-grid") ?? "");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "radio-card.png") });

        // Clicking a mast opens its popup with the sectors, labelled synthetic.
        await page.ClickAsync("#card-close");
        var site = siteFeatures[0];
        var sc = site.GetProperty("geometry").GetProperty("coordinates");
        var sitePoint = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const m = window.dala.map; m.setView([{F(sc[1].GetDouble())}, {F(sc[0].GetDouble())}], 10, {{ animate: false }}); " +
            $"const p = m.latLngToContainerPoint([{F(sc[1].GetDouble())}, {F(sc[0].GetDouble())}]); " +
            "const r = document.getElementById('map').getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }");
        await page.Mouse.ClickAsync(sitePoint.GetProperty("x").GetSingle(), sitePoint.GetProperty("y").GetSingle());
        var popup = page.Locator(".site-popup .site-pop");
        await popup.WaitForAsync(new() { Timeout = 10000 });
        Assert.Equal(site.GetProperty("properties").GetProperty("id").GetString(), await popup.GetAttributeAsync("data-site-id"));
        Assert.Contains("SYNTHETIC", await popup.TextContentAsync() ?? "");
        Assert.Equal(site.GetProperty("properties").GetProperty("sectors").GetArrayLength(), await page.Locator(".site-popup .site-sectors tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "radio-site.png") });

        // Turning the prediction layer off gives the technology colours (and the hook) back.
        await page.UncheckAsync("#layer-coverage-settlements");
        Assert.Null(await Hook(page, "layerCoverage"));
        Assert.False(await page.EvaluateAsync<bool>("() => document.body.classList.contains('colour-predicted')"));
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    private async Task<JsonElement> Json(string path) => JsonDocument.Parse(await server.Http.GetStringAsync(path)).RootElement.Clone();

    private static Task<string?> Hook(IPage page, string name) => page.EvaluateAsync<string?>($"() => document.body.dataset.{name} ?? null");

    /// <summary>Why the raster may not show: says whether /api/coverage/raster.png is a PNG at all.</summary>
    private async Task<string> PngHint(JsonElement raster)
    {
        var bytes = await server.Http.GetByteArrayAsync(raster.GetProperty("pngUrl").GetString());
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(signature)
            ? ""
            : $" (the raster endpoint returned {bytes.Length:N0} bytes that are not a PNG: " +
              $"{raster.GetProperty("width").GetInt32()} x {raster.GetProperty("height").GetInt32()} x 4 = raw RGBA?)";
    }

    private static bool OneDecimal(double v) => Math.Abs(v * 10 - Math.Round(v * 10)) < 1e-7;

    private static double Km(double lon1, double lat1, double lon2, double lat2)
    {
        var x = (lon2 - lon1) * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = lat2 - lat1;
        return Math.Sqrt(x * x + y * y) * 111.2;
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

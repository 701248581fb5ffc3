using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// Figures that do not mislead, in real Chromium over the national OSM import: population shares say on what base they
/// rest, unknown population reads "not known" (never 0), lines of the progress chart that coincide stay visible and
/// the legend says so, region names have the registry's one spelling, and the dataset's sources say what was stored.
/// </summary>
public class HonestFiguresTests(LiveServer server) : IClassFixture<LiveServer>
{
    [ChromiumFact]
    public async Task Progress_tab_says_the_base_of_population_shares_and_keeps_coinciding_lines_visible()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await page.GotoAsync(server.Url + "#progress");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        await page.ClickAsync("#tab-progress");
        await page.WaitForFunctionAsync("() => document.body.dataset.dashboard === 'ready'", null, new() { Timeout = 20000 });
        var progress = JsonDocument.Parse(await server.Http.GetStringAsync("/api/progress")).RootElement;
        var national = progress.GetProperty("national");
        var known = national.GetProperty("populationKnown").GetInt32();
        var settlements = national.GetProperty("settlements").GetInt32();
        Assert.InRange(known, 1, settlements - 1); // the OSM export gives population for some settlements only

        // The KPI under "Population on fibre" names its base: the settlements whose population is known.
        var sub = await page.TextContentAsync("#dash-pop-fibre-sub") ?? "";
        Assert.Contains($"of the {N(known)} rural settlements with known population (of {N(settlements)})", sub);
        Assert.Equal($"the {N(known)} of {N(settlements)} settlements with known population", national.GetProperty("populationBase").GetString());

        // Each region's population: "–, not known" when no settlement's is known, a * when only some are, never a bare 0.
        foreach (var r in progress.GetProperty("regions").EnumerateArray())
        {
            var code = r.GetProperty("code").GetString()!;
            var cell = (await page.TextContentAsync($"#dash-regions tr[data-code='{code}'] td:nth-child(3)") ?? "").Trim();
            var regionKnown = r.GetProperty("populationKnown").GetInt32();
            if (regionKnown == 0)
            {
                Assert.Equal(JsonValueKind.Null, r.GetProperty("population").ValueKind);
                Assert.Equal(JsonValueKind.Null, r.GetProperty("fibre").GetProperty("populationShare").ValueKind);
                Assert.Equal("–, not known", cell);
            }
            else
            {
                var expected = N(r.GetProperty("population").GetInt64()) + (regionKnown < r.GetProperty("settlements").GetInt32() ? "*" : "");
                Assert.Equal(expected, cell);
            }
        }

        // One spelling per region, the registry's: never the OSM file's "Aqtöbe region" or "Abay Region".
        var table = await page.TextContentAsync("#dash-regions") ?? "";
        Assert.Contains("Aktobe Region", table);
        Assert.Contains("Abai Region", table);
        Assert.DoesNotContain("Aqtöbe", table);
        Assert.DoesNotContain("Abay Region", table);

        // The timeline's three lines are drawn apart (own dash, width and point style) and the legend says where two coincide.
        var lines = await page.EvaluateAsync<JsonElement>(@"() => Chart.getChart('progress-chart').data.datasets.filter(d => !d.isTarget)
            .map(d => ({ metric: d.metric, label: d.label, style: JSON.stringify([d.borderDash || [], d.borderWidth, d.pointStyle]) }))");
        var styles = lines.EnumerateArray().Select(l => l.GetProperty("style").GetString()).ToArray();
        Assert.Equal(3, styles.Distinct().Count());
        var timeline = progress.GetProperty("timeline").EnumerateArray().ToArray();
        var last = timeline[^1];
        var mbps100 = lines.EnumerateArray().Single(l => l.GetProperty("metric").GetString() == "mbps100").GetProperty("label").GetString()!;
        if (Math.Abs(last.GetProperty("mbps100").GetDouble() - last.GetProperty("fibre").GetDouble()) < 0.0005)
            Assert.Contains("same as Fibre", mbps100);
        else
            Assert.DoesNotContain("same as Fibre", mbps100);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "honest-progress.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Dataset_sources_say_what_was_read_and_what_was_stored()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        var dataset = JsonDocument.Parse(await server.Http.GetStringAsync("/api/dataset")).RootElement;
        var source = dataset.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "settlements");
        Assert.Equal(dataset.GetProperty("settlementCount").GetInt32(), source.GetProperty("rows").GetInt32());
        Assert.Equal(9899, source.GetProperty("rowsRead").GetInt32());
        var text = await page.EvaluateAsync<string>("() => document.getElementById('dataset-sources').textContent");
        Assert.Contains("9,899 read · 7,098 stored", text);

        // The raster layer's cell size keeps its digits: 0.02° is not "0°".
        var degrees = await page.EvaluateAsync<string[]>("async () => { const m = await import('/radio.js'); return [0.02, 0.005, 0.5, 1].map(m.fmtDeg); }");
        Assert.Equal(["0.02°", "0.005°", "0.5°", "1°"], degrees);
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

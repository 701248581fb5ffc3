using Dala.Testing;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The fibre plan layer in real headless Chromium over the national OSM import: the region follows the map filter,
/// Plan shows progress while the solver runs, the summary and the drawn routes equal /api/fibre/plan, the proxy
/// network is stamped on the map, a route opens its popup, a settlement card highlights its path to the backbone,
/// and a bad parameter is reported instead of hanging. Screenshots go to artifacts/e2e.
/// </summary>
public class FibrePlanTests(LiveServer server) : IClassFixture<LiveServer>
{
    private const string Region = "KZ-59";   // North Kazakhstan: 602 settlements, solved to optimality in about a second

    [ChromiumFact]
    public async Task Fibre_plan_draws_the_routes_and_totals_of_the_api_and_a_settlements_path()
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
        Assert.True(await page.EvaluateAsync<bool>("() => window.dala.fibre === null"));

        // The layer row reveals the controls; the plan's region follows the map's region filter.
        await page.CheckAsync("#layer-fibre");
        Assert.True(await page.IsVisibleAsync("#fibre-plan"));
        Assert.Equal("", await page.InputValueAsync("#fibre-region"));
        await page.SelectOptionAsync("#filter-region", Region);
        Assert.Equal(Region, await page.InputValueAsync("#fibre-region"));
        Assert.Equal("towns", await page.InputValueAsync("#fibre-backbone"));
        await page.FillAsync("#fibre-min-population", "200");
        await page.FillAsync("#fibre-seconds", "5");

        // Record the states the page goes through, and whether the button was disabled while it ran.
        await page.EvaluateAsync(@"() => {
            window.__fibreStates = [];
            new MutationObserver(() => window.__fibreStates.push([document.body.dataset.fibre, document.getElementById('fibre-plan').disabled,
                !document.getElementById('fibre-progress').hidden])).observe(document.body, { attributes: true, attributeFilter: ['data-fibre'] });
        }");
        await page.ClickAsync("#fibre-plan");
        await page.WaitForFunctionAsync("() => ['ready', 'error'].includes(document.body.dataset.fibre)", null, new() { Timeout = 60000 });
        Assert.True(await Hook(page, "fibre") == "ready", $"the plan failed: {await page.TextContentAsync("#errors")}");
        var states = await page.EvaluateAsync<JsonElement>("() => window.__fibreStates");
        Assert.Equal("running", states[0][0].GetString());
        Assert.True(states[0][1].GetBoolean(), "the Plan button was enabled while the plan ran");
        Assert.True(states[0][2].GetBoolean(), "no progress bar while the plan ran");
        Assert.Equal("ready", states[states.GetArrayLength() - 1][0].GetString());
        Assert.False(await page.IsDisabledAsync("#fibre-plan"));
        Assert.False(await page.IsVisibleAsync("#fibre-progress"));

        // The summary equals the API with the same parameters.
        var plan = await Json($"/api/fibre/plan?region={Region}&minPopulation=200&backbone=towns&seconds=5");
        Assert.Equal("proxy", plan.GetProperty("network").GetString());
        var routes = plan.GetProperty("routes").GetInt32();
        Assert.True(routes > 0 && plan.GetProperty("connected").GetInt32() > 0, plan.ToString());
        var km = plan.GetProperty("km").GetDouble();
        var cost = plan.GetProperty("costTenge").GetDouble();
        var gap = plan.GetProperty("gapPercent").GetDouble();
        Assert.Equal(km, double.Parse((await page.GetAttributeAsync("#fibre-km", "data-value"))!, CultureInfo.InvariantCulture));
        Assert.Equal(km.ToString("N1", CultureInfo.InvariantCulture), await page.TextContentAsync("#fibre-km"));
        Assert.Equal(cost, double.Parse((await page.GetAttributeAsync("#fibre-cost", "data-value"))!, CultureInfo.InvariantCulture));
        Assert.Equal(Tenge(cost), await page.TextContentAsync("#fibre-cost"));
        Assert.Equal(gap, double.Parse((await page.GetAttributeAsync("#fibre-gap", "data-value"))!, CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(gap, 3).ToString("0.###", CultureInfo.InvariantCulture) + "%", await page.TextContentAsync("#fibre-gap"));
        Assert.Equal(plan.GetProperty("connected").GetInt32().ToString("N0", CultureInfo.InvariantCulture), await page.TextContentAsync("#fibre-connected"));
        Assert.Equal(plan.GetProperty("settlementsToConnect").GetInt32().ToString("N0", CultureInfo.InvariantCulture), await page.TextContentAsync("#fibre-to-connect"));
        Assert.Equal(km, await page.EvaluateAsync<double>("() => window.dala.fibre.km"));
        Assert.Equal(plan.GetProperty("geoJsonUrl").GetString(), await page.EvaluateAsync<string>("() => window.dala.fibre.geoJsonUrl"));

        // One SVG path per route, in the fibre pane above the points; the proxy network is stamped on the map.
        Assert.Equal(routes, await page.Locator("#map path.fibre-route").CountAsync());
        Assert.Equal(routes, await page.Locator("#map .leaflet-dalaFibre-pane path.fibre-route").CountAsync());
        Assert.Equal(routes.ToString(CultureInfo.InvariantCulture), await Hook(page, "fibreRoutes"));
        Assert.True(await page.IsVisibleAsync("#fibre-proxy-stamp"));
        var stamp = await page.TextContentAsync("#fibre-proxy-stamp") ?? "";
        Assert.Contains("PROXY NETWORK", stamp);
        Assert.Contains("no road data", stamp);

        // The download links answer: the GeoJSON has the plan's routes, the CSV one line per settlement.
        var geoJsonUrl = (await page.GetAttributeAsync("#fibre-geojson", "href"))!;
        Assert.Equal(plan.GetProperty("geoJsonUrl").GetString(), geoJsonUrl);
        var geo = await Json(geoJsonUrl);
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var features = geo.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(routes, features.Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "route"));
        var csvUrl = (await page.GetAttributeAsync("#fibre-csv", "href"))!;
        using (var csv = await server.Http.GetAsync(csvUrl))
        {
            Assert.True(csv.IsSuccessStatusCode, $"{csvUrl}: {csv.StatusCode}");
            var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("settlement_id,", lines[0]);
            Assert.Equal(plan.GetProperty("settlementsToConnect").GetInt32() + 1, lines.Length);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "fibre.png") });

        // Clicking the longest route opens its popup with both ends, km and tenge.
        var longest = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "route")
            .MaxBy(f => f.GetProperty("properties").GetProperty("km").GetDouble());
        var rp = longest.GetProperty("properties");
        var c = longest.GetProperty("geometry").GetProperty("coordinates");
        var (lon, lat) = ((c[0][0].GetDouble() + c[1][0].GetDouble()) / 2, (c[0][1].GetDouble() + c[1][1].GetDouble()) / 2);
        var (x, y) = await ScreenPoint(page, lat, lon);
        await page.Mouse.ClickAsync(x, y);
        var popup = page.Locator(".fibre-popup .fibre-pop");
        await popup.WaitForAsync(new() { Timeout = 5000 });
        var popupText = await popup.TextContentAsync() ?? "";
        Assert.Contains(rp.GetProperty("fromName").GetString()!, popupText);
        Assert.Contains(rp.GetProperty("toName").GetString()!, popupText);
        Assert.Equal(Km(rp.GetProperty("km").GetDouble()), await page.TextContentAsync(".fibre-pop-km"));
        Assert.Equal(Tenge(rp.GetProperty("costTenge").GetDouble()), await page.TextContentAsync(".fibre-pop-cost"));

        // A village's card shows its path to the backbone (km, tenge, the backbone's name), highlighted on the map.
        var path = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "path")
            .MaxBy(f => f.GetProperty("properties").GetProperty("via").GetInt32());
        var pp = path.GetProperty("properties");
        var village = pp.GetProperty("settlement").GetString()!;
        await page.EvaluateAsync("id => window.dala.openSettlement(id)", village);
        await page.WaitForFunctionAsync("id => document.body.dataset.fibrePath === id && document.getElementById('card-fibre')?.dataset.state === 'ready'",
            village, new() { Timeout = 15000 });
        Assert.Equal(pp.GetProperty("backboneName").GetString(), await page.TextContentAsync("#fibre-path-backbone"));
        Assert.Equal(Km(pp.GetProperty("km").GetDouble()), await page.TextContentAsync("#fibre-path-km"));
        Assert.Equal(Tenge(pp.GetProperty("costTenge").GetDouble()), await page.TextContentAsync("#fibre-path-cost"));
        Assert.Equal(1, await page.Locator("#map .leaflet-dalaFibrePath-pane path.fibre-path").CountAsync());
        Assert.True(await page.IsVisibleAsync(".fibre-path-tip"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "fibre-path.png") });

        // Closing the card removes the highlight; the routes stay.
        await page.ClickAsync("#card-close");
        Assert.Equal(0, await page.Locator("#map path.fibre-path").CountAsync());
        Assert.Null(await Hook(page, "fibrePath"));
        Assert.Equal(routes, await page.Locator("#map path.fibre-route").CountAsync());
        Assert.True(console.Count == 0, string.Join("\n", console));

        // A budget out of range: the server's 400 is shown (naming the parameter), the page does not hang.
        await page.FillAsync("#fibre-seconds", "99");
        await page.ClickAsync("#fibre-plan");
        await page.WaitForFunctionAsync("() => document.body.dataset.fibre === 'error'", null, new() { Timeout = 15000 });
        var shown = string.Join(" ", await page.Locator("#errors .error-message").AllInnerTextsAsync());
        Assert.Contains("Fibre plan", shown);
        Assert.Contains("seconds", shown);
        Assert.Contains("outside [1, 60]", shown);
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('fibre-seconds').classList.contains('invalid')"));
        Assert.False(await page.IsDisabledAsync("#fibre-plan"));
        Assert.Contains("seconds", await page.TextContentAsync("#fibre-error") ?? "");
        // The previous plan stays on the map, and the last plan JSON is still the good one.
        Assert.Equal(routes, await page.Locator("#map path.fibre-route").CountAsync());
        Assert.Equal(km, await page.EvaluateAsync<double>("() => window.dala.fibre.km"));
        // The only console errors are the browser's own lines about the 400 response.
        Assert.All(console, m => Assert.Contains("status of 400", m));

        // Turning the layer off removes the routes and the stamp.
        await page.UncheckAsync("#layer-fibre");
        Assert.Equal(0, await page.Locator("#map path.fibre-route").CountAsync());
        Assert.False(await page.IsVisibleAsync("#fibre-proxy-stamp"));
    }

    [ChromiumFact]
    public async Task A_shared_link_with_the_fibre_plan_and_route_draws_the_same_plan_and_popup_and_what_changes_is_written_to_it()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add(e);

        // The URL's fibre key reads and writes in one form; a malformed one names no plan.
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        var keys = await page.EvaluateAsync<JsonElement>(@"async () => {
            const u = await import('/urlstate.js');
            const round = h => u.serialise(u.parseHash(h, ['map']));
            return [round('#map?fibre=towns,200,5,KZ-59'), round('#map?fibre=fibre,0,60'), round('#map?fibre=towns,200'),
                    round('#map?fibre=towns,x,5'), round('#map?fibre=towns,1,2,%3Cb%3E'),
                    round('#map?route=osm-1,osm-2'), round('#map?route=osm-1'), round('#map?route=osm-1,%00'),
                    JSON.stringify(u.fibreToUrl({ region: null, minPopulation: '300', backbone: 'towns', seconds: '7' })),
                    JSON.stringify(u.fibreToUrl({ region: 'KZ-59', minPopulation: '2.5', backbone: 'towns', seconds: 5 }))];
        }");
        Assert.Equal(["#map?fibre=towns,200,5,KZ-59", "#map?fibre=fibre,0,60", "", "", "", "#map?route=osm-1,osm-2", "", "",
            """{"backbone":"towns","minPopulation":300,"seconds":7,"region":null}""", "null"],
            keys.EnumerateArray().Select(k => k.GetString()!).ToArray());

        // A shared link: the layer is on, the form has the link's parameters, and the plan drawn is the API's.
        await page.GotoAsync(server.Url + $"/#map?layers=fibre&fibre=towns,200,5,{Region}");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => ['ready', 'error'].includes(document.body.dataset.fibre)", null, new() { Timeout = 60000 });
        Assert.True(await Hook(page, "fibre") == "ready", $"the plan failed: {await page.TextContentAsync("#errors")}");
        Assert.True(await page.IsCheckedAsync("#layer-fibre"));
        Assert.Equal(Region, await page.InputValueAsync("#fibre-region"));
        Assert.Equal("towns", await page.InputValueAsync("#fibre-backbone"));
        Assert.Equal("200", await page.InputValueAsync("#fibre-min-population"));
        Assert.Equal("5", await page.InputValueAsync("#fibre-seconds"));
        var plan = await Json($"/api/fibre/plan?region={Region}&minPopulation=200&backbone=towns&seconds=5");
        Assert.Equal(plan.GetProperty("km").GetDouble(), await page.EvaluateAsync<double>("() => window.dala.fibre.km"));
        Assert.Equal(plan.GetProperty("routes").GetInt32(), await page.Locator("#map path.fibre-route").CountAsync());
        Assert.False(await page.IsVisibleAsync("#fibre-stale"));

        // Another plan made in the page is written to the URL (the entry replaced, not a new one).
        var length = await page.EvaluateAsync<int>("() => history.length");
        await page.FillAsync("#fibre-min-population", "300");
        Assert.True(await page.IsVisibleAsync("#fibre-stale"));
        await page.ClickAsync("#fibre-plan");
        await page.WaitForFunctionAsync($"() => location.hash.includes('fibre=towns,300,5,{Region}')", null, new() { Timeout = 60000 });
        Assert.Equal("ready", await Hook(page, "fibre"));
        Assert.Equal(length, await page.EvaluateAsync<int>("() => history.length"));
        var other = await Json($"/api/fibre/plan?region={Region}&minPopulation=300&backbone=towns&seconds=5");
        Assert.Equal(other.GetProperty("km").GetDouble(), await page.EvaluateAsync<double>("() => window.dala.fibre.km"));

        // An open route popup is in the URL too: the link opens the same plan with the same route's popup; closing it
        // takes the route out.
        await page.EvaluateAsync("() => { window.dala.fibreLayer.openRoute(0); }");
        var (from, to) = (await page.GetAttributeAsync(".fibre-popup .fibre-pop", "data-from"), await page.GetAttributeAsync(".fibre-popup .fibre-pop", "data-to"));
        var hash = await page.EvaluateAsync<string>("() => location.hash");
        Assert.Contains($"route={from},{to}", hash);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.fibre === 'ready'", null, new() { Timeout = 60000 });
        var popup = page.Locator(".fibre-popup .fibre-pop");
        await popup.WaitForAsync(new() { Timeout = 10000 });
        Assert.Equal(from, await popup.GetAttributeAsync("data-from"));
        Assert.Equal(to, await popup.GetAttributeAsync("data-to"));
        Assert.Equal("300", await page.InputValueAsync("#fibre-min-population"));
        await page.ClickAsync(".fibre-popup .leaflet-popup-close-button");
        await page.WaitForFunctionAsync("() => !location.hash.includes('route=')", null, new() { Timeout = 5000 });
        Assert.Contains($"fibre=towns,300,5,{Region}", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await server.Http.GetMadeStringAsync(url)).RootElement;

    private static async Task<string?> Hook(IPage page, string name) =>
        await page.EvaluateAsync<string?>($"() => document.body.dataset.{name} ?? null");

    private static async Task<(float, float)> ScreenPoint(IPage page, double lat, double lon)
    {
        var p = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const p = window.dala.map.latLngToContainerPoint([{lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)}]); " +
            "const r = document.getElementById('map').getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }");
        return (p.GetProperty("x").GetSingle(), p.GetProperty("y").GetSingle());
    }

    private static string Km(double km) => km.ToString("N1", CultureInfo.InvariantCulture) + " km";

    /// <summary>The page's tenge format: 22.6 bn ₸, 391 mn ₸, 13.3 mn ₸, 950,000 ₸.</summary>
    private static string Tenge(double v)
    {
        var a = Math.Abs(v);
        if (a >= 1e9) return (v / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " bn ₸";
        if (a >= 1e8) return Math.Round(v / 1e6).ToString("0", CultureInfo.InvariantCulture) + " mn ₸";
        if (a >= 1e6) return (v / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " mn ₸";
        return Math.Round(v).ToString("N0", CultureInfo.InvariantCulture) + " ₸";
    }
}

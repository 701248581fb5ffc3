using System.Globalization;
using System.Text.Json;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Radio.Coverage;
using Dala.Registry.Kato;
using Dala.Registry.Model;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The national OSM import with the KATO classifier matched in, SYNTHETIC radio sites with one coverage run (no
/// raster), and 40 valid tests in Akmola (KZ-11): everything a shared link, the search box and the region figures read.
/// </summary>
public sealed class NavServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store)
    {
        Assert.True(new KatoImporter(store, Clock).Import(SharedData.Kato).Report.Committed);
        new SyntheticSites(store, Clock).Seed(300, 3);
        new CoverageRunner(store, new SqliteCoverageStore(store), Clock).Run(new CoverageRequest(new CoverageSettings(), null, false, null, [], null));
        var start = Clock.Now.AddDays(-20);
        var tests = Enumerable.Range(0, 40).Select(i => new Measurement
        {
            Id = $"nav{i}", Time = start.AddHours(i), Access = Technology.FourG, OperatorId = "kcell", RegionCode = "KZ-11",
            DownMbps = 10 + i, Source = MeasurementSource.Import,
        }).ToList();
        new SqliteMeasurementStore(store).Append(tests, []);
    }

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Coverage = new SqliteCoverageStore(store) };
}

/// <summary>
/// State in the URL, search beyond names, region figures and the Progress choropleth, in real headless Chromium.
/// Screenshots go to artifacts/e2e.
/// </summary>
public class SharedUrlTests(NavServer server) : IClassFixture<NavServer>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [ChromiumFact]
    public async Task A_shared_url_lands_on_the_same_region_settlement_filters_layers_and_view_and_back_forward_walk_it()
    {
        await using var b = await Session.Start();
        var page = b.Page;
        var s = (await Json("/api/settlements?region=KZ-11&kind=village&minPopulation=1&pageSize=1")).GetProperty("items")[0];
        var (id, name, tech) = (s.GetProperty("id").GetString()!, s.GetProperty("name").GetString()!, s.GetProperty("technology").GetString()!);
        var expected = (await Json($"/api/settlements?region=KZ-11&kind=village,hamlet&technology={tech}&minPopulation=1&pageSize=1")).GetProperty("total").GetInt32();

        await page.GotoAsync(server.Url + $"/#map?region=KZ-11&s={Uri.EscapeDataString(id)}&kind=village,hamlet&tech={tech}&min=1&layers=sites&v=51.5,70.9,8.5");
        await Ready(page);
        await page.WaitForFunctionAsync("() => document.getElementById('settlement-card')?.dataset.state === 'ready'", null, new() { Timeout = 15000 });
        await page.WaitForFunctionAsync("() => document.getElementById('layer-sites')?.checked === true", null, new() { Timeout = 30000 });

        Assert.Equal(id, await page.GetAttributeAsync("#settlement-card", "data-id"));
        Assert.Contains(name, await page.TextContentAsync("#settlement-card") ?? "");
        Assert.Equal("KZ-11", await page.InputValueAsync("#filter-region"));
        Assert.Equal("1", await page.InputValueAsync("#filter-min-pop"));
        Assert.Equal("", await page.InputValueAsync("#filter-max-pop"));
        Assert.Equal(["village", "hamlet"], await Checked(page, "[id^=filter-kind-]"));
        Assert.Equal([tech], await Checked(page, "#tech-checks input"));
        Assert.Equal(expected.ToString(Inv), await page.TextContentAsync("#count-shown"));
        var view = await page.EvaluateAsync<JsonElement>("() => { const c = window.dala.map.getCenter(); return { lat: c.lat, lon: c.lng, zoom: window.dala.map.getZoom() }; }");
        Assert.InRange(view.GetProperty("lat").GetDouble(), 51.49, 51.51);
        Assert.InRange(view.GetProperty("lon").GetDouble(), 70.89, 70.91);
        Assert.InRange(view.GetProperty("zoom").GetDouble(), 8.49, 8.51);
        // The map's box changing size later (the synthetic banner coming in or growing) keeps the shared view's centre.
        var before = await page.EvaluateAsync<int>("() => window.dala.map.getSize().y");
        await page.EvaluateAsync("() => { const b = document.getElementById('synthetic-banner'); b.hidden = false; b.style.paddingBottom = '80px'; }");
        await page.WaitForFunctionAsync($"() => window.dala.map.getSize().y !== {before}", null, new() { Timeout = 10000 });
        var kept = await page.EvaluateAsync<JsonElement>("() => { const c = window.dala.map.getCenter(); return { lat: c.lat, lon: c.lng }; }");
        Assert.InRange(kept.GetProperty("lat").GetDouble(), 51.49, 51.51);
        Assert.InRange(kept.GetProperty("lon").GetDouble(), 70.89, 70.91);
        await page.EvaluateAsync("() => { document.getElementById('synthetic-banner').style.paddingBottom = ''; }");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "shared-url.png") });

        // A map move replaces the entry (no new history step); a tab makes one, and Back returns to the same view.
        var length = await page.EvaluateAsync<int>("() => history.length");
        await page.EvaluateAsync("() => { window.dala.map.setView([50.25, 72.5], 7, { animate: false }); }");
        await page.WaitForFunctionAsync("() => location.hash.includes('v=50.25,72.5,7')", null, new() { Timeout = 5000 });
        Assert.Equal(length, await page.EvaluateAsync<int>("() => history.length"));
        var hash = await page.EvaluateAsync<string>("() => location.hash");
        Assert.Contains($"s={Uri.EscapeDataString(id)}", hash);
        Assert.Contains("layers=sites", hash);
        await page.ClickAsync("#tab-progress");
        Assert.StartsWith("#progress?", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal(length + 1, await page.EvaluateAsync<int>("() => history.length"));
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.view === 'map'", null, new() { Timeout = 5000 });
        Assert.Equal(hash, await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("KZ-11", await page.InputValueAsync("#filter-region"));

        // Closing the card is a step of its own: Back opens it again.
        await page.ClickAsync("#card-close");
        Assert.DoesNotMatch("[?&]s=", await page.EvaluateAsync<string>("() => location.hash"));
        await page.GoBackAsync();
        await page.WaitForFunctionAsync($"() => document.getElementById('settlement-card')?.dataset.id === {JsonSerializer.Serialize(id)} && !document.getElementById('settlement-card').hidden", null, new() { Timeout = 10000 });

        // Old links (#tab only) still open their tab; a settlement in another tab's link opens its card without leaving the tab.
        await page.GotoAsync(server.Url + "/#progress");
        await page.WaitForFunctionAsync("() => document.body.dataset.view === 'progress'", null, new() { Timeout = 30000 });
        await page.GotoAsync(server.Url + $"/#progress?s={Uri.EscapeDataString(id)}");
        await page.ReloadAsync();
        await Ready(page);
        await page.WaitForFunctionAsync("() => document.getElementById('settlement-card')?.dataset.state === 'ready'", null, new() { Timeout = 15000 });
        Assert.Equal("progress", await page.EvaluateAsync<string>("() => document.body.dataset.view"));
        await page.ClickAsync("#tab-map");
        Assert.True(await page.IsVisibleAsync("#settlement-card"));
        b.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_radio_site_is_in_the_url_a_shared_link_opens_its_popup_and_closing_it_drops_it()
    {
        await using var b = await Session.Start();
        var page = b.Page;
        var sites = (await Json("/api/sites")).GetProperty("features");
        var (first, second) = (sites[0], sites[1]);
        var id = first.GetProperty("properties").GetProperty("id").GetString()!;
        const string SiteOfUrl = "() => new URLSearchParams(location.hash.split('?')[1] || '').get('site')";

        // A shared link with site= opens that site's popup once the sites are in.
        await page.GotoAsync(server.Url + $"/#map?layers=sites&site={Uri.EscapeDataString(id)}");
        await Ready(page);
        var popup = page.Locator(".site-popup .site-pop");
        await popup.WaitForAsync(new() { Timeout = 30000 });
        Assert.Equal(id, await popup.GetAttributeAsync("data-site-id"));
        Assert.Equal(id, await page.EvaluateAsync<string?>(SiteOfUrl));

        // Closing the popup takes the site out of the address; the layer stays.
        await page.ClickAsync(".site-popup .leaflet-popup-close-button");
        await page.WaitForFunctionAsync($"() => ({SiteOfUrl})() === null", null, new() { Timeout = 5000 });
        Assert.Contains("layers=sites", await page.EvaluateAsync<string>("() => location.hash"));

        // A click on a mast puts its site in the address (replacing the entry, not a new step).
        var length = await page.EvaluateAsync<int>("() => history.length");
        var c = second.GetProperty("geometry").GetProperty("coordinates");
        var (lat, lon) = (c[1].GetDouble().ToString("R", Inv), c[0].GetDouble().ToString("R", Inv));
        var pt = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const m = window.dala.map; m.setView([{lat}, {lon}], 10, {{ animate: false }}); const p = m.latLngToContainerPoint([{lat}, {lon}]); " +
            "const r = document.getElementById('map').getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }");
        await page.Mouse.ClickAsync(pt.GetProperty("x").GetSingle(), pt.GetProperty("y").GetSingle());
        var secondId = second.GetProperty("properties").GetProperty("id").GetString()!;
        await page.WaitForFunctionAsync($"() => ({SiteOfUrl})() === {JsonSerializer.Serialize(secondId)}", null, new() { Timeout = 10000 });
        Assert.Equal(secondId, await popup.GetAttributeAsync("data-site-id"));
        Assert.Equal(length, await page.EvaluateAsync<int>("() => history.length"));

        // An unknown site is dropped from the address once the sites are in.
        await page.GotoAsync(server.Url + "/#map?layers=sites&site=no-such-site");
        await page.ReloadAsync();
        await Ready(page);
        await page.WaitForFunctionAsync("() => document.body.dataset.radio === 'ready'", null, new() { Timeout = 30000 });
        await page.WaitForFunctionAsync($"() => ({SiteOfUrl})() === null", null, new() { Timeout = 5000 });
        Assert.Equal(0, await page.Locator(".site-popup").CountAsync());
        b.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Url_state_parses_and_serialises_and_coordinates_parse_in_every_form()
    {
        await using var b = await Session.Start();
        var page = b.Page;
        await page.GotoAsync(server.Url);
        await Ready(page);
        var r = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const u = await import('/urlstate.js'), s = await import('/search.js');
              const V = ['map', 'progress'];
              const round = h => u.serialise(u.parseHash(h, V));
              return {
                empty: round(''), tab: round('#progress'), unknownTab: u.parseHash('#nope', V).tab,
                full: round('#map?region=KZ-11&s=osm-1&q=akkol&kind=village,hamlet&tech=fibre&min=10&max=500&layers=sites,fibre&v=51.1,71.4,9&panel=KZ-11&target=fibre'),
                bad: JSON.stringify(u.parseHash('#map?min=-3&max=1e9x&v=95,10,3&tech=%3Cb%3E&region=%3Cscript%3E&s=%00x', V)),
                text: u.parseHash('#map?q=' + encodeURIComponent('Ақкөл, 51°') + '&s=' + encodeURIComponent('gn-1 2'), V),
                coords: ["51.13, 71.43", "51.13 71.43", "51°07'N 71°26'E", "N 51.13 E 71.43", "71.43E 51.13N", "51.13", "751010000", "Akkol", "95, 10"]
                  .map(q => JSON.stringify(s.parseCoordinates(q))),
                kato: ['751010000', ' 7510 ', '75 10', '7', 'x75', '7510100001'].map(q => s.katoPrefix(q)),
              };
            }
            """);
        Assert.Equal("", r.GetProperty("empty").GetString());
        Assert.Equal("#progress", r.GetProperty("tab").GetString());
        Assert.Equal("map", r.GetProperty("unknownTab").GetString());
        Assert.Equal("#map?region=KZ-11&s=osm-1&q=akkol&kind=village,hamlet&tech=fibre&min=10&max=500&layers=sites,fibre&v=51.1,71.4,9&panel=KZ-11&target=fibre",
            r.GetProperty("full").GetString());
        var bad = JsonDocument.Parse(r.GetProperty("bad").GetString()!).RootElement;
        foreach (var k in new[] { "minPop", "maxPop", "view", "s" }) Assert.Equal(JsonValueKind.Null, bad.GetProperty(k).ValueKind);
        Assert.Equal("", bad.GetProperty("region").GetString());
        Assert.Equal(0, bad.GetProperty("techs").GetArrayLength());
        Assert.Equal("Ақкөл, 51°", r.GetProperty("text").GetProperty("q").GetString());
        Assert.Equal("gn-1 2", r.GetProperty("text").GetProperty("s").GetString());
        string[] coords = [.. r.GetProperty("coords").EnumerateArray().Select(x => x.GetString()!)];
        Assert.Equal("""{"lat":51.13,"lon":71.43}""", coords[0]);
        Assert.Equal(coords[0], coords[1]);
        Assert.Equal("""{"lat":51.116667,"lon":71.433333}""", coords[2]);
        Assert.Equal(coords[0], coords[3]);
        Assert.Equal(coords[0], coords[4]);
        Assert.All(coords[5..], c => Assert.Equal("null", c));
        Assert.Equal("751010000|7510||||", string.Join('|', r.GetProperty("kato").EnumerateArray().Select(x => x.GetString())));
        b.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Search_finds_names_in_any_script_kato_codes_and_coordinates()
    {
        await using var b = await Session.Start();
        var page = b.Page;
        await page.GotoAsync(server.Url);
        await Ready(page);
        var items = (await Json("/api/settlements?region=KZ-11&pageSize=1000")).GetProperty("items").EnumerateArray().ToList();
        var withKato = items.First(x => x.GetProperty("katoCode").ValueKind == JsonValueKind.String);
        var kato = withKato.GetProperty("katoCode").GetString()!;

        // A full KATO code and a prefix: the map shows what the API's q finds (the same rule), and the export link carries it.
        foreach (var q in new[] { kato, kato[..4] })
        {
            var total = (await Json($"/api/settlements?q={q}&pageSize=1")).GetProperty("total").GetInt32();
            Assert.True(total >= 1, q);
            await page.FillAsync("#filter-q", q);
            await page.WaitForFunctionAsync($"() => document.body.dataset.filtered === '{total}'", null, new() { Timeout = 10000 });
            Assert.Contains($"q={q}", await page.GetAttributeAsync("#export-csv", "href"));
            Assert.Contains("KATO code", await page.TextContentAsync("#search-hint"));
        }
        Assert.Equal(1, (await Json($"/api/settlements?q={kato}&pageSize=1")).GetProperty("total").GetInt32());

        // A name in another script (Russian or Kazakh) finds the settlement as its Latin name does.
        var named = items.First(x => x.GetProperty("names").GetProperty("ru").ValueKind == JsonValueKind.String
                                     && x.GetProperty("names").GetProperty("ru").GetString() != x.GetProperty("name").GetString());
        var ru = named.GetProperty("names").GetProperty("ru").GetString()!;
        var ruTotal = (await Json($"/api/settlements?q={Uri.EscapeDataString(ru)}&pageSize=1")).GetProperty("total").GetInt32();
        await page.FillAsync("#filter-q", ru.ToUpperInvariant());
        await page.WaitForFunctionAsync($"() => document.body.dataset.filtered === '{ruTotal}'", null, new() { Timeout = 10000 });

        // Coordinates filter nothing: Enter flies there and opens the nearest settlement.
        var (lat, lon) = (withKato.GetProperty("lat").GetDouble() + 0.002, withKato.GetProperty("lon").GetDouble() - 0.002);
        var nearest = (await Json($"/api/settlements/nearest?lon={lon.ToString(Inv)}&lat={lat.ToString(Inv)}&count=1"))[0];
        var nearestId = nearest.GetProperty("settlement").GetProperty("id").GetString();
        await page.FillAsync("#filter-q", $"{lat.ToString("0.0000", Inv)}, {lon.ToString("0.0000", Inv)}");
        await page.PressAsync("#filter-q", "Enter");
        await page.WaitForFunctionAsync("() => document.body.dataset.filtered === '7098'", null, new() { Timeout = 10000 });
        await page.WaitForFunctionAsync("() => document.getElementById('settlement-card')?.dataset.state === 'ready'", null, new() { Timeout = 10000 });
        Assert.Equal(nearestId, await page.GetAttributeAsync("#settlement-card", "data-id"));
        Assert.Equal(nearestId, await page.GetAttributeAsync("#search-hint", "data-nearest"));
        var c = await page.EvaluateAsync<JsonElement>("() => { const c = window.dala.map.getCenter(); return [c.lat, c.lng, window.dala.map.getZoom()]; }");
        Assert.InRange(c[0].GetDouble(), lat - 0.001, lat + 0.001);
        Assert.InRange(c[1].GetDouble(), lon - 0.001, lon + 0.001);
        Assert.True(c[2].GetDouble() >= 10);

        await page.FillAsync("#filter-q", "51°07'N 71°26'E");
        await page.PressAsync("#filter-q", "Enter");
        await page.WaitForFunctionAsync("() => Math.abs(window.dala.map.getCenter().lat - 51.116667) < 0.001 && Math.abs(window.dala.map.getCenter().lng - 71.433333) < 0.001", null, new() { Timeout = 5000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "search-coordinates.png") });
        b.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Clicking_a_region_opens_its_figures_and_the_link_filters_the_map()
    {
        await using var b = await Session.Start();
        var page = b.Page;
        var all = Region(await Json("/api/progress?scope=all"), "KZ-11");
        var rural = Region(await Json("/api/progress?scope=rural"), "KZ-11");
        var covered = (await Json("/api/coverage/settlements")).EnumerateArray().Where(x => x.GetProperty("region").GetString() == "KZ-11").ToList();
        var quality = (await Json("/api/quality/aggregates?by=region")).EnumerateArray().Single(x => x.GetProperty("region").GetString() == "KZ-11");

        await page.GotoAsync(server.Url + "/#progress");
        await Ready(page);
        await page.WaitForFunctionAsync("() => document.body.dataset.dashboard === 'ready'", null, new() { Timeout = 30000 });
        await page.ClickAsync("#dash-regions button[data-region='KZ-11']");
        await page.WaitForFunctionAsync("() => document.getElementById('region-panel')?.dataset.state === 'ready'", null, new() { Timeout = 30000 });
        Assert.Contains("panel=KZ-11", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal([N(all.GetProperty("settlements")), N(rural.GetProperty("settlements"))], await Cells(page, "rp-settlements"));
        var people = await Cells(page, "rp-people");
        Assert.Contains($"known for {N(all.GetProperty("populationKnown"))} of {N(all.GetProperty("settlements"))}", people[0]);
        Assert.StartsWith(N(all.GetProperty("population")), people[0]);
        Assert.StartsWith(Pct(rural.GetProperty("broadband").GetProperty("share")), (await Cells(page, "rp-broadband"))[1]);
        Assert.StartsWith(Pct(all.GetProperty("fibre").GetProperty("share")), (await Cells(page, "rp-fibre"))[0]);
        Assert.StartsWith(Pct(all.GetProperty("mbps100").GetProperty("share")), (await Cells(page, "rp-mbps100"))[0]);
        var median = quality.GetProperty("downMbps").GetProperty("median").GetDouble();
        Assert.Contains($"{median.ToString("0.#", Inv)} Mbps", await page.TextContentAsync("#region-panel .rp-median"));
        Assert.Contains($"{N(quality.GetProperty("tests"))} valid tests", await page.TextContentAsync("#region-panel .rp-quality"));
        Assert.True(covered.Count > 0);
        Assert.Contains($"{Ni(covered.Count(x => x.GetProperty("covered").GetBoolean()))} of {Ni(covered.Count)} settlements covered",
            await page.TextContentAsync("#region-panel .rp-covered"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "region-panel.png") });

        // The link opens the map filtered to the region.
        var total = (await Json("/api/settlements?region=KZ-11&pageSize=1")).GetProperty("total").GetInt32();
        await page.ClickAsync("#region-panel .rp-link-map");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view === 'map' && document.body.dataset.filtered === '{total}'", null, new() { Timeout = 10000 });
        Assert.Equal("KZ-11", await page.InputValueAsync("#filter-region"));
        Assert.True(await page.IsHiddenAsync("#region-panel"));

        // A click on the map inside the region (away from any point) opens its figures too.
        var candidates = await page.EvaluateAsync<JsonElement>("""
            () => { const m = window.dala.map, size = m.getSize(), out = [], free = (x, y) => window.dala.points.hitTest(window.L.point(x, y)) < 0;
              for (let y = 40; y < size.y - 40; y += 17) for (let x = 40; x < size.x - 40; x += 19) {
                if (!free(x, y) || !free(x + 6, y + 6) || !free(x - 6, y - 6) || !free(x + 6, y - 6) || !free(x - 6, y + 6)) continue;
                const ll = m.containerPointToLatLng([x, y]); out.push({ x, y, lat: ll.lat, lon: ll.lng, d: Math.hypot(x - size.x / 2, y - size.y / 2) }); }
              return out.sort((a, b) => a.d - b.d).slice(0, 60); }
            """);
        JsonElement? spot = null;
        var seen = new List<string>();
        foreach (var cand in candidates.EnumerateArray())
        {
            var at = await server.Http.GetAsync($"/api/regions/at?lon={cand.GetProperty("lon").GetDouble().ToString(Inv)}&lat={cand.GetProperty("lat").GetDouble().ToString(Inv)}");
            var answer = await at.Content.ReadAsStringAsync();
            seen.Add(answer.Length > 40 ? answer[..40] : answer);
            if (at.IsSuccessStatusCode && answer.Contains("\"KZ-11\"", StringComparison.Ordinal)) { spot = cand; break; }
        }
        Assert.True(spot is not null, $"{candidates.GetArrayLength()} free spots: " + string.Join(" | ", seen));
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + spot.Value.GetProperty("x").GetSingle(), box.Y + spot.Value.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync("() => document.getElementById('region-panel')?.dataset.code === 'KZ-11' && !document.getElementById('region-panel').hidden", null, new() { Timeout = 10000 });

        // Back closes the figures again (opening them was a step); on a phone they are a bottom sheet within the screen.
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('region-panel').hidden", null, new() { Timeout = 5000 });
        b.AssertNoErrors();
        var phone = await b.NewPage(390, 844);
        await phone.GotoAsync(server.Url + "/#progress?panel=KZ-11");
        await b.Until(phone, "document.body.dataset.ready === '1'", 60000);
        await b.Until(phone, "document.getElementById('region-panel')?.dataset.state === 'ready'", 60000);
        var rect = await phone.EvaluateAsync<JsonElement>("() => { const r = document.getElementById('region-panel').getBoundingClientRect(); return [r.left, r.right, r.bottom]; }");
        Assert.True(rect[0].GetDouble() >= 0 && rect[1].GetDouble() <= 390 && rect[2].GetDouble() <= 844.5, rect.ToString());
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "region-panel-phone.png") });
        b.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Progress_choropleth_draws_one_path_per_region_with_a_fill_from_the_legend()
    {
        await using var b = await Session.Start();
        var page = b.Page;
        var shapes = (await Json("/api/regions?format=geojson")).GetProperty("features").EnumerateArray()
            .Count(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object);
        var progress = await Json("/api/progress?scope=rural");
        await page.GotoAsync(server.Url + "/#progress");
        await Ready(page);
        await page.WaitForFunctionAsync($"() => document.getElementById('progress-map')?.dataset.drawn === '{shapes}'", null, new() { Timeout = 30000 });
        await Fills(page, shapes);
        // Akmola's colour is its class: broadband share / 90%.
        var akmola = Region(progress, "KZ-11").GetProperty("broadband").GetProperty("share").GetDouble() / 0.9;
        string[] classes = ["#d73027", "#fc8d59", "#fee08b", "#a6d96a", "#1a9850"];
        var expected = classes[akmola < 0.25 ? 0 : akmola < 0.5 ? 1 : akmola < 0.75 ? 2 : akmola < 1 ? 3 : 4];
        Assert.Equal(expected, await page.GetAttributeAsync("#progress-map path[data-code='KZ-11']", "fill"));
        Assert.Contains(N(progress.GetProperty("national").GetProperty("settlements")), await page.TextContentAsync("#progress-map-base"));
        await page.Locator("#progress-map").ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "progress-map.png") });

        // Another target: the legend and every fill change, and the URL keeps the choice.
        await page.SelectOptionAsync("#progress-map-target", "fibre");
        await page.WaitForFunctionAsync("() => document.getElementById('progress-map').dataset.metric === 'fibre'", null, new() { Timeout = 5000 });
        var legend = await Fills(page, shapes);
        Assert.DoesNotContain("#1a9850", legend);
        Assert.Contains("target=fibre", await page.EvaluateAsync<string>("() => location.hash"));

        // A click on a region of the choropleth opens its figures.
        await page.Locator("#progress-map path[data-code='KZ-11']").DispatchEventAsync("click");
        await page.WaitForFunctionAsync("() => document.getElementById('region-panel')?.dataset.code === 'KZ-11'", null, new() { Timeout = 10000 });
        b.AssertNoErrors();
    }

    /// <summary>Every region path is filled with a colour of the legend; returns the legend's colours.</summary>
    private static async Task<string[]> Fills(IPage page, int shapes)
    {
        var legend = await page.EvalOnSelectorAllAsync<string[]>("#progress-map-legend .pm-swatch", "els => els.map(e => e.dataset.color)");
        var fills = await page.EvalOnSelectorAllAsync<string[]>("#progress-map path.progress-region", "els => els.map(e => e.getAttribute('fill'))");
        Assert.Equal(shapes, fills.Length);
        Assert.All(fills, f => Assert.Contains(f, legend));
        return legend;
    }

    private static JsonElement Region(JsonElement progress, string code) =>
        progress.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);

    private static async Task<string[]> Cells(IPage page, string row) =>
        await page.EvalOnSelectorAllAsync<string[]>($"#region-panel tr.{row} td", "els => els.map(e => e.textContent.trim())");

    private static async Task<string[]> Checked(IPage page, string selector) =>
        await page.EvalOnSelectorAllAsync<string[]>(selector, "els => els.filter(e => e.checked).map(e => e.value)");

    private static Task Ready(IPage page) =>
        page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });

    private static string N(JsonElement n) => Ni(n.GetInt64());

    private static string Ni(long n) => n.ToString("N0", Inv);

    private static string Pct(JsonElement share) => (share.GetDouble() * 100).ToString("0.0", Inv) + "%";

    private async Task<JsonElement> Json(string path) => JsonDocument.Parse(await server.Http.GetStringAsync(path)).RootElement;

    /// <summary>A browser and a 1400x900 page that collects console and page errors.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private IPlaywright _pw = null!;
        private IBrowser _browser = null!;
        private readonly List<string> _errors = [];
        public IPage Page { get; private set; } = null!;

        public static async Task<Session> Start()
        {
            var s = new Session();
            (s._pw, s._browser) = await Browser.LaunchAsync();
            s.Page = await s._browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
            s.Page.Console += (_, m) => { if (m.Type == "error") s._errors.Add(m.Text); };
            s.Page.PageError += (_, e) => s._errors.Add(e);
            return s;
        }

        public void AssertNoErrors() => Assert.True(_errors.Count == 0, string.Join("\n", _errors));

        /// <summary>A further page of the same browser (another screen size) whose errors are collected too.</summary>
        public async Task<IPage> NewPage(int width, int height)
        {
            var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            page.Console += (_, m) => { if (m.Type == "error") _errors.Add(m.Text); };
            page.PageError += (_, e) => _errors.Add(e);
            return page;
        }

        /// <summary>Waits for a condition; when it does not come, fails with what the page shows instead.</summary>
        public async Task Until(IPage page, string condition, int timeoutMs)
        {
            try
            {
                await page.WaitForFunctionAsync($"() => {condition}", null, new() { Timeout = timeoutMs });
            }
            catch (TimeoutException)
            {
                var seen = await page.EvaluateAsync<string>("""
                    () => JSON.stringify({ hash: location.hash, ready: document.body.dataset.ready ?? null, view: document.body.dataset.view ?? null,
                      panel: document.getElementById('region-panel')?.dataset.state ?? null, loading: document.getElementById('map-loading')?.textContent ?? null })
                    """);
                Assert.Fail($"{condition} did not hold in {timeoutMs} ms; the page: {seen}; errors: {string.Join(" | ", _errors)}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _pw.Dispose();
        }
    }
}

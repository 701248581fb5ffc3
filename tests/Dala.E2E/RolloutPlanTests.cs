using System.Globalization;
using System.Text.Json;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The web app over the national OSM import, the SYNTHETIC connectivity scenario and the SYNTHETIC radio layout
/// (`dala scenario sites`: 2,000 sites), with a plan store: what `dala serve` runs rollout plans on.
/// </summary>
public sealed class RolloutServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store) => new SyntheticSites(store, Clock).Seed(2000);

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Plans = new SqlitePlanStore(store) };
}

/// <summary>
/// The Rollout plan view and the plan layer in real headless Chromium: a regional plan with sensitivity runs as a job
/// with a progress bar, then its layer (technology colours, SYNTHETIC stamp), timeline, cost and tornado charts and the
/// settlement card's plan section show what the API holds; a second plan with another budget is compared with it; a
/// national plan is cancelled from the page; bad input names its fields. No timing asserts: every wait is for a state.
/// Screenshots go to artifacts/e2e.
/// </summary>
public class RolloutPlanTests(RolloutServer server) : IClassFixture<RolloutServer>
{
    private const string Region = "KZ-62";   // Ulytau: 86 settlements, a plan with sensitivity in a couple of seconds
    private const float Timeout = 90_000;

    [ChromiumFact]
    public async Task A_regional_plan_runs_as_a_job_and_its_layer_charts_card_and_comparison_show_the_api()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var problems = Watch(page);

        await server.SignInAsync(page);

        await page.GotoAsync(server.Url + "/#rollout");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1' && document.body.dataset.planList != null", null, new() { Timeout = 60000 });
        var saved = (await Json("/api/plans")).GetArrayLength();
        Assert.Equal("idle", await Hook(page, "plan"));
        Assert.True(await page.IsVisibleAsync("#plan-empty"));

        // Plan A: the region, sensitivity on. The page records the states it goes through.
        await page.SelectOptionAsync("#plan-region", Region);
        await page.FillAsync("#plan-name", "Ulytau A");
        await page.CheckAsync("#plan-sensitivity");
        await page.EvaluateAsync(@"() => {
            window.__planStates = [];
            new MutationObserver(() => window.__planStates.push([document.body.dataset.plan, document.body.dataset.planProgress ?? null,
                !document.getElementById('plan-progress').hidden, document.getElementById('plan-start').disabled,
                document.getElementById('plan-progress-label').textContent]))
              .observe(document.body, { attributes: true, attributeFilter: ['data-plan', 'data-plan-progress'] });
        }");
        await page.ClickAsync("#plan-start");
        var planA = await WaitForPlan(page);
        var states = await page.EvaluateAsync<JsonElement>("() => window.__planStates");
        var running = states.EnumerateArray().Where(s => s[0].GetString() == "running").ToArray();
        Assert.NotEmpty(running);
        Assert.All(running, s => Assert.True(s[2].GetBoolean() && s[3].GetBoolean(), $"progress hidden or Start enabled while running: {s}"));
        Assert.Contains(running, s => s[4].GetString()!.Contains('%', StringComparison.Ordinal));
        Assert.False(await page.IsVisibleAsync("#plan-progress"));
        Assert.Equal("1", await Hook(page, "planProgress"));
        var job = await Json($"/api/jobs/{await Hook(page, "planJob")}");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(planA, job.GetProperty("result").GetProperty("planId").GetInt64());

        // The open plan is the API's: name, NPV, gap, SYNTHETIC badge, the verdict.
        var detail = await Json($"/api/plans/{planA}");
        var summary = detail.GetProperty("summary");
        Assert.True(detail.GetProperty("synthetic").GetBoolean());
        Assert.Equal("Ulytau A", await page.TextContentAsync("#plan-title"));
        Assert.True(await page.IsVisibleAsync("#plan-open-synthetic"));
        Assert.Equal(Tenge(summary.GetProperty("totalNpvTenge").GetDouble()), await page.TextContentAsync("#plan-npv"));
        Assert.Equal(summary.GetProperty("targetsMet").GetBoolean() ? "true" : "false", await page.GetAttributeAsync("#plan-verdict", "data-met"));
        Assert.Equal(summary.GetProperty("targets").GetArrayLength(), await page.Locator("#plan-verdict .plan-target").CountAsync());

        // Timeline: the years of the summary, shares in percent, one marker dataset per target.
        await page.WaitForFunctionAsync("() => document.body.dataset.planTimeline === 'drawn' && document.body.dataset.planCosts === 'drawn'", null, new() { Timeout = 10000 });
        var timeline = await page.EvaluateAsync<JsonElement>(@"() => Chart.getChart('plan-timeline-chart').data.datasets.map(d => ({
            label: d.label, target: !!d.isTarget, ys: d.data.map(p => p.y), xs: d.data.map(p => p.x) }))");
        var years = summary.GetProperty("years").EnumerateArray().ToArray();
        var lines = timeline.EnumerateArray().Where(d => !d.GetProperty("target").GetBoolean()).ToArray();
        Assert.Equal(4, lines.Length);   // settlements and people, broadband and >= 100 Mbps
        foreach (var d in lines)
        {
            Assert.Equal(years.Length, d.GetProperty("ys").GetArrayLength());
            Assert.All(d.GetProperty("ys").EnumerateArray(), y => Assert.InRange(y.GetDouble(), 0, 100));
        }
        var broadband = lines.Single(d => d.GetProperty("label").GetString() == "Settlements on broadband").GetProperty("ys");
        for (var i = 0; i < years.Length; i++)
            Assert.Equal(Math.Round(years[i].GetProperty("broadbandShare").GetDouble() * 100, 2), broadband[i].GetDouble(), 2);
        Assert.Equal(summary.GetProperty("targets").GetArrayLength(), timeline.EnumerateArray().Count(d => d.GetProperty("target").GetBoolean()));
        // Lines that coincide stay visible: broadband and >= 100 Mbps differ in width and point style, and where they
        // end on the same share the >= 100 Mbps legend says since when it lies on broadband.
        var styles = await page.EvaluateAsync<string[]>(@"() => Chart.getChart('plan-timeline-chart').data.datasets.filter(d => !d.isTarget)
            .map(d => JSON.stringify([d.borderDash || [], d.borderWidth, d.pointStyle]))");
        Assert.Equal(4, styles.Distinct().Count());
        var lastYear = years[^1];
        var mbpsLabel = lines.Single(d => d.GetProperty("label").GetString()!.StartsWith("Settlements at ", StringComparison.Ordinal)).GetProperty("label").GetString()!;
        if (Math.Abs(lastYear.GetProperty("broadbandShare").GetDouble() - lastYear.GetProperty("mbps100Share").GetDouble()) < 0.0005)
            Assert.Contains("same as Broadband", mbpsLabel);
        else
            Assert.DoesNotContain("same as", mbpsLabel);

        // Cost by year: stacked bars whose total is the plan's capex; totals by technology as a table.
        var capex = summary.GetProperty("capexTenge").GetDouble();
        var drawn = double.Parse((await page.GetAttributeAsync("#plan-costs-chart", "data-total"))!, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(drawn - capex) <= Math.Max(2, capex * 1e-6), $"capex drawn {drawn}, plan {capex}");
        Assert.True(await page.EvaluateAsync<int>("() => Chart.getChart('plan-costs-chart').data.datasets.filter(d => d.type === 'bar').length") > 0);
        Assert.Equal(summary.GetProperty("technologies").GetArrayLength(), await page.Locator("#plan-tech-table tbody tr").CountAsync());

        // Tornado: four inputs, each with its −20% and +20% bar.
        Assert.Equal("drawn", await Hook(page, "planTornado"));
        Assert.Equal("4", await page.GetAttributeAsync("#plan-tornado-chart", "data-bars"));
        var tornado = await page.EvaluateAsync<JsonElement>("() => { const c = Chart.getChart('plan-tornado-chart'); return { labels: c.data.labels, bars: c.data.datasets.map(d => d.data.length) }; }");
        Assert.Equal(4, tornado.GetProperty("labels").GetArrayLength());
        Assert.All(tornado.GetProperty("bars").EnumerateArray(), n => Assert.Equal(4, n.GetInt32()));
        await Shot(page, "rollout-plan.png", tall: true);

        // The plan layer: every settlement of the GeoJSON, coloured by technology; the SYNTHETIC stamp.
        var geo = await Json($"/api/plans/{planA}.geojson");
        var features = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToArray();
        var settlements = features.Where(p => p.GetProperty("kind").GetString() == "settlement").ToArray();
        await page.ClickAsync("#plan-show-map");
        await page.WaitForFunctionAsync("() => document.body.dataset.view === 'map' && document.body.dataset.planLayer === 'drawn'", null, new() { Timeout = 15000 });
        Assert.Equal(settlements.Length.ToString(CultureInfo.InvariantCulture), await Hook(page, "planPoints"));
        Assert.Equal(features.Count(p => p.GetProperty("kind").GetString() == "fibre").ToString(CultureInfo.InvariantCulture), await Hook(page, "planFibre"));
        Assert.Equal(features.Count(p => p.GetProperty("kind").GetString() == "site").ToString(CultureInfo.InvariantCulture), await Hook(page, "planSites"));
        Assert.True(await page.IsVisibleAsync("#plan-synthetic-stamp"));
        Assert.Contains("SYNTHETIC", await page.TextContentAsync("#plan-synthetic-stamp") ?? "");
        Assert.True(await page.IsVisibleAsync("#layer-plan-syn"));
        var built = settlements.Where(p => p.GetProperty("option").GetString() is not ("served" or "existing-mobile") && p.GetProperty("year").ValueKind == JsonValueKind.Number)
            .GroupBy(p => p.GetProperty("technology").GetString()!).OrderByDescending(g => g.Count()).ToArray();
        Assert.True(built.Length >= 2, "the plan builds at least two technologies");
        var counts = await page.EvaluateAsync<JsonElement>("() => window.dala.rollout.layer.classCounts()");
        foreach (var g in built)
        {
            var cls = g.Key == "leo" ? "leo" : g.Key;
            Assert.Equal(g.Count(), counts.GetProperty(cls).GetInt32());
            // The legend lists it with its count, and the canvas holds its colour.
            Assert.Equal(g.Count().ToString("N0", CultureInfo.InvariantCulture),
                await page.TextContentAsync($"#plan-key [data-class='{cls}'] .key-count"));
        }
        foreach (var g in built.Take(2))
        {
            var colour = await page.EvaluateAsync<string>("c => window.dala.rollout.layer.classColor(c)", g.Key);
            Assert.True(await CanvasHas(page, colour), $"no {g.Key} ({colour}) pixels on the plan layer");
        }
        await Shot(page, "rollout-layer.png");

        // Clicking the largest settlement's point opens its card with its line of the plan.
        var big = settlements.Where(p => p.GetProperty("option").GetString() is not ("served" or "existing-mobile")).MaxBy(p => p.GetProperty("population").GetInt32());
        var bigId = big.GetProperty("id").GetString()!;
        var line = await Json($"/api/plans/{planA}/settlements/{bigId}");
        var (x, y) = await ScreenPoint(page, bigId);
        await page.Mouse.ClickAsync(x, y);
        await page.WaitForFunctionAsync("id => document.getElementById('settlement-card').dataset.id === id && document.body.dataset.planCard === 'ready'", bigId, new() { Timeout = 15000 });
        Assert.Equal(line.GetProperty("technology").GetString(), await page.GetAttributeAsync("#plan-card-tech", "data-technology"));
        Assert.Contains(line.GetProperty("reason").GetString()!, await page.TextContentAsync("#plan-card-reason") ?? "");
        var year = line.GetProperty("year");
        Assert.Equal(year.ValueKind == JsonValueKind.Number ? year.GetInt32().ToString(CultureInfo.InvariantCulture) : "", await page.GetAttributeAsync("#plan-card-year", "data-year"));
        Assert.Equal(Tenge(line.GetProperty("capexTenge").GetDouble()), await page.TextContentAsync("#plan-card-capex"));
        await Shot(page, "rollout-card.png");

        // A settlement outside the region is not in this plan (the API's 404 said in words).
        var outside = (await Json("/api/settlements?region=KZ-11&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        await page.EvaluateAsync("id => window.dala.openSettlement(id)", outside);
        await page.WaitForFunctionAsync("() => document.body.dataset.planCard === 'absent'", null, new() { Timeout = 15000 });
        Assert.Contains("Not in this plan", await page.TextContentAsync("#card-plan") ?? "");
        await page.ClickAsync("#card-close");

        // Plan B: the same region with a small budget; then compare A and B.
        await page.ClickAsync("#tab-rollout");
        await page.FillAsync("#plan-name", "Ulytau B");
        await page.UncheckAsync("#plan-sensitivity");
        await page.FillAsync("#plan-budget", "1");
        await page.ClickAsync("#plan-start");
        var planB = await WaitForPlan(page);
        Assert.NotEqual(planA, planB);
        Assert.Equal("empty", await Hook(page, "planTornado"));
        Assert.True(await page.IsVisibleAsync("#plan-tornado-empty"));
        Assert.Equal((saved + 2).ToString(CultureInfo.InvariantCulture), await Hook(page, "planList"));
        Assert.Equal(1, await page.Locator(".plan-item.is-open").CountAsync());
        Assert.Equal(saved + 2, await page.Locator(".plan-item .badge-synthetic").CountAsync());
        var bDetail = await Json($"/api/plans/{planB}");
        Assert.Equal(bDetail.GetProperty("summary").GetProperty("shortfalls").GetArrayLength(), await page.Locator("#plan-shortfalls li").CountAsync());

        await page.SelectOptionAsync("#plan-compare-a", planA.ToString(CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#plan-compare-b", planB.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#plan-compare-run");
        await page.WaitForFunctionAsync("() => ['drawn', 'error'].includes(document.body.dataset.planCompare)", null, new() { Timeout = 15000 });
        Assert.Equal("drawn", await Hook(page, "planCompare"));
        var cmp = await Json($"/api/plans/compare?a={planA}&b={planB}");
        Assert.Equal(cmp.GetProperty("settlements").GetArrayLength().ToString(CultureInfo.InvariantCulture), await Hook(page, "planCompareDiffs"));
        Assert.True(cmp.GetProperty("settlements").GetArrayLength() > 0, "a budget of 1 bn tenge a year changes some settlements");
        var table = await page.TextContentAsync("#plan-compare-table") ?? "";
        Assert.Contains("Ulytau A", table);
        Assert.Contains("Ulytau B", table);
        Assert.Contains(Tenge(cmp.GetProperty("a").GetProperty("totalNpvTenge").GetDouble()), table);
        Assert.Contains(Tenge(cmp.GetProperty("b").GetProperty("totalNpvTenge").GetDouble()), table);
        Assert.Equal((cmp.GetProperty("technologies").GetArrayLength() * 2).ToString(CultureInfo.InvariantCulture),
            await page.GetAttributeAsync("#plan-compare-chart", "data-bars"));
        Assert.True(await page.IsVisibleAsync("#plan-compare-synthetic"));
        await page.Locator("#plan-compare").ScrollIntoViewIfNeededAsync();
        await Shot(page, "rollout-compare.png");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [ChromiumFact]
    public async Task A_national_plan_can_be_cancelled_and_bad_input_names_its_fields()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        // A phone: the form works at 390 px.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var problems = Watch(page, allow: [422, 409]);
        await server.SignInAsync(page);
        await page.GotoAsync(server.Url + "/#rollout");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1' && document.body.dataset.planList != null", null, new() { Timeout = 60000 });
        var saved = (await Json("/api/plans")).GetArrayLength();

        // Bad input: the server's 422 is shown naming the fields, which are marked.
        await page.FillAsync("#plan-name", "bad");
        await page.FillAsync("#plan-permit-months", "99");
        await page.FillAsync("#plan-fibre-km", "-5");
        await page.ClickAsync("#plan-start");
        await page.WaitForFunctionAsync("() => document.body.dataset.plan === 'error'", null, new() { Timeout = 15000 });
        var shown = string.Join(" ", await page.Locator("#errors .error-message").AllInnerTextsAsync());
        Assert.Contains("Rollout plan", shown);
        Assert.Contains("permitLeadMonths", shown);
        Assert.Contains("fibreKmPerRegionYear", shown);
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('plan-permit-months').classList.contains('invalid') && document.getElementById('plan-fibre-km').classList.contains('invalid')"));
        Assert.False(await page.IsDisabledAsync("#plan-start"));
        await Shot(page, "rollout-phone-error.png");

        // A national plan, cancelled while it runs: the job ends cancelled, nothing is saved, the page says so.
        await page.FillAsync("#plan-permit-months", "12");
        await page.FillAsync("#plan-fibre-km", "2500");
        await page.SelectOptionAsync("#plan-region", "");
        await page.FillAsync("#plan-name", "National, cancelled");
        await page.ClickAsync("#plan-start");
        await page.WaitForFunctionAsync("() => document.body.dataset.plan === 'running' && document.body.dataset.planJob", null, new() { Timeout = 15000 });
        var jobId = await Hook(page, "planJob");
        await WaitForJob(jobId!, "running");
        Assert.True(await page.IsVisibleAsync("#plan-progress"));
        await Shot(page, "rollout-phone-running.png");
        await page.ClickAsync("#plan-cancel");
        await page.WaitForFunctionAsync("() => ['cancelled', 'ready', 'error'].includes(document.body.dataset.plan)", null, new() { Timeout = Timeout });
        Assert.Equal("cancelled", await Hook(page, "plan"));
        Assert.Equal("cancelled", (await Json($"/api/jobs/{jobId}")).GetProperty("status").GetString());
        Assert.Contains("Cancelled", await page.TextContentAsync("#plan-status") ?? "");
        Assert.Contains("nothing was saved", await page.TextContentAsync("#plan-status") ?? "");
        Assert.False(await page.IsVisibleAsync("#plan-progress"));
        Assert.False(await page.IsDisabledAsync("#plan-start"));
        Assert.Equal(saved, (await Json("/api/plans")).GetArrayLength());
        await Shot(page, "rollout-phone-cancelled.png");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // ------------------------------------------------------------------ helpers
    /// <summary>Waits for the job the page follows to end with an open plan; returns its id.</summary>
    private static async Task<long> WaitForPlan(IPage page)
    {
        await page.WaitForFunctionAsync("() => ['ready', 'error', 'cancelled'].includes(document.body.dataset.plan)", null, new() { Timeout = Timeout });
        Assert.True(await Hook(page, "plan") == "ready", $"the plan did not open: {await page.TextContentAsync("#plan-status")} {await page.TextContentAsync("#errors")}");
        return long.Parse((await Hook(page, "planId"))!, CultureInfo.InvariantCulture);
    }

    private async Task WaitForJob(string id, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var s = (await Json($"/api/jobs/{id}")).GetProperty("status").GetString();
            if (s == status) return;
            Assert.True(s is "queued" or "running", $"job {id} is {s}, waiting for {status}");
            await Task.Delay(100);
        }
        Assert.Fail($"job {id} never became {status}");
    }

    /// <summary>
    /// Page errors, and failed answers other than the allowed statuses. Always allowed: 404 from /api/coverage (a store
    /// without coverage runs) and from a plan's settlement line (a settlement outside the plan, which the card says).
    /// </summary>
    private static List<string> Watch(IPage page, int[]? allow = null)
    {
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        page.Response += (_, r) =>
        {
            var path = new Uri(r.Url).AbsolutePath;
            var expected404 = r.Status == 404 && (path == "/api/coverage" || (path.StartsWith("/api/plans/", StringComparison.Ordinal) && path.Contains("/settlements/", StringComparison.Ordinal)));
            if (r.Status >= 400 && !expected404 && !(allow ?? []).Contains(r.Status)) problems.Add($"{r.Status} {r.Url}");
        };
        return problems;
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await server.Http.GetStringAsync(url)).RootElement;

    private static async Task<string?> Hook(IPage page, string name) =>
        await page.EvaluateAsync<string?>($"() => document.body.dataset.{name} ?? null");

    /// <summary>Whether the plan layer's canvas has a pixel within a small distance of a colour (points are 95% opaque).</summary>
    private static Task<bool> CanvasHas(IPage page, string hex) => page.EvaluateAsync<bool>(@"hex => {
        const v = parseInt(hex.slice(1), 16), rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
        const c = document.querySelector('.leaflet-dalaPlan-pane canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 200 && Math.abs(d[i] - rgb[0]) <= 16 && Math.abs(d[i + 1] - rgb[1]) <= 16 && Math.abs(d[i + 2] - rgb[2]) <= 16) return true;
        }
        return false;
      }", hex);

    /// <summary>Where a plan settlement is on the screen.</summary>
    private static async Task<(float, float)> ScreenPoint(IPage page, string id)
    {
        var p = await page.EvaluateAsync<JsonElement>(@"id => {
            const l = window.dala.rollout.layer, s = l.items[l.byId.get(id)];
            const q = window.dala.map.latLngToContainerPoint([s.lat, s.lon]);
            const r = document.getElementById('map').getBoundingClientRect();
            return { x: r.left + q.x, y: r.top + q.y };
          }", id);
        return (p.GetProperty("x").GetSingle(), p.GetProperty("y").GetSingle());
    }

    private static async Task Shot(IPage page, string name, bool tall = false)
    {
        if (tall)
        {
            var size = page.ViewportSize!;
            await page.SetViewportSizeAsync(size.Width, 2600);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), name) });
            await page.SetViewportSizeAsync(size.Width, size.Height);
            return;
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), name) });
    }

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

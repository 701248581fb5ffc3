using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Platform.Accounts;
using Dala.Registry.Import;
using Dala.Registry.Indicators;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>/api/indicators and /report: reported beside derived values, targets, analysts' uploads, bad input named, the report's pages.</summary>
public sealed class IndicatorsApiTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _http = null!;
    private SqliteRegistryStore _store = null!;
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public async Task InitializeAsync()
    {
        _store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(_store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(_store, Clock).Import(SharedData.SettlementsCsv).Committed);
        new SyntheticScenario(_store, Clock).Seed();
        var indicators = new SqliteIndicatorStore(_store);
        indicators.Save(DefaultIndicators.All);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(_store, Clock, Target.Defaults)
        {
            Indicators = indicators, Accounts = new SqliteAccountStore(_store), Plans = new SqlitePlanStore(_store),
        });
        await _app.StartAsync();
        _http = _app.GetTestClient().As(_app, Role.Analyst);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> Json(string url)
    {
        var r = await _http.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_list_shows_reported_figures_with_sources_beside_the_derived_ones_and_the_targets()
    {
        var list = (await Json("/api/indicators")).EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        var users = list["internet-users"];
        Assert.Equal(88, users.GetProperty("target").GetDouble());
        Assert.Equal("2025-12-31", users.GetProperty("targetDate").GetString());
        var fibre = list["settlements-on-fibre"];
        Assert.Equal(2606, fibre.GetProperty("latestReported").GetProperty("value").GetDouble());
        Assert.Contains("programme", fibre.GetProperty("latestReported").GetProperty("source").GetString());
        // The derived figure is the registry's own count today (the same rule as /api/progress).
        var view = new RegistryView(_store.ReadSnapshot(), DateOnly.FromDateTime(Clock.Now.UtcDateTime));
        var progress = ProgressCalculator.Compute(view, "rural", null, Target.Defaults);
        var derived = fibre.GetProperty("latestDerived");
        Assert.Equal(progress.National.Fibre.Settlements, derived.GetProperty("value").GetDouble());
        Assert.True(derived.GetProperty("derived").GetBoolean());
        Assert.True(derived.GetProperty("synthetic").GetBoolean());
        var mbps = list["mbps100-share"];
        Assert.Equal(100, mbps.GetProperty("target").GetDouble());
        Assert.Equal(100 * progress.National.Mbps100.Share, mbps.GetProperty("latestDerived").GetProperty("value").GetDouble(), 9);
        Assert.False(list.ContainsKey("fibre-km-planned"));

        var region = progress.Regions[0];
        var regional = (await Json($"/api/indicators/broadband-share?region={region.Code}"));
        Assert.Equal(region.Code, regional.GetProperty("region").GetString());
        Assert.Equal(100 * region.Figures.Broadband.Share, regional.GetProperty("values").EnumerateArray().Single().GetProperty("value").GetDouble(), 9);
        var series = await Json("/api/indicators/settlements-on-fibre");
        Assert.Contains(series.GetProperty("values").EnumerateArray(), v => !v.GetProperty("derived").GetBoolean() && v.GetProperty("value").GetDouble() == 2606);
    }

    [Fact]
    public async Task Unknown_parameters_regions_and_ids_are_refused()
    {
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/api/indicators?zzz=1"), "zzz");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/api/indicators?region=KZ-NOPE"), "region");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/api/indicators/traffic?since=2020"), "since");
        await ProblemAssert.Is(HttpStatusCode.NotFound, await _http.GetAsync("/api/indicators/no-such"));
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/report?x=1"), "x");
    }

    [Fact]
    public async Task Analysts_post_csv_or_json_and_bad_values_are_named_with_nothing_stored()
    {
        var csv = "indicator,name,unit,date,value,source,target,target_date\n" +
                  "internet-users,\"Internet users, share of the population\",%,2023-12-31,88.1,Bureau of National Statistics,88,2025-12-31\n";
        var ok = await _http.PostAsync("/api/indicators", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(88.1, (await Json("/api/indicators")).EnumerateArray().Single(e => e.GetProperty("id").GetString() == "internet-users")
            .GetProperty("latestReported").GetProperty("value").GetDouble());

        var before = new SqliteIndicatorStore(_store).Read();
        var bad = csv + "internet-users,\"Internet users, share of the population\",%,2024-12-31,lots,Bureau,88,2025-12-31\n";
        var problem = await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity,
            await _http.PostAsync("/api/indicators", new StringContent(bad, Encoding.UTF8, "text/csv")), "line 3: value");
        Assert.Contains("not a number", problem.GetProperty("errors").GetProperty("line 3: value")[0].GetString());
        await ProblemAssert.Names(HttpStatusCode.BadRequest,
            await _http.PostAsync("/api/indicators", new StringContent("what,ever\n1,2\n", Encoding.UTF8, "text/csv")), "line 1: header");

        var json = """{"values": [{"indicator": "traffic", "name": "Internet traffic", "unit": "PB", "date": "2022-06-30", "value": 9000, "source": "operators"}]}""";
        var posted = await _http.PostAsync("/api/indicators", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.PostAsync("/api/indicators", new StringContent(
            """{"values": [{"indicator": "traffic", "value": "9000", "colour": "red"}]}""", Encoding.UTF8, "application/json")), "values[0].value", "values[0].colour");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _http.PostAsync("/api/indicators", new StringContent(
            """{"values": [{"indicator": "traffic", "name": "Internet traffic", "unit": "PB", "date": "2022-06-31", "value": 1, "source": "x", "region": "KZ-ZZ"}]}""",
            Encoding.UTF8, "application/json")), "values[0].date", "values[0].region");
        var after = new SqliteIndicatorStore(_store).Read();
        Assert.Equal(before.Points.Count + 1, after.Points.Count);
        Assert.Equal(9000, after.Points.Single(p => p.IndicatorId == "traffic" && p.Date == new DateOnly(2022, 6, 30)).Value);
    }

    [Fact]
    public async Task Anonymous_callers_read_but_cannot_post()
    {
        var anonymous = _app!.GetTestClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/indicators",
            new StringContent("{\"values\": []}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task The_report_is_html_with_a_page_for_the_country_and_each_region_and_marks_synthetic_figures()
    {
        var r = await _app!.GetTestClient().GetAsync("/report");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        var html = await r.Content.ReadAsStringAsync();
        var pages = System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"page\" data-region=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["KZ", .. _store.ReadSnapshot().Regions.Select(x => x.Code).Order(StringComparer.Ordinal)], pages);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data:image/svg+xml;base64,", html);
        Assert.Contains(ReportHtmlMark, html);
        Assert.Contains("No rollout plan has been saved yet.", html);
        Assert.Contains("Internet users, share of the population", html);
        Assert.Contains("page-break-after: always", html);
    }

    private const string ReportHtmlMark = "<span class=\"synthetic\">synthetic</span>";
}

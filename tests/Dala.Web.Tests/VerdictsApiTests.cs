using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>/api/quality/obligations, /verdicts, /verdicts/evidence and /sample-size: answers, versions, and bad input as 400/422 naming the field.</summary>
public sealed class VerdictsApiTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var clock = FakeClock.At("2026-11-21T12:00:00Z");
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        var measurements = new SqliteMeasurementStore(store);
        var tests = new List<Measurement>();
        for (var i = 0; i < 40; i++)
            tests.Add(new Measurement
            {
                Id = $"t{i}", Time = DateTimeOffset.Parse("2026-10-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(i),
                Access = Technology.FourG, OperatorId = "kcell", RegionCode = "KZ-71", DownMbps = i < 30 ? 2 : 20, Source = MeasurementSource.Import,
                Location = new Geo.LonLat(71.4 + i * 0.001, 51.1),
            });
        tests.Add(tests[0] with { Id = "synthetic", DownMbps = 50, Synthetic = true });
        measurements.Append(tests, []);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, clock, Target.Defaults, null, measurements) { Obligations = new SqliteObligationStore(store) });
        await _app.StartAsync();
        _http = _app.GetTestClient().As(_app);
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

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Verdicts_come_from_the_stored_obligations_with_the_interval()
    {
        var rows = await Json("/api/quality/verdicts?from=2026-10-01&to=2026-10-31&obligation=4g-down-5");
        var row = rows.EnumerateArray().Single();
        Assert.Equal(("kcell", "KZ-71", 40, 10), (row.GetProperty("operator").GetString(), row.GetProperty("region").GetString(), row.GetProperty("n").GetInt32(), row.GetProperty("k").GetInt32()));
        Assert.Equal("violation", row.GetProperty("verdict").GetString());
        var ci = Quality.Verdicts.ShareInterval.ClopperPearson(10, 40, 0.95);
        Assert.Equal(ci.High, row.GetProperty("ci_high").GetDouble());
        var csv = await _http.GetStringAsync("/api/quality/verdicts?from=2026-10-01&to=2026-10-31&format=csv");
        Assert.StartsWith("obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict", csv, StringComparison.Ordinal);
        var html = await _http.GetStringAsync("/api/quality/verdicts/evidence?obligation=4g-down-5&operator=kcell&region=KZ-71&from=2026-10-01&to=2026-10-31");
        Assert.Contains("<svg class=\"interval\"", html);
        Assert.DoesNotContain(">synthetic<", html);
        var tests = await _http.GetStringAsync("/api/quality/verdicts/evidence?obligation=4g-down-5&operator=kcell&region=KZ-71&from=2026-10-01&to=2026-10-31&format=csv");
        Assert.Equal(41, tests.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_post_is_a_new_version_and_history_keeps_both()
    {
        var body = "{\"id\":\"4g-down-5\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":0.2,\"confidence\":0.95,\"by\":[\"operator\",\"region\"]}";
        var r = await _http.PostAsync("/api/quality/obligations", Body(body));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync("/api/quality/obligations", Body(body))).StatusCode);
        var history = await Json("/api/quality/obligations/4g-down-5/history");
        Assert.Equal([1, 2], history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var row = (await Json("/api/quality/verdicts?from=2026-10-01&to=2026-10-31&obligation=4g-down-5")).EnumerateArray().Single();
        Assert.Equal((2, "inconclusive"), (row.GetProperty("obligation_version").GetInt32(), row.GetProperty("verdict").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/quality/obligations/nothing/history")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_or_422_naming_the_field()
    {
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.PostAsync("/api/quality/obligations", Body("{\"id\":\"a\",\"threshold\":\"five\"}")), "$.threshold");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity,
            await _http.PostAsync("/api/quality/obligations", Body("{\"id\":\"a\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":2}")), "$.share");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await _http.PostAsync("/api/quality/obligations", Body("{not json")));
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/api/quality/verdicts?from=2026-13-01&to=x"), "from", "to");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/api/quality/verdicts?from=2026-10-01&to=2026-10-31&sources=all2"), "sources");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync("/api/quality/sample-size?share=1.5"), "share", "expected");
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/quality/verdicts?from=2026-10-01&to=2026-10-31&obligation=nope")).StatusCode);
    }

    [Fact]
    public async Task Sample_size_answers_n_and_the_deciding_range()
    {
        var plan = await Json("/api/quality/sample-size?share=0.9&expected=0.7");
        var n = plan.GetProperty("n").GetInt32();
        Assert.True(n > 10 && n < 100, $"n = {n}");
        Assert.Equal("violation", plan.GetProperty("decides").GetString());
        Assert.True(plan.GetProperty("probability").GetDouble() >= 0.8);
    }
}

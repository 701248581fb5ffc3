using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Events.Disruption;
using Dala.Events.Synthetic;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>/api/events: the SYNTHETIC Astana Arena event's capacity and disruption, adding events, and bad input as 400/422 naming the field.</summary>
public sealed class EventsApiTests : IAsyncLifetime
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        var measurements = new SqliteMeasurementStore(store);
        var events = new SqliteEventStore(store);
        var e = AstanaArenaDemo.Event(Clock.Now);
        AstanaArenaDemo.PlaceSites(store, Clock);
        events.Add(e, "test", Clock.Now);
        var tests = SyntheticEventTests.Make(e, ["synthetic-a", "synthetic-b"], 30, 3, new Dictionary<string, double> { ["synthetic-b"] = 0.6 }, DisruptionSettings.Default);
        measurements.Append(SyntheticEventTests.Measurements(tests), []);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults, null, measurements) { Events = events });
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

    [Fact]
    public async Task The_synthetic_event_shows_a_deficit_and_a_flagged_operator()
    {
        var list = await Json("/api/events");
        Assert.Equal(("astana-arena-concert", true, 30_000), (list[0].GetProperty("id").GetString(), list[0].GetProperty("synthetic").GetBoolean(), list[0].GetProperty("crowd").GetInt32()));
        Assert.Equal(0.4, (await Json("/api/events/astana-arena-concert")).GetProperty("place").GetProperty("radiusKm").GetDouble());

        var cap = await Json("/api/events/astana-arena-concert/capacity");
        Assert.True(cap.GetProperty("synthetic").GetBoolean());
        Assert.Equal(1058.7, Math.Round(cap.GetProperty("deficitMbps").GetDouble(), 1));
        Assert.Equal("equal", cap.GetProperty("split").GetString());
        Assert.Equal(["synthetic-a", "synthetic-b", "synthetic-c"], cap.GetProperty("operators").EnumerateArray().Select(o => o.GetProperty("operator").GetString()));
        Assert.Contains(cap.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains("ITU-R M.2134", StringComparison.Ordinal));
        // Half the load: the sectors carry twice as much, so the deficit shrinks.
        Assert.True((await Json("/api/events/astana-arena-concert/capacity?load=0.25")).GetProperty("deficitMbps").GetDouble() < 1058.7);

        var d = await Json("/api/events/astana-arena-concert/disruption");
        Assert.True(d.GetProperty("synthetic").GetBoolean());
        var ops = d.GetProperty("operators").EnumerateArray().ToArray();
        Assert.Equal([("synthetic-a", false), ("synthetic-b", true)], ops.Select(o => (o.GetProperty("operator").GetString(), o.GetProperty("flagged").GetBoolean())));
        Assert.Equal(60, ops[1].GetProperty("stream").GetArrayLength());
        Assert.True(ops[1].GetProperty("pettittP").GetDouble() < 0.05 && ops[1].GetProperty("dropLow").GetDouble() > 0);

        var csv = await _http.GetAsync("/api/events/astana-arena-concert/disruption?format=csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("event,operator,verdict,flagged", text);
        Assert.Contains("astana-arena-concert,synthetic-b,disrupted,true,", text);
        Assert.EndsWith(",true", text.TrimEnd());
    }

    [Theory]
    [InlineData("/api/events?zzz=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/events/astana-arena-concert/capacity?load=2", HttpStatusCode.BadRequest)]
    [InlineData("/api/events/astana-arena-concert/capacity?reachKm=x", HttpStatusCode.BadRequest)]
    [InlineData("/api/events/astana-arena-concert/disruption?weeks=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/events/astana-arena-concert/disruption?format=xml", HttpStatusCode.BadRequest)]
    [InlineData("/api/events/nope/capacity", HttpStatusCode.NotFound)]
    [InlineData("/api/events/nope", HttpStatusCode.NotFound)]
    public async Task Bad_queries_are_problems(string url, HttpStatusCode status)
    {
        var r = await _http.GetAsync(url);
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Events_are_added_and_bad_bodies_name_the_field()
    {
        const string good = """{"id":"nauryz","name":"Nauryz","place":{"type":"polygon","coordinates":[[71.41,51.12],[71.42,51.12],[71.42,51.13]]},"start":"2026-03-22T11:00:00+05:00","end":"2026-03-22T21:00:00+05:00","crowd":50000}""";
        var created = await _http.PostAsync("/api/events", new StringContent(good, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("polygon", (await Json("/api/events/nauryz")).GetProperty("place").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync("/api/events", new StringContent(good, Encoding.UTF8, "application/json"))).StatusCode);
        foreach (var (body, status, field) in new[]
        {
            ("""{"id":"x","name":"X","place":{"type":"circle","lon":71,"lat":51,"radiusKm":99},"start":"2026-03-22T10:00:00Z","end":"2026-03-22T11:00:00Z","crowd":5}""", 422, "place.radiusKm"),
            ("""{"id":"x","name":"X","place":{"type":"circle","lon":71,"lat":51,"radiusKm":1},"start":"2026-03-22T10:00:00Z","end":"2026-03-22T09:00:00Z","crowd":5}""", 422, "end"),
            ("""{"id":"x","name":"X","place":{"type":"circle","lon":71,"lat":51,"radiusKm":1},"start":"2026-03-22T10:00:00Z","end":"2026-03-22T11:00:00Z","crowd":"many"}""", 400, "crowd"),
            ("""{"id":"Bad Id","name":"X","place":{"type":"circle","lon":71,"lat":51,"radiusKm":1},"start":"2026-03-22T10:00:00Z","end":"2026-03-22T11:00:00Z","crowd":5}""", 422, "id"),
            ("""{"id":"x","name":"X","place":{"type":"square"},"start":"2026-03-22T10:00:00Z","end":"2026-03-22T11:00:00Z","crowd":5,"extra":1}""", 400, "extra"),
        })
        {
            var r = await _http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await r.Content.ReadAsStringAsync();
            Assert.True((int)r.StatusCode == status, $"{body}: {(int)r.StatusCode} {text}");
            Assert.Contains($"\"{field}\"", text);
        }
        Assert.Equal(2, (await Json("/api/events")).GetArrayLength());
    }
}

using System.Net;
using System.Text.Json;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>GET /api/quality/rankings, /trend and /opendata/tiles: real figures, SYNTHETIC labelled, every bad parameter a named 400.</summary>
public sealed class RankingsApiTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var clock = FakeClock.At("2026-11-21T12:00:00Z");
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, clock).Import(SharedData.RegionsGeoJson).Committed);
        var measurements = new SqliteMeasurementStore(store);
        // KZ-71: 4 tests a month from 4 networks at 100 Mbit/s (+ month), KZ-75: 3 tests at 50; one SYNTHETIC KZ-11 region of 9 tests at 500.
        var list = new List<Measurement>();
        foreach (var month in new[] { 9, 10 })
        {
            for (var i = 0; i < 4; i++) list.Add(T($"a{month}-{i}", month, "KZ-71", 100 + month, $"10.1.{i}.0/24", "1210331310210303"));
            for (var i = 0; i < 3; i++) list.Add(T($"b{month}-{i}", month, "KZ-75", 50, $"10.2.{i}.0/24", "1210331310210312"));
            for (var i = 0; i < 9; i++) list.Add(T($"s{month}-{i}", month, "KZ-11", 500, $"10.3.{i}.0/24", "1210331310210313") with { Synthetic = true });
        }
        measurements.Append(list, []);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, clock, Target.Defaults, null, measurements));
        await _app.StartAsync();
        _http = _app.GetTestClient().As(_app);
    }

    private static Measurement T(string id, int month, string region, double down, string net, string quadkey) => new()
    {
        Id = id, Time = new DateTimeOffset(2026, month, 3, 12, 0, 0, TimeSpan.Zero), Source = MeasurementSource.Import, RegionCode = region,
        OperatorId = "kcell", DownMbps = down, UpMbps = down / 5, LatencyMs = 20, ClientNetwork = net, Quadkey = quadkey,
    };

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> Json(string url)
    {
        var r = await _http.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Rankings_apply_the_sample_rule_and_leave_synthetic_out_unless_asked()
    {
        var j = await Json("/api/quality/rankings?by=region&minTests=4&minNetworks=4");
        Assert.False(j.GetProperty("synthetic").GetBoolean());
        var month = Assert.Single(j.GetProperty("months").EnumerateArray());
        Assert.Equal("2026-10", month.GetProperty("month").GetString());
        var rows = month.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["KZ-71", "KZ-75"], rows.Select(r => r.GetProperty("region").GetString()));
        Assert.Equal(1, rows[0].GetProperty("rank").GetInt32());
        Assert.Equal(0, rows[0].GetProperty("rankChange").GetInt32());
        Assert.Equal(110, rows[0].GetProperty("downMedianMbps").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("rank").ValueKind);
        Assert.Equal("too few tests: 3 < 4", rows[1].GetProperty("note").GetString());
        Assert.Equal("tile-weighted mean (Ookla open data)", j.GetProperty("tiles").GetProperty("method").GetString());

        var s = await Json("/api/quality/rankings?by=region&minTests=3&minNetworks=3&includeSynthetic=true&month=2026-09");
        Assert.True(s.GetProperty("synthetic").GetBoolean());
        Assert.Contains("SYNTHETIC", s.GetProperty("note").GetString());
        var first = s.GetProperty("months")[0].GetProperty("rows")[0];
        Assert.Equal(("KZ-11", 1), (first.GetProperty("region").GetString(), first.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Rankings_csv_trend_and_open_data_tiles()
    {
        var csv = await _http.GetAsync("/api/quality/rankings?from=2026-09&to=2026-10&minTests=1&minNetworks=1&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("month,region,operator,rank,", lines[0]);
        Assert.EndsWith(",synthetic", lines[0]);
        Assert.Equal(5, lines.Length);

        var trend = await Json("/api/quality/trend?by=region&minTests=1&minNetworks=1");
        Assert.Equal(["2026-09", "2026-10"], trend.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Kazakhstan", trend.GetProperty("country").GetProperty("label").GetString());
        Assert.Equal(7, trend.GetProperty("country").GetProperty("points")[0].GetProperty("tests").GetInt32());
        Assert.Equal(2, trend.GetProperty("series").GetArrayLength());

        var geo = await _http.GetAsync("/api/quality/opendata/tiles");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var features = JsonDocument.Parse(await geo.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(["1210331310210303", "1210331310210312"], features.Select(f => f.GetProperty("properties").GetProperty("quadkey").GetString()));
        Assert.All(features, f => Assert.False(f.GetProperty("properties").GetProperty("synthetic").GetBoolean()));
        Assert.Equal(5, features[0].GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());

        var withSynthetic = await (await _http.GetAsync("/api/quality/opendata/tiles?format=csv&includeSynthetic=true&minTests=7&from=2026-10")).Content.ReadAsStringAsync();
        var rows = withSynthetic.TrimEnd('\n').Split('\n');
        Assert.Equal(2, rows.Length); // the SYNTHETIC tile has 9 tests in October; the others 4 and 3
        Assert.StartsWith("1210331310210313,", rows[1]);
        Assert.Contains(",true,9", rows[1]);
    }

    [Theory]
    [InlineData("/api/quality/rankings?by=district", "by")]
    [InlineData("/api/quality/rankings?month=2026-13", "month")]
    [InlineData("/api/quality/rankings?month=2026-10&from=2026-01", "month")]
    [InlineData("/api/quality/rankings?from=2026-10&to=2026-01", "to")]
    [InlineData("/api/quality/rankings?minTests=abc", "minTests")]
    [InlineData("/api/quality/rankings?minTests=0", "minTests")]
    [InlineData("/api/quality/rankings?minNetworks=-1", "minNetworks")]
    [InlineData("/api/quality/rankings?includeSynthetic=maybe", "includeSynthetic")]
    [InlineData("/api/quality/rankings?format=xml", "format")]
    [InlineData("/api/quality/rankings?region=KZ-71", "region")]
    [InlineData("/api/quality/trend?month=2026-10", "month")]
    [InlineData("/api/quality/trend?from=last", "from")]
    [InlineData("/api/quality/opendata/tiles?minTests=0", "minTests")]
    [InlineData("/api/quality/opendata/tiles?format=kml", "format")]
    [InlineData("/api/quality/opendata/tiles?to=2026", "to")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string url, string name) =>
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _http.GetAsync(url), name);
}

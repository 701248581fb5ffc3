using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Quality.Model;
using Dala.Registry.Model;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>The web app with a measurement store, one registered operator (kcell) and an operator prefix table.</summary>
public sealed class SpeedTestApp : IAsyncLifetime
{
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    private readonly TempDir _dir = new();

    public WebApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("st.db"));
        using (var w = store.BeginWrite())
        {
            w.UpsertOperators([new Operator("kcell", "Kcell")]);
            w.Commit();
        }
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        App = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults, null, new SqliteMeasurementStore(store))
        {
            Operators = new OperatorPrefixes([("95.56.0.0/16", "kcell"), ("2.132.0.0/14", "kazakhtelecom")]),
        });
        await App.StartAsync();
    }

    public Task<HttpContext> Send(string method, string path, string address, string? json = null) => App.GetTestServer().SendAsync(c =>
    {
        c.Request.Method = method;
        c.Request.Path = path;
        c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (json is null) return;
        c.Request.ContentType = "application/json";
        c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
    });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>GET /api/speedtest/whoami (the operator guessed from the caller's address) and GET /api/speedtest/results/{id}.</summary>
public sealed class SpeedTestApiTests(SpeedTestApp app) : IClassFixture<SpeedTestApp>
{
    private static async Task<JsonElement> Json(HttpContext c)
    {
        return (await JsonDocument.ParseAsync(c.Response.Body)).RootElement;
    }

    [Fact]
    public async Task Whoami_names_the_operator_of_the_longest_prefix_holding_the_callers_address()
    {
        var kcell = await app.Send("GET", "/api/speedtest/whoami", "95.56.12.7");
        Assert.Equal(200, kcell.Response.StatusCode);
        var body = await Json(kcell);
        Assert.Equal("95.56.12.0/24", body.GetProperty("network").GetString());
        var op = body.GetProperty("operator");
        Assert.Equal("kcell", op.GetProperty("id").GetString());
        Assert.Equal("Kcell", op.GetProperty("name").GetString());
        Assert.Equal("address prefix 95.56.0.0/16", op.GetProperty("guessedFrom").GetString());

        // An operator of the prefix table the registry does not know: its id, no name.
        var other = (await Json(await app.Send("GET", "/api/speedtest/whoami", "2.134.1.1"))).GetProperty("operator");
        Assert.Equal("kazakhtelecom", other.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("name").ValueKind);
        Assert.Equal("address prefix 2.132.0.0/14", other.GetProperty("guessedFrom").GetString());
    }

    [Theory]
    [InlineData("198.51.100.20")]
    [InlineData("127.0.0.1")]
    [InlineData("2001:db8::1")]
    public async Task Whoami_from_an_address_in_no_prefix_guesses_no_operator(string address)
    {
        var c = await app.Send("GET", "/api/speedtest/whoami", address);
        Assert.Equal(200, c.Response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Json(c)).GetProperty("operator").ValueKind);
    }

    [Fact]
    public async Task A_result_is_the_pages_figures_with_the_servers_record_and_tcp_units_in_ms()
    {
        var uuid = "st-" + Guid.NewGuid().ToString("N");
        // The server's download: TCP_INFO in µs (MinRTT 6 µs on loopback, RTTVar 1,500 µs), 2% of the bytes sent again.
        var tcp = new TcpInfo { MinRTT = 6, RTTVar = 1500, BytesSent = 1_000_000, BytesRetrans = 20_000 };
        app.App.Services.GetRequiredService<INdt7ResultSink>().Record(new Ndt7Result(uuid, Ndt7TestKind.Download, SpeedTestApp.Clock.Now.AddMinutes(-1),
            TimeSpan.FromSeconds(10), 12_500_000, 10, false, null, "95.56.12.0/24", new Dictionary<string, string> { ["operator"] = "kcell" }, tcp));
        var posted = await app.Send("POST", $"/api/measurements/ndt7/{uuid}", "95.56.12.7",
            "{\"downMbps\":9.87,\"upMbps\":3.21,\"latencyMs\":0.006,\"jitterMs\":1.5,\"lossPct\":2,\"bytes\":12000000,\"durationS\":10,\"complete\":true,\"operator\":\"kcell\",\"lon\":71.43,\"lat\":51.13}");
        Assert.Equal(200, posted.Response.StatusCode);

        var c = await app.Send("GET", $"/api/speedtest/results/{uuid}", "203.0.113.5");
        Assert.Equal(200, c.Response.StatusCode);
        var r = await Json(c);
        Assert.Equal(uuid, r.GetProperty("id").GetString());
        Assert.Equal(9.87, r.GetProperty("downMbps").GetDouble());
        Assert.Equal(3.21, r.GetProperty("upMbps").GetDouble());
        Assert.Equal(0.006, r.GetProperty("latencyMs").GetDouble());
        Assert.Equal(1.5, r.GetProperty("jitterMs").GetDouble());
        Assert.Equal(2, r.GetProperty("lossPct").GetDouble());
        Assert.Equal(51.13, r.GetProperty("lat").GetDouble());
        Assert.Equal("kcell", r.GetProperty("operator").GetString());
        Assert.Equal($"ndt7-{uuid}-client", r.GetProperty("browser").GetProperty("id").GetString());
        var server = Assert.Single(r.GetProperty("server").EnumerateArray());
        Assert.Equal($"ndt7-{uuid}-download", server.GetProperty("id").GetString());
        // The server's own record: µs from TCP_INFO stored as ms (6 µs = 0.006 ms), RTTVar as jitter, the retransmitted share as loss.
        Assert.Equal(0.006, server.GetProperty("latencyMs").GetDouble(), 9);
        Assert.Equal(1.5, server.GetProperty("jitterMs").GetDouble(), 9);
        Assert.Equal(2.0, server.GetProperty("lossPct").GetDouble(), 9);
        Assert.Equal(10, server.GetProperty("downMbps").GetDouble(), 9);
    }

    [Fact]
    public async Task A_server_upload_record_carries_no_jitter_or_loss()
    {
        var uuid = "st-" + Guid.NewGuid().ToString("N");
        var tcp = new TcpInfo { MinRTT = 900, RTTVar = 300, BytesSent = 5000, BytesRetrans = 0 };
        app.App.Services.GetRequiredService<INdt7ResultSink>().Record(new Ndt7Result(uuid, Ndt7TestKind.Upload, SpeedTestApp.Clock.Now.AddMinutes(-1),
            TimeSpan.FromSeconds(10), 5_000_000, 4, false, null, "95.56.12.0/24", new Dictionary<string, string>(), tcp));
        var r = await Json(await app.Send("GET", $"/api/speedtest/results/{uuid}", "203.0.113.5"));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("browser").ValueKind);
        Assert.Equal(0.9, r.GetProperty("latencyMs").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("jitterMs").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("lossPct").ValueKind);
    }

    [Fact]
    public async Task An_unknown_result_is_404_and_a_malformed_id_400_both_problem_json()
    {
        var client = app.App.GetTestClient();
        var missing = await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync("/api/speedtest/results/no-such-test"));
        Assert.Contains("no-such-test", missing.GetProperty("detail").GetString());
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync("/api/speedtest/results/" + Uri.EscapeDataString("bad id;drop")));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync("/api/speedtest/results/" + new string('a', 65)));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync("/api/speedtest/results/abc?x=1"));
    }
}

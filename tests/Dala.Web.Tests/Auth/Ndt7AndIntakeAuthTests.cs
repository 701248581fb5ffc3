using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Platform.Accounts;
using Dala.Storage.Sqlite;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Tests.Auth;

/// <summary>The app as `dala serve --ndt7-tokens` runs it: speed tests need a token, and posting measurements still needs a key.</summary>
public sealed class Ndt7TokensApp : AuthApp
{
    protected override Ndt7Settings Ndt7 => Ndt7Settings.Default with { AccessTokens = new HashSet<string>(StringComparer.Ordinal) { "probe-token" } };
}

/// <summary>
/// Finding: POST /api/measurements was open to anyone, even with --ndt7-tokens. It now needs an inspector (or admin) key;
/// the speed-test page's own figures go in only through the ndt7 test that produced them.
/// </summary>
public sealed class Ndt7AndIntakeAuthTests(Ndt7TokensApp app) : IClassFixture<Ndt7TokensApp>
{
    private const string Line = "{\"id\":\"probe-1\",\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"lon\":71.4,\"lat\":51.1}\n";

    private static StringContent Ndjson() => new(Line, Encoding.UTF8, "application/x-ndjson");

    private long Stored() => new SqliteMeasurementStore(app.Store).Counts().Measurements;

    [Fact]
    public async Task Posting_measurements_needs_an_inspector_key_even_with_ndt7_tokens()
    {
        var before = Stored();
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Client().PostAsync("/api/measurements", Ndjson()));
        var withToken = app.Client();
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await withToken.PostAsync("/api/measurements?access_token=probe-token", Ndjson()));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await app.Client(Role.Analyst).PostAsync("/api/measurements", Ndjson()));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await app.Client(Role.Operator).PostAsync("/api/measurements", Ndjson()));
        Assert.Equal(before, Stored());
        Assert.Equal(HttpStatusCode.OK, (await app.Client(Role.Inspector).PostAsync("/api/measurements", Ndjson())).StatusCode);
        Assert.Equal(before + 1, Stored());
    }

    [Fact]
    public async Task The_pages_own_result_is_accepted_only_for_a_test_the_server_ran_for_the_same_network()
    {
        var uuid = "test-" + Guid.NewGuid().ToString("N");
        app.App.Services.GetRequiredService<INdt7ResultSink>().Record(new Ndt7Result(uuid, Ndt7TestKind.Download, AuthApp.Clock.Now.AddMinutes(-2),
            TimeSpan.FromSeconds(10), 12_500_000, 10, false, null, "203.0.113.0/24", new Dictionary<string, string>(), null));
        var audited = new SqliteAuditLog(app.Store).Query(new Dala.Platform.Audit.AuditQuery(Actor: "ndt7"));
        Assert.Contains(audited, e => e.Action == "ndt7 download" && e.Target == $"ndt7-{uuid}-download" && e.Origin == "203.0.113.0/24");
        const string figures = "{\"downMbps\":9.5,\"upMbps\":3.2,\"latencyMs\":12,\"bytes\":12000000,\"durationS\":10,\"complete\":true}";

        Assert.Equal(404, (await Post("no-such-test", "203.0.113.9", figures)).Response.StatusCode);
        Assert.Equal(404, (await Post(uuid, "198.51.100.9", figures)).Response.StatusCode);
        Assert.Equal(400, (await Post(uuid, "203.0.113.9", "{\"source\":\"import\"}")).Response.StatusCode);
        var ok = await Post(uuid, "203.0.113.9", figures);
        Assert.Equal(200, ok.Response.StatusCode);
        var rows = new SqliteMeasurementStore(app.Store).Recent(new Dala.Quality.Store.MeasurementFilter(null, null, Dala.Quality.Model.MeasurementSource.Ndt7Client, null), 10);
        var row = Assert.Single(rows, m => m.Id == $"ndt7-{uuid}-client");
        Assert.Equal(9.5, row.DownMbps);
        Assert.Equal("203.0.113.0/24", row.ClientNetwork);
        Assert.Equal(AuthApp.Clock.Now.AddMinutes(-2), row.Time);
        var again = await Post(uuid, "203.0.113.9", figures.Replace("9.5", "95", StringComparison.Ordinal));
        Assert.Equal(200, again.Response.StatusCode);
        Assert.Equal(9.5, new SqliteMeasurementStore(app.Store).Recent(new Dala.Quality.Store.MeasurementFilter(null, null, Dala.Quality.Model.MeasurementSource.Ndt7Client, null), 10)
            .Single(m => m.Id == $"ndt7-{uuid}-client").DownMbps);
    }

    private Task<HttpContext> Post(string uuid, string address, string body) => app.App.GetTestServer().SendAsync(c =>
    {
        c.Request.Method = "POST";
        c.Request.Path = $"/api/measurements/ndt7/{uuid}";
        c.Request.ContentType = "application/json";
        c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        c.Connection.RemoteIpAddress = IPAddress.Parse(address);
    });
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dala.Permits.Model;
using Dala.Platform.Accounts;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>/api/permits: lists and analytics as the domain computes them, a request and a stage set by POST, an operator held to its own, bad input 400/422.</summary>
public sealed class PermitsApiTests : IAsyncLifetime
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("permits.db"));
        var permits = new SqlitePermitStore(store);
        permits.Save(
        [
            new PermitRequest("a", "kcell", "KZ-11", D("2025-01-01"), LandAllotted: D("2025-02-01"), OnAir: D("2025-06-01")),
            new PermitRequest("b", "kcell", "KZ-11", D("2025-01-01"), OnAir: D("2025-11-01")),
            new PermitRequest("c", "beeline", "KZ-11", D("2025-01-01")),
            new PermitRequest("d", "beeline", "KZ-63", D("2026-06-01")),
        ]);
        permits.SaveSites([new OfferedSite("s1", "KZ-63", "School 4", 82.6, 49.9, D("2026-05-01"), "East Kazakhstan akimat", "school")]);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults) { Permits = permits });
        await _app.StartAsync();
        _client = _app.GetTestClient().As(_app, Role.Analyst);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"{r.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Lists_and_analytics_answer_with_the_filters()
    {
        var list = await Ok(await _client.GetAsync("/api/permits?region=KZ-11&status=open"));
        Assert.Equal(["c"], list.EnumerateArray().Select(x => x.GetProperty("requestId").GetString()));
        Assert.Equal("land_allotted", list[0].GetProperty("waiting").GetString());
        Assert.Equal("regional administration (akimat)", list[0].GetProperty("heldBy").GetString());

        var km = await Ok(await _client.GetAsync("/api/permits/survival?by=region&asOf=2026-01-01"));
        Assert.Equal(1, km.GetProperty("leftOutOpenedAfter").GetInt32());
        var curve = km.GetProperty("curves").EnumerateArray().Single();
        Assert.Equal(("KZ-11", 151), (curve.GetProperty("group").GetString(), curve.GetProperty("rows")[0].GetProperty("day").GetInt32()));
        Assert.Equal(2.0 / 3, curve.GetProperty("rows")[0].GetProperty("survival").GetDouble(), 12);
        Assert.Contains(km.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("left out", StringComparison.Ordinal));

        var stages = await Ok(await _client.GetAsync("/api/permits/stages?region=KZ-11&asOf=2026-01-01"));
        Assert.Equal([3, 1, 0, 0, 0, 0, 2], stages.GetProperty("funnel").EnumerateArray().Select(f => f.GetProperty("reached").GetInt32()));
        Assert.Equal(6, stages.GetProperty("stages").GetArrayLength());

        var overdue = await Ok(await _client.GetAsync("/api/permits/overdue"));
        Assert.Equal(["c", "d"], overdue.EnumerateArray().Select(x => x.GetProperty("requestId").GetString()));
        var forecast = await Ok(await _client.GetAsync("/api/permits/forecast?region=KZ-63"));
        Assert.Equal("d", Assert.Single(forecast.EnumerateArray()).GetProperty("requestId").GetString());
        var sites = await Ok(await _client.GetAsync("/api/permits/sites?region=KZ-63"));
        Assert.Equal("School 4", Assert.Single(sites.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_parameters_are_400_naming_them()
    {
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/permits?colour=red"), "colour");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/permits?region=Akmola"), "region");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/permits?status=closed"), "status");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/permits/survival?by=city&asOf=2026-02-30"), "by", "asOf");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/permits/sites?asOf=2026-01-01"), "asOf");
    }

    [Fact]
    public async Task A_request_is_created_a_stage_set_and_bad_bodies_refused()
    {
        var created = await Ok(await _client.PostAsJsonAsync("/api/permits", new { requestId = "n1", @operator = "tele2", region = "KZ-35", opened = "2026-10-01", lon = 73.1, lat = 49.8 }),
            HttpStatusCode.Created);
        Assert.Equal("open", created.GetProperty("status").GetString());
        var set = await Ok(await _client.PostAsJsonAsync("/api/permits", new { requestId = "n1", stage = "land_allotted", date = "2026-11-01" }));
        Assert.Equal("2026-11-01", set.GetProperty("landAllotted").GetString());
        Assert.Equal("power_connected", set.GetProperty("waiting").GetString());

        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity,
            await _client.PostAsJsonAsync("/api/permits", new { requestId = "n1", stage = "built", date = "2026-10-15" }), "built");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity,
            await _client.PostAsJsonAsync("/api/permits", new { requestId = "n2", @operator = "tele2", region = "KZ-99", opened = "2026-10-01" }), "region");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity,
            await _client.PostAsJsonAsync("/api/permits", new { requestId = "n2", @operator = "tele2", region = "KZ-35", opened = "2026-10-01", onAir = "2027-01-01" }), "onAir");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/permits", new { requestId = "n1", stage = "built", colour = 1 }), "colour");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/permits", new { requestId = 5 }), "requestId");
        await ProblemAssert.Is(HttpStatusCode.NotFound, await _client.PostAsJsonAsync("/api/permits", new { requestId = "zz", stage = "built", date = "2026-10-15" }));
        var kept = await Ok(await _client.GetAsync("/api/permits?operator=tele2"));
        Assert.Equal("2026-11-01", Assert.Single(kept.EnumerateArray()).GetProperty("landAllotted").GetString());
    }

    [Fact]
    public async Task An_operator_sets_its_own_requests_only()
    {
        var app = _app!;
        var kcell = app.GetTestClient().As(app, Role.Operator, "kcell");
        await Ok(await kcell.PostAsJsonAsync("/api/permits", new { requestId = "b", stage = "built", date = "2025-10-01" }));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await kcell.PostAsJsonAsync("/api/permits", new { requestId = "c", stage = "built", date = "2025-10-01" }));
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await kcell.PostAsJsonAsync("/api/permits", new { requestId = "k9", @operator = "beeline", region = "KZ-11", opened = "2026-01-01" }));
        var anonymous = app.GetTestClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/permits", new { requestId = "b", stage = "built" })).StatusCode);
    }
}

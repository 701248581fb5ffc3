using Dala.Platform.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dala.Quality.Claims;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web.Predictions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>Claims and challenges over HTTP on a real SQLite store with the SYNTHETIC dead-villages demo (100 villages, 20 dead).</summary>
public sealed class ChallengesApiTests : IAsyncLifetime
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _client = null!;
    private SqliteRegistryStore _store = null!;
    private DeadVillages.Outcome _demo = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(_store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(_store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(_store, Clock).Seed();
        var measurements = new SqliteMeasurementStore(_store);
        var claims = new SqliteClaimStore(_store);
        _demo = DeadVillages.Run(_store.ReadSnapshot(), measurements, claims, NoPrediction.Instance, Clock, 100, 20, 3, fileChallenges: false);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(_store, Clock, Target.Defaults, null, measurements) { Claims = claims });
        await _app.StartAsync();
        _client = _app.GetTestClient().As(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement;

    [Fact]
    public async Task Claims_come_with_their_check_labelled_synthetic_and_the_flagged_ones_are_the_demos()
    {
        var all = await Json("/api/quality/claims");
        Assert.True(all.GetProperty("synthetic").GetBoolean());
        Assert.Equal(100, all.GetProperty("claims").GetArrayLength());
        var flagged = await Json("/api/quality/claims?status=not-delivered");
        var rows = flagged.GetProperty("claims").EnumerateArray().ToArray();
        Assert.Equal(_demo.Flagged, rows.Length);
        Assert.Equal(_demo.Flagged, all.GetProperty("counts").GetProperty("not-delivered").GetInt32());
        Assert.Equal(0, _demo.FlaggedLive);
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("ciHigh").GetDouble() < 0.5);
            Assert.Equal("claimed but not delivered", r.GetProperty("statusLabel").GetString());
            Assert.True(r.GetProperty("synthetic").GetBoolean());
        });
    }

    [Fact]
    public async Task A_challenge_goes_filed_answered_decided_and_illegal_steps_are_409()
    {
        var claim = (await Json("/api/quality/claims?status=not-delivered")).GetProperty("claims")[0].GetProperty("id").GetInt64();
        var filed = await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = claim, actor = "inspector", note = "no signal" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var challenge = JsonDocument.Parse(await filed.Content.ReadAsStringAsync()).RootElement;
        var id = challenge.GetProperty("id").GetInt64();
        Assert.Equal("filed", challenge.GetProperty("state").GetString());
        Assert.Equal("not-delivered", challenge.GetProperty("evidence").GetProperty("status").GetString());
        await ProblemAssert.Is(HttpStatusCode.Conflict, await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = claim, actor = "again" }));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await _client.PostAsJsonAsync($"/api/quality/challenges/{id}/decision", new { outcome = "upheld", actor = "c" }));
        var answered = await _client.PostAsJsonAsync($"/api/quality/challenges/{id}/answer", new { actor = "operator", note = "maintenance" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await ProblemAssert.Is(HttpStatusCode.Conflict, await _client.PostAsJsonAsync($"/api/quality/challenges/{id}/answer", new { actor = "operator", note = "again" }));
        var decided = await _client.PostAsJsonAsync($"/api/quality/challenges/{id}/decision", new { outcome = "upheld", actor = "committee" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("upheld", JsonDocument.Parse(await decided.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        var list = await Json("/api/quality/challenges");
        Assert.Equal("upheld", list[0].GetProperty("state").GetString());
        var withdrawn = (await Json("/api/quality/claims?status=withdrawn")).GetProperty("claims");
        Assert.Equal(claim, withdrawn[0].GetProperty("id").GetInt64());
        await ProblemAssert.Is(HttpStatusCode.NotFound, await _client.PostAsJsonAsync("/api/quality/challenges/9999/answer", new { actor = "o", note = "n" }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = 99999, actor = "i" }));
    }

    [Fact]
    public async Task Bad_bodies_are_400_or_422_problems_naming_the_field_and_store_nothing()
    {
        var before = new SqliteClaimStore(_store).Claims().Count;
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsync("/api/quality/claims", new StringContent("{\"claims\": 5}", Encoding.UTF8, "application/json")), "claims");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsync("/api/quality/claims", new StringContent("{\"claims\": [", Encoding.UTF8, "application/json")), "body");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/claims",
            new { claims = new object[] { new { settlement = "x", claimedDownMbps = "fast" } } }), "claims[0].claimedDownMbps");
        var settlement = _demo.Results[0].Claim.SettlementId;
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsJsonAsync("/api/quality/claims", new
        {
            claims = new object[]
            {
                new { settlement, @operator = "synthetic-a", technology = "4G", claimedDownMbps = 10, asOf = "2026-10-01" },
                new { settlement = "osm-none", @operator = "synthetic-a", technology = "4G", claimedDownMbps = -1, asOf = "2026-10-01" },
            },
        }), "claims[1].settlement", "claims[1].claimedDownMbps");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsync("/api/quality/claims",
            new StringContent($"settlement,operator,technology,claimed_down_mbps,as_of\n{settlement},synthetic-a,4G,10,2030-01-01\n", Encoding.UTF8, "text/csv")), "line 2: as_of");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsync("/api/quality/claims",
            new StringContent("settlement,operator\nx,y\n", Encoding.UTF8, "text/csv")), "line 1: header");
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await _client.PostAsync("/api/quality/claims", new StringContent("x", Encoding.UTF8, "application/xml")));
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsJsonAsync("/api/quality/challenges", new { actor = "x" }), "claimId");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = "one", actor = "x" }), "claimId");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = 1, actor = "x", extra = 1 }), "extra");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsJsonAsync("/api/quality/challenges/1/decision", new { outcome = "maybe", actor = "x" }), "outcome");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/quality/claims?asOf=yesterday"), "asOf");
        Assert.Equal(before, new SqliteClaimStore(_store).Claims().Count);
        var ok = await _client.PostAsync("/api/quality/claims",
            new StringContent($"settlement,operator,technology,claimed_down_mbps,as_of\n{settlement},synthetic-a,5G,100,2026-10-01\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(before + 1, new SqliteClaimStore(_store).Claims().Count);
    }

    [Fact]
    public async Task An_operator_uploads_and_answers_for_its_own_operator_only_and_sees_only_its_challenges()
    {
        var claims = new SqliteClaimStore(_store).Claims();
        var settlement = claims[0].SettlementId;
        var mine = claims.First(c => c.OperatorId == claims[0].OperatorId);
        var theirs = claims.First(c => c.OperatorId != mine.OperatorId);
        var op = _app!.GetTestClient().As(_app!, Role.Operator, mine.OperatorId);
        var before = claims.Count;

        var other = await op.PostAsync("/api/quality/claims", new StringContent(
            $"settlement,operator,technology,claimed_down_mbps,as_of\n{settlement},{mine.OperatorId},5G,100,2026-10-01\n{settlement},{theirs.OperatorId},5G,100,2026-10-01\n",
            Encoding.UTF8, "text/csv"));
        Assert.Contains(theirs.OperatorId, (await ProblemAssert.Is(HttpStatusCode.Forbidden, other)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, new SqliteClaimStore(_store).Claims().Count);
        var own = await op.PostAsync("/api/quality/claims", new StringContent(
            $"settlement,operator,technology,claimed_down_mbps,as_of\n{settlement},{mine.OperatorId},5G,100,2026-10-01\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(before + 1, new SqliteClaimStore(_store).Claims().Count);

        var onTheirs = JsonDocument.Parse(await (await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = theirs.Id, actor = "inspector" }))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var onMine = JsonDocument.Parse(await (await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = mine.Id, actor = "inspector" }))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await op.PostAsJsonAsync($"/api/quality/challenges/{onTheirs}/answer", new { actor = "op", note = "not ours" }));
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/quality/challenges/{onMine}/answer", new { actor = "op", note = "fixed" })).StatusCode);
        var seen = JsonDocument.Parse(await op.GetStringAsync("/api/quality/challenges")).RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal([onMine], seen);
        Assert.Equal(2, JsonDocument.Parse(await _client.GetStringAsync("/api/quality/challenges")).RootElement.GetArrayLength());
    }
    [Fact]
    public async Task Filing_answering_and_deciding_are_recorded_under_the_principal_whatever_actor_the_body_names()
    {
        var claim = new SqliteClaimStore(_store).Claims()[0];
        var op = _app!.GetTestClient().As(_app!, Role.Operator, claim.OperatorId);
        var filed = await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = claim.Id, actor = "the minister" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = JsonDocument.Parse(await filed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/quality/challenges/{id}/answer", new { actor = "key:test-admin", note = "fixed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync($"/api/quality/challenges/{id}/decision", new { outcome = "rejected" })).StatusCode);
        var c = (await Json("/api/quality/challenges")).EnumerateArray().Single(x => x.GetProperty("id").GetInt64() == id);
        Assert.Equal(("key:test-admin", "key:test-operator", "key:test-admin"),
            (c.GetProperty("filedBy").GetString(), c.GetProperty("answeredBy").GetString(), c.GetProperty("decidedBy").GetString()));
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/challenges", new { claimId = claim.Id, actor = 5 }), "actor");
    }
}

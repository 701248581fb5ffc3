using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dala.Quality.Cases;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>/api/quality/cases and /api/quality/fines: a case through every state, the fine by hand, illegal steps 409, bad bodies 400/422.</summary>
public sealed class CasesApiTests : IAsyncLifetime
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("cases.db"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, Clock, Target.Defaults)
        {
            Cases = new CaseDesk(new SqliteCaseStore(store), FineSchedule.Default, Clock),
        });
        await _app.StartAsync();
        _client = _app.GetTestClient().As(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private static readonly object Violation = new
    {
        obligation = "down-100", version = 1, @operator = "kcell", region = "KZ-11", from = "2026-07-01", to = "2026-09-30",
        n = 400, k = 212, estimate = 0.53, ciLow = 0.48, ciHigh = 0.58, synthetic = true, actor = "inspector A", date = "2026-10-01",
    };

    private async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"{r.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private Task<HttpResponseMessage> StepAsync(long id, object body) => _client.PostAsJsonAsync($"/api/quality/cases/{id}/steps", body);

    [Fact]
    public async Task A_case_goes_through_every_state_by_the_api()
    {
        var opened = await Ok(await _client.PostAsJsonAsync("/api/quality/cases", Violation), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetInt64();
        Assert.True(opened.GetProperty("synthetic").GetBoolean());
        Assert.Equal(["notice_sent"], opened.GetProperty("next").EnumerateArray().Select(x => x.GetString()));
        await Ok(await StepAsync(id, new { to = "notice_sent", actor = "inspector A", date = "2026-10-02" }));
        await Ok(await StepAsync(id, new { to = "response", actor = "Kcell legal", date = "2026-10-20", note = "tests disputed" }));
        await Ok(await StepAsync(id, new { to = "appeal", actor = "Kcell legal", date = "2026-10-25" }));
        var decided = await Ok(await StepAsync(id, new { to = "decision", outcome = "upheld", actor = "head", date = "2026-11-05" }));
        Assert.False(decided.GetProperty("fine").GetProperty("imposed").GetBoolean());
        var fined = await Ok(await StepAsync(id, new { to = "fined", actor = "head" }));
        var fine = fined.GetProperty("fine");
        Assert.Equal(("first", 100, 2026, 4325, 432_500L, true), (fine.GetProperty("tier").GetString(), fine.GetProperty("mrp").GetInt32(), fine.GetProperty("mrpYear").GetInt32(),
            fine.GetProperty("mrpTenge").GetInt32(), fine.GetProperty("tenge").GetInt64(), fine.GetProperty("imposed").GetBoolean()));
        await Ok(await StepAsync(id, new { to = "closed", actor = "accounts" }));
        var c = await Ok(await _client.GetAsync($"/api/quality/cases/{id}"));
        Assert.Equal("closed", c.GetProperty("state").GetString());
        Assert.Equal(["opened", "notice_sent", "response", "appeal", "decision", "fined", "closed"],
            c.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(["2026-10-01", "2026-10-02", "2026-10-20", "2026-10-25", "2026-11-05", "2026-11-21", "2026-11-21"],
            c.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("date").GetString()));
        Assert.All(c.GetProperty("steps").EnumerateArray(), step => Assert.Equal("key:test-admin", step.GetProperty("actor").GetString()));
        Assert.Equal(0.48, c.GetProperty("violation").GetProperty("ciLow").GetDouble());
        Assert.Empty(c.GetProperty("next").EnumerateArray());
        var list = await Ok(await _client.GetAsync("/api/quality/cases?state=closed&operator=kcell"));
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Empty((await Ok(await _client.GetAsync("/api/quality/cases?state=opened"))).EnumerateArray());
    }

    [Fact]
    public async Task A_second_upheld_decision_within_a_year_is_a_repeat_fine()
    {
        long last = 0;
        foreach (var region in new[] { "KZ-11", "KZ-19" })
        {
            var c = await Ok(await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = "down-100", @operator = "kcell", region, n = 100, k = 40, actor = "A" }),
                HttpStatusCode.Created);
            last = c.GetProperty("id").GetInt64();
            await Ok(await StepAsync(last, new { to = "notice_sent", actor = "A" }));
            await Ok(await StepAsync(last, new { to = "decision", outcome = "upheld", actor = "B" }));
            await Ok(await StepAsync(last, new { to = "fined", actor = "B" }));
        }
        var fine = (await Ok(await _client.GetAsync($"/api/quality/cases/{last}"))).GetProperty("fine");
        Assert.Equal(("repeat", 200, 865_000L), (fine.GetProperty("tier").GetString(), fine.GetProperty("mrp").GetInt32(), fine.GetProperty("tenge").GetInt64()));
    }

    [Fact]
    public async Task An_illegal_step_is_409_and_changes_nothing()
    {
        var id = (await Ok(await _client.PostAsJsonAsync("/api/quality/cases", Violation), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await StepAsync(id, new { to = "fined", actor = "A" }));
        Assert.Contains("the next step is notice_sent, not fined", problem.GetProperty("detail").GetString());
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await StepAsync(id, new { to = "notice_sent", actor = "A", date = "2026-09-01" }), "date");
        await Ok(await StepAsync(id, new { to = "notice_sent", actor = "A" }));
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await StepAsync(id, new { to = "decision", actor = "A" }), "outcome");
        await ProblemAssert.Is(HttpStatusCode.NotFound, await StepAsync(999, new { to = "notice_sent", actor = "A" }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await _client.GetAsync("/api/quality/cases/999"));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await _client.PostAsJsonAsync("/api/quality/cases", Violation));
        var c = await Ok(await _client.GetAsync($"/api/quality/cases/{id}"));
        Assert.Equal(2, c.GetProperty("steps").GetArrayLength());
        Assert.Single((await Ok(await _client.GetAsync("/api/quality/cases"))).EnumerateArray());
    }

    [Fact]
    public async Task Bad_bodies_are_400_or_422_naming_the_field_and_open_nothing()
    {
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = 5, @operator = "kcell", region = "KZ-11", n = "x", k = 1, actor = "A" }), "obligation", "n");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = "o", @operator = "kcell", region = "KZ-11", n = 5, k = 1, actor = "A", colour = "red" }), "colour");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = "o", @operator = "kcell", region = "KZ-11", n = 5, k = 6, actor = "A" }), "k");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = "o", @operator = "kcell", region = "KZ-11", n = 5, k = 1, actor = 7 }), "actor");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = "o", @operator = "kcell", region = "KZ-11", n = 5, k = 1, actor = "A", from = "2026-13-01", to = "2026-12-01" }), "from");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await _client.PostAsJsonAsync("/api/quality/cases", new { obligation = "o", @operator = "kcell", region = "KZ-11", n = 5, k = 1, actor = "A", ciLow = 0.9, ciHigh = 0.1 }), "ciHigh");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await _client.PostAsync("/api/quality/cases", new StringContent("{\"obligation\": ", Encoding.UTF8, "application/json")));
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await _client.PostAsync("/api/quality/cases", new StringContent("x", Encoding.UTF8, "text/plain")));
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.PostAsync("/api/quality/cases", new StringContent("[1]", Encoding.UTF8, "application/json")), "body");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await _client.GetAsync("/api/quality/cases?state=lost"), "state");
        Assert.Empty((await Ok(await _client.GetAsync("/api/quality/cases"))).EnumerateArray());
        var id = (await Ok(await _client.PostAsJsonAsync("/api/quality/cases", Violation), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await StepAsync(id, new { to = "sideways", actor = "A" }), "to");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await StepAsync(id, new { actor = "A" }), "to");
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await StepAsync(id, new { to = "notice_sent", actor = 7 }), "actor");
        await ProblemAssert.Names(HttpStatusCode.UnprocessableEntity, await StepAsync(id, new { to = "notice_sent", actor = "A", outcome = "maybe" }), "outcome");
        Assert.Single((await Ok(await _client.GetAsync($"/api/quality/cases/{id}"))).GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task The_fine_schedule_and_MRP_table_are_served_with_the_assumption_flag()
    {
        var f = await Ok(await _client.GetAsync("/api/quality/fines"));
        Assert.True(f.GetProperty("assumption").GetBoolean());
        Assert.Equal((100, 200, 12), (f.GetProperty("firstMrp").GetInt32(), f.GetProperty("repeatMrp").GetInt32(), f.GetProperty("repeatWithinMonths").GetInt32()));
        Assert.Contains(f.GetProperty("mrp").EnumerateArray(), m => m.GetProperty("from").GetString() == "2022-04-01" && m.GetProperty("tenge").GetInt32() == 3180);
        Assert.Contains(f.GetProperty("mrp").EnumerateArray(), m => m.GetProperty("from").GetString() == "2026-01-01" && m.GetProperty("tenge").GetInt32() == 4325);
    }

    [Fact]
    public async Task An_operator_sees_its_own_cases_only()
    {
        var kcell = JsonDocument.Parse(await (await _client.PostAsJsonAsync("/api/quality/cases", Violation)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var other = JsonSerializer.Deserialize<Dictionary<string, object>>(JsonSerializer.Serialize(Violation))!;
        other["operator"] = "beeline";
        var beeline = JsonDocument.Parse(await (await _client.PostAsJsonAsync("/api/quality/cases", other)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var op = _app!.GetTestClient().As(_app!, Dala.Platform.Accounts.Role.Operator, "kcell");
        var listed = JsonDocument.Parse(await op.GetStringAsync("/api/quality/cases")).RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal([kcell], listed);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/quality/cases/{kcell}")).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await op.GetAsync($"/api/quality/cases/{beeline}"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await op.GetAsync("/api/quality/cases?operator=beeline"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await op.PostAsJsonAsync($"/api/quality/cases/{kcell}/steps", new { to = "notice_sent", actor = "op" }));
        Assert.Equal(2, JsonDocument.Parse(await _client.GetStringAsync("/api/quality/cases")).RootElement.GetArrayLength());
    }
    [Fact]
    public async Task The_case_and_its_steps_are_recorded_under_the_principal_whatever_actor_the_body_names()
    {
        var inspector = _app!.GetTestClient().As(_app!, Dala.Platform.Accounts.Role.Inspector);
        var opened = await inspector.PostAsJsonAsync("/api/quality/cases", new
        {
            obligation = "down-100", @operator = "kcell", region = "KZ-19", n = 100, k = 40, actor = "the minister",
        });
        var id = (await Ok(opened, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Ok(await inspector.PostAsJsonAsync($"/api/quality/cases/{id}/steps", new { to = "notice_sent", actor = "key:test-admin" }));
        await Ok(await inspector.PostAsJsonAsync($"/api/quality/cases/{id}/steps", new { to = "response" })); // no actor at all
        var c = await Ok(await _client.GetAsync($"/api/quality/cases/{id}"));
        Assert.Equal(["key:test-inspector", "key:test-inspector", "key:test-inspector"],
            c.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("actor").GetString()));
    }
}

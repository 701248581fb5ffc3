using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dala.Platform.Accounts;
using Dala.Platform.Audit;
using Dala.Storage.Sqlite;
using Dala.Web.Auth;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Tests.Auth;

/// <summary>Browser sessions with their anti-forgery token, the audit of every write, and the OpenAPI security schemes.</summary>
public sealed class AuthFlowTests(AuthApp app) : IClassFixture<AuthApp>
{
    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<(string Cookie, string Csrf)> SignIn(string user = "root", string password = AuthApp.AdminPassword)
    {
        var r = await app.Client().PostAsync("/api/auth/login", Json(new { user, password }));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var set = r.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith(Sessions.Cookie + "=", set, StringComparison.Ordinal);
        Assert.Contains("httponly", set, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", set, StringComparison.OrdinalIgnoreCase);
        var me = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        return (set.Split(';')[0], me.GetProperty("csrf").GetString()!);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? cookie, string? csrf, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (csrf is not null) request.Headers.Add(Sessions.CsrfHeader, csrf);
        if (body is not null) request.Content = Json(body);
        return await app.Client().SendAsync(request);
    }

    [Fact]
    public async Task A_signed_in_browser_writes_only_with_its_anti_forgery_token_and_not_after_signing_out()
    {
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Client().PostAsync("/api/auth/login", Json(new { user = "root", password = "wrong password" })));
        var (cookie, csrf) = await SignIn();
        var me = JsonDocument.Parse(await (await Send(HttpMethod.Get, "/api/auth/me", cookie, null)).Content.ReadAsStringAsync()).RootElement;
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal("user:root", me.GetProperty("actor").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal(csrf, me.GetProperty("csrf").GetString());

        var key = new { name = "from-browser", role = "analyst" };
        var missing = await ProblemAssert.Is(HttpStatusCode.Forbidden, await Send(HttpMethod.Post, "/api/keys", cookie, null, key));
        Assert.Contains(Sessions.CsrfHeader, missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Send(HttpMethod.Post, "/api/keys", cookie, csrf + "x", key));
        Assert.DoesNotContain(app.Desk.Store.Keys(), k => k.Name == "from-browser");
        Assert.Equal(HttpStatusCode.Created, (await Send(HttpMethod.Post, "/api/keys", cookie, csrf, key)).StatusCode);
        Assert.Contains(app.Desk.Store.Keys(), k => k.Name == "from-browser");
        // Reads need no token.
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/users", cookie, null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/api/auth/logout", cookie, csrf)).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await Send(HttpMethod.Post, "/api/keys", cookie, csrf, key));
        var after = JsonDocument.Parse(await (await Send(HttpMethod.Get, "/api/auth/me", cookie, null)).Content.ReadAsStringAsync()).RootElement;
        Assert.False(after.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task A_disabled_users_session_ends_at_its_next_request()
    {
        app.Desk.AddUser("temp", Role.Analyst, null, "temporary password");
        var (cookie, _) = await SignIn("temp", "temporary password");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/jobs", cookie, null)).StatusCode);
        app.Desk.SetDisabled("temp", true);
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/jobs", cookie, null));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Client().PostAsync("/api/auth/login", Json(new { user = "temp", password = "temporary password" })));
    }

    [Fact]
    public async Task Every_write_is_audited_with_actor_route_masked_network_and_status_and_admins_read_it()
    {
        var server = app.App.GetTestServer();
        var ctx = await server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/measurements";
            c.Request.Headers.Authorization = "Bearer " + app.Keys[Role.Inspector];
            c.Request.ContentType = "application/x-ndjson";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"lon\":71.4,\"lat\":51.1}\n"));
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.77");
        });
        Assert.Equal(200, ctx.Response.StatusCode);
        await server.SendAsync(c =>
        {
            c.Request.Method = "DELETE";
            c.Request.Path = "/api/plans/12";
            c.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8:1:2::9");
        });

        var log = new SqliteAuditLog(app.Store).Query(new AuditQuery(Limit: 100));
        var post = log.Single(e => e.Action == "POST /api/measurements" && e.Origin != "unknown");
        Assert.Equal(new AuditEntry(post.Id, AuthApp.Clock.Now, "key:k-inspector", "POST /api/measurements", "/api/measurements", "203.0.113.0/24", 200), post);
        var refused = log.Single(e => e.Target == "/api/plans/12");
        Assert.Equal(("anonymous", "DELETE /api/plans/{id}", "2001:db8:1::/48", 401), (refused.Actor, refused.Action, refused.Origin, refused.Status));

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await app.Client(Role.Inspector).GetAsync("/api/audit"));
        var json = JsonDocument.Parse(await app.Client(Role.Admin).GetStringAsync("/api/audit?actor=key:k-inspector")).RootElement;
        Assert.Contains(json.EnumerateArray(), e => e.GetProperty("origin").GetString() == "203.0.113.0/24");
        Assert.All(json.EnumerateArray(), e => Assert.Equal("key:k-inspector", e.GetProperty("actor").GetString()));
        var csv = await app.Client(Role.Admin).GetAsync("/api/audit?format=csv&actor=anonymous");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,action,target,origin,status", lines[0]);
        Assert.Contains(lines, l => l.EndsWith(",anonymous,DELETE /api/plans/{id},/api/plans/12,2001:db8:1::/48,401", StringComparison.Ordinal));
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await app.Client(Role.Admin).GetAsync("/api/audit?from=yesterday"), "from");
    }

    [Fact]
    public async Task The_openapi_document_declares_the_schemes_and_which_operations_need_them()
    {
        var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("header", schemes.GetProperty("apiKey").GetProperty("in").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var access = AccessTable.Find(op.Name, path.Name);
                Assert.True(access is not null, $"{op.Name} {path.Name}");
                Assert.Equal(!access!.Anyone, op.Value.TryGetProperty("security", out _));
            }
    }
}

using System.Net;
using System.Security.Claims;
using System.Text;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Tests.Platform;

/// <summary>Expensive work runs a few at a time server-wide; each client has buckets for writes and expensive reads. Over a limit: 429 problem with Retry-After.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RateLimitTests(PlatformData data)
{
    [Fact]
    public async Task Beyond_the_expensive_slots_and_queue_a_request_is_429_while_cheap_ones_pass()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await data.StartAsync(
            s => s with { Limits = PlatformLimits.Default with { ExpensiveConcurrency = 1, ExpensiveQueue = 0, BusyRetryAfterSeconds = 7 } },
            a => a.MapGet("/api/test/hold", async () =>
            {
                entered.TrySetResult();
                await gate.Task;
                return Results.Ok("done");
            }).WithMetadata(ExpensiveWork.Instance).AllowAnonymous());
        var held = app.Client.GetAsync("/api/test/hold");
        await entered.Task;
        var refused = await app.Client.GetAsync("/api/quality/rankings?bogus=0");
        var problem = await ProblemAssert.Is(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal("7", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Contains("expensive", problem.GetProperty("detail").GetString());
        await ProblemAssert.Is(HttpStatusCode.TooManyRequests, await app.Client.GetAsync("/api/quality/verdicts"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/regions")).StatusCode);
        gate.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await app.Client.GetAsync("/api/quality/rankings?bogus=0"));
    }

    [Fact]
    public async Task A_client_over_its_write_bucket_is_429_with_retry_after()
    {
        await using var app = await data.StartAsync(s => s with { Limits = PlatformLimits.Default with { WriteBurst = 2, WritesPerMinute = 1 } });
        for (var i = 0; i < 2; i++)
            await ProblemAssert.Is(HttpStatusCode.BadRequest, await app.Client.PostAsync("/api/quality/cases", new StringContent("{", Encoding.UTF8, "application/json")));
        var refused = await app.Client.PostAsync("/api/quality/cases", new StringContent("{", Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(HttpStatusCode.TooManyRequests, refused);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/regions")).StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_expensive_bucket_is_429()
    {
        await using var app = await data.StartAsync(s => s with { Limits = PlatformLimits.Default with { ExpensiveBurst = 1, ExpensivePerMinute = 1 } });
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await app.Client.GetAsync("/api/quality/rankings?bogus=0"));
        await ProblemAssert.Is(HttpStatusCode.TooManyRequests, await app.Client.GetAsync("/api/quality/trend?bogus=0"));
    }

    [Fact]
    public void Clients_are_the_signed_in_user_else_the_remote_address()
    {
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        Assert.Equal("ip:203.0.113.7", RateLimits.Client(anonymous));
        var user = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "key")) };
        user.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        Assert.Equal("user:alice", RateLimits.Client(user));
    }
}

using System.Net;

namespace Dala.Web.Tests.Platform;

/// <summary>A wrong method on an existing API route is 405 problem+json naming the allowed methods; an unknown route stays 404.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MethodNotAllowedTests(PlatformData data)
{
    [Theory]
    [InlineData("DELETE", "/api/regions", "GET")]
    [InlineData("POST", "/api/settlements/osm-1", "GET")]
    [InlineData("GET", "/api/quality/cases/1/steps", "POST")]
    [InlineData("PUT", "/api/plans", "GET,POST")]
    [InlineData("POST", "/api/plans/7", "DELETE,GET")]
    [InlineData("DELETE", "/api/plans/compare", "GET")]
    [InlineData("PATCH", "/api/measurements", "GET,POST")]
    public async Task Wrong_method_is_405_with_allow(string method, string url, string allowed)
    {
        await using var app = await data.StartAsync();
        var r = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var problem = await ProblemAssert.Is(HttpStatusCode.MethodNotAllowed, r);
        Assert.Equal(allowed.Split(','), r.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Contains(method, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("DELETE", "/api/no/such/thing")]
    [InlineData("GET", "/api/plans/not-a-number")]
    public async Task Unknown_routes_stay_404(string method, string url)
    {
        await using var app = await data.StartAsync();
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)));
    }

    [Fact]
    public async Task Right_methods_still_reach_their_endpoints()
    {
        await using var app = await data.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/regions")).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.GetAsync("/api/plans/12345"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.DeleteAsync("/api/plans/12345"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await app.Client.GetAsync("/api/plans/compare"));
    }
}

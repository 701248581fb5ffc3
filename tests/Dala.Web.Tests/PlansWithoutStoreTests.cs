using System.Net;
using System.Net.Http.Json;

namespace Dala.Web.Tests;

/// <summary>A host that keeps no plans answers 503 on the plan endpoints (nothing is queued); the default cost book and jobs still work.</summary>
public class PlansWithoutStoreTests(NationalApp app) : IClassFixture<NationalApp>
{
    [Fact]
    public async Task Plan_endpoints_answer_503_and_nothing_is_queued()
    {
        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await app.Client.PostAsJsonAsync("/api/plans", new { name = "x", region = "KZ-62" }));
        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await app.Client.GetAsync("/api/plans"));
        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await app.Client.GetAsync("/api/plans/1"));
        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await app.Client.GetAsync("/api/plans/1.csv"));
        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await app.Client.GetAsync("/api/plans/compare?a=1&b=2"));
        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await app.Client.DeleteAsync("/api/plans/1"));
        Assert.Equal("[]", await app.Client.GetStringAsync("/api/jobs"));
        Assert.Contains("dala-cost-book", await app.Client.GetStringAsync("/api/plans/costs"));
    }
}

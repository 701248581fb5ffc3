using System.Net;
using System.Reflection;
using System.Text;
using Dala.Registry.Progress;
using Dala.Registry.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests.Platform;

/// <summary>/healthz, /readyz and /metrics (Prometheus text).</summary>
[Collection(PlatformCollection.Name)]
public sealed class OperationsTests(PlatformData data)
{
    [Fact]
    public async Task Healthz_and_readyz_answer_200_text_when_the_store_answers()
    {
        await using var app = await data.StartAsync();
        foreach (var (url, body) in new[] { ("/healthz", "ok\n"), ("/readyz", "ready\n") })
        {
            var r = await app.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("text/plain", r.Content.Headers.ContentType?.MediaType);
            Assert.Equal(body, await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Readyz_is_a_503_problem_when_the_store_fails_while_healthz_stays_200()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        await using var app = DalaWeb.Build(builder, new DalaWebSettings(FailingStore.Create(), PlatformData.Clock, Target.Defaults));
        await app.StartAsync();
        using var client = app.GetTestClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var problem = await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, await client.GetAsync("/readyz"));
        Assert.Contains("store", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Metrics_count_requests_by_route_and_status_intake_lines_and_the_gauges()
    {
        await using var app = await data.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/regions")).StatusCode);
        // A line no other test posts (the store is shared, and a repeated line counts as a duplicate).
        var line = $"{{\"time\":\"2026-11-02T{Random.Shared.Next(0, 24):00}:{Random.Shared.Next(0, 60):00}:{Random.Shared.Next(0, 60):00}Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":{Random.Shared.Next(1, 10_000)},\"source\":\"inspector\"}}\n";
        var posted = await app.Client.PostAsync("/api/measurements", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var intake = await posted.Content.ReadAsStringAsync();
        Assert.True(System.Text.Json.JsonDocument.Parse(intake).RootElement.GetProperty("stored").GetInt32() == 1, intake);
        string[] wanted =
        [
            "http_server_request_duration_seconds_count{", "http_route=\"/api/regions\"", "http_response_status_code=\"200\"",
            "dala_intake_lines_total{", "outcome=\"stored\"", "dala_ndt7_tests_running", "dala_jobs_queued", "dala_view_cache_bytes",
        ];
        var text = "";
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            var r = await app.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("text/plain", r.Content.Headers.ContentType?.MediaType);
            text = await r.Content.ReadAsStringAsync();
            if (wanted.All(w => text.Contains(w, StringComparison.Ordinal))) return;
            await Task.Delay(100);
        }
        Assert.Fail($"/metrics lacks {string.Join(", ", wanted.Where(w => !text.Contains(w, StringComparison.Ordinal)))}:\n{text}");
    }

    /// <summary>A registry store whose every call fails, as a store that is down does.</summary>
    public class FailingStore : DispatchProxy
    {
        public static IRegistryStore Create() => Create<IRegistryStore, FailingStore>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("the store is down");
    }
}

using System.Net;
using System.Net.WebSockets;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

/// <summary>What is refused before the upgrade, and how: problem+json 400, 403 and 503 (with Retry-After).</summary>
[Collection(Ndt7Live.Name)]
public sealed class Ndt7AdmissionTests
{
    private static readonly Ndt7Settings Short = Ndt7Settings.Default with { Duration = TimeSpan.FromSeconds(2), HardCap = TimeSpan.FromSeconds(8) };

    [Fact]
    public async Task Without_the_ndt7_subprotocol_the_upgrade_is_a_400()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath, subprotocol: null), 400);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.UploadPath, subprotocol: "chat"), 400);
        using var ws = Ndt7Client.Socket(subprotocol: false);
        await Assert.ThrowsAsync<WebSocketException>(() => ws.ConnectAsync(server.Ws(Ndt7Endpoints.DownloadPath), CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, ws.HttpStatusCode);
        Assert.Empty(server.Results.Snapshot());
    }

    [Fact]
    public async Task A_request_that_is_not_an_upgrade_is_a_400()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath, upgrade: false), 400);
    }

    [Fact]
    public async Task A_query_string_over_4096_bytes_is_a_400()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        var query = "?client_name=" + new string('x', 4096);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath + query), 400);
    }

    [Fact]
    public async Task Over_capacity_the_next_test_is_a_503_with_retry_after_and_the_running_ones_complete()
    {
        await using var server = await Ndt7Server.StartAsync(Short with { Capacity = 2 });
        var first = Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath));
        var second = Ndt7Client.UploadAsync(server.Ws(Ndt7Endpoints.UploadPath));
        await Wait.Until(() => server.Capacity.Running == 2);

        var third = await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath);
        await Upgrade.AssertProblemAsync(third, 503);
        Assert.Equal(TimeSpan.FromSeconds(8), third.Headers.RetryAfter?.Delta);
        using var ws = Ndt7Client.Socket();
        await Assert.ThrowsAsync<WebSocketException>(() => ws.ConnectAsync(server.Ws(Ndt7Endpoints.UploadPath), CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ws.HttpStatusCode);

        Assert.True((await first).Bytes > 0);
        Assert.True((await second).Bytes > 0);
        await server.ResultAsync(r => r.Kind == Ndt7TestKind.Upload);
        await Wait.Until(() => server.Capacity.Running == 0);
        Assert.All(server.Results.Snapshot(), r => Assert.False(r.Aborted, r.AbortReason));
        Assert.Equal(2, server.Results.Snapshot().Count);
        Assert.True((await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath))).Bytes > 0);
    }

    [Fact]
    public async Task With_tokens_configured_only_a_known_access_token_runs_a_test()
    {
        await using var server = await Ndt7Server.StartAsync(Short with
        {
            Duration = TimeSpan.FromMilliseconds(500),
            AccessTokens = new HashSet<string>(StringComparer.Ordinal) { "kz-ndt7-secret", "other" },
        });
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath), 403);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath + "?access_token=wrong"), 403);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.UploadPath + "?access_token="), 403);
        await Upgrade.AssertProblemAsync(await Upgrade.SendAsync(server.Http, Ndt7Endpoints.UploadPath + "?access_token=kz-ndt7-secre"), 403);

        var run = await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath, "?access_token=kz-ndt7-secret&client_name=t"));
        Assert.True(run.Bytes > 0);
        var result = await server.ResultAsync(_ => true);
        Assert.Equal(new Dictionary<string, string> { ["client_name"] = "t" }, result.Metadata);
    }

    [Fact]
    public void The_default_access_lets_everyone_in() =>
        Assert.True(new AllowAllNdt7Access().Allows(new Microsoft.AspNetCore.Http.DefaultHttpContext()));
}

using System.Net;
using Dala.Web.Ndt7;
using Dala.Web.Tests.Ndt7;

namespace Dala.Web.Tests.Platform;

/// <summary>ndt7: a test that moves no data is closed and frees its slot; one address may run only a few tests at once.</summary>
[Collection(Ndt7Live.Name)]
public sealed class Ndt7LimitsTests
{
    [Theory]
    [InlineData(Ndt7Endpoints.UploadPath)]
    [InlineData(Ndt7Endpoints.DownloadPath)]
    public async Task A_socket_that_moves_no_data_is_closed_as_idle_and_frees_its_slot(string path)
    {
        // Explicit small idle timeout against long test and hard cap: only the idle rule can end the silent test.
        await using var server = await Ndt7Server.StartAsync(Ndt7Settings.Default with
        {
            Capacity = 1, Duration = TimeSpan.FromSeconds(60), HardCap = TimeSpan.FromSeconds(120), IdleTimeout = TimeSpan.FromMilliseconds(500),
        });
        using var silent = Ndt7Client.Socket();
        await silent.ConnectAsync(server.Ws(path), CancellationToken.None);
        var result = await server.ResultAsync(_ => true, TimeSpan.FromSeconds(60));
        Assert.True(result.Aborted);
        Assert.Equal(Ndt7Outcome.Idle, result.AbortReason);
        await Wait.Until(() => server.Capacity.Running == 0, 60);
        using var next = Ndt7Client.Socket();
        await next.ConnectAsync(server.Ws(Ndt7Endpoints.UploadPath), CancellationToken.None);
        Assert.Equal(1, server.Capacity.Running);
    }

    [Fact]
    public async Task Beyond_the_tests_one_address_may_run_the_next_is_a_503_with_retry_after()
    {
        await using var server = await Ndt7Server.StartAsync(Ndt7Settings.Default with
        {
            MaxPerAddress = 1, Duration = TimeSpan.FromSeconds(60), HardCap = TimeSpan.FromSeconds(90), IdleTimeout = TimeSpan.FromSeconds(90),
        });
        using var first = Ndt7Client.Socket();
        await first.ConnectAsync(server.Ws(Ndt7Endpoints.UploadPath), CancellationToken.None);
        Assert.Equal(1, server.Capacity.Running);
        var second = await Upgrade.SendAsync(server.Http, Ndt7Endpoints.DownloadPath);
        await Upgrade.AssertProblemAsync(second, 503);
        Assert.Equal(TimeSpan.FromSeconds(90), second.Headers.RetryAfter?.Delta);
        first.Abort();
        await Wait.Until(() => server.Capacity.Running == 0, 60);
        using var third = Ndt7Client.Socket();
        await third.ConnectAsync(server.Ws(Ndt7Endpoints.UploadPath), CancellationToken.None);
        Assert.Equal(1, server.Capacity.Running);
    }

    [Fact]
    public void Capacity_counts_per_address_and_in_all()
    {
        var capacity = new Ndt7Capacity(3, maxPerAddress: 2);
        var a = IPAddress.Parse("198.51.100.1");
        using var a1 = capacity.TryAcquire(a, out _);
        using var a2 = capacity.TryAcquire(IPAddress.Parse("::ffff:198.51.100.1"), out _);
        Assert.NotNull(a1);
        Assert.NotNull(a2);
        Assert.Null(capacity.TryAcquire(a, out var refusal));
        Assert.Equal(Ndt7Capacity.Refusal.AddressFull, refusal);
        using var b = capacity.TryAcquire(IPAddress.Parse("2001:db8::1"), out _);
        Assert.NotNull(b);
        Assert.Null(capacity.TryAcquire(IPAddress.Parse("203.0.113.9"), out refusal));
        Assert.Equal(Ndt7Capacity.Refusal.ServerFull, refusal);
        a1!.Dispose();
        a1.Dispose();
        Assert.Equal(2, capacity.Running);
        using var a3 = capacity.TryAcquire(a, out refusal);
        Assert.NotNull(a3);
        Assert.Equal(Ndt7Capacity.Refusal.None, refusal);
    }

    [Theory]
    [InlineData(0, 5000, 5000)]
    [InlineData(1200, 5000, 3800)]
    [InlineData(5000, 5000, 0)]
    [InlineData(9000, 5000, 0)]
    public void The_idle_rule_waits_for_the_rest_of_the_timeout(int sinceMs, int timeoutMs, int nextMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(nextMs), Ndt7Idle.NextCheck(TimeSpan.FromMilliseconds(sinceMs), TimeSpan.FromMilliseconds(timeoutMs)));

    [Fact]
    public void Settings_refuse_a_negative_per_address_limit_and_a_zero_idle_timeout()
    {
        Assert.Throws<ArgumentException>(() => (Ndt7Settings.Default with { MaxPerAddress = -1 }).Validated());
        Assert.Throws<ArgumentException>(() => (Ndt7Settings.Default with { IdleTimeout = TimeSpan.Zero }).Validated());
    }
}

using System.Diagnostics;
using System.Net.WebSockets;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

/// <summary>Clients that misbehave, many clients at once, and a server that stops mid-test.</summary>
[Collection(Ndt7Live.Name)]
public sealed class Ndt7RobustnessTests(ITestOutputHelper output)
{
    private static readonly Ndt7Settings Short = Ndt7Settings.Default with { Duration = TimeSpan.FromSeconds(2), HardCap = TimeSpan.FromSeconds(4) };

    [Fact]
    public async Task A_client_that_stops_reading_is_cut_at_the_hard_cap_and_the_server_carries_on()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        using var stuck = Ndt7Client.Socket();
        var watch = Stopwatch.StartNew();
        await stuck.ConnectAsync(server.Ws(Ndt7Endpoints.DownloadPath), CancellationToken.None);

        var result = await server.ResultAsync(_ => true, TimeSpan.FromSeconds(10));
        // Not before the hard cap (how much later depends on the machine's load, so no upper bound).
        Assert.True(watch.Elapsed >= Short.HardCap - TimeSpan.FromMilliseconds(100), $"{watch.Elapsed}");
        Assert.True(result.Aborted);
        Assert.Equal(Ndt7Outcome.HardCap, result.AbortReason);
        Assert.True(result.Bytes > 0);
        await Wait.Until(() => server.Capacity.Running == 0);

        var next = await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath));
        Assert.True(next.Bytes > 0);
        Assert.False((await server.ResultAsync(r => r.Uuid != result.Uuid)).Aborted);
    }

    [Fact]
    public async Task An_upload_client_that_never_sends_is_measured_at_zero_and_released_by_the_hard_cap()
    {
        await using var server = await Ndt7Server.StartAsync(Short with { Duration = TimeSpan.FromSeconds(1), HardCap = TimeSpan.FromSeconds(3) });
        using var idle = Ndt7Client.Socket();
        var watch = Stopwatch.StartNew();
        await idle.ConnectAsync(server.Ws(Ndt7Endpoints.UploadPath), CancellationToken.None);

        var result = await server.ResultAsync(_ => true, TimeSpan.FromSeconds(10));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.9), $"{watch.Elapsed}");
        Assert.Equal(0, result.Bytes);
        Assert.Equal(0, result.MbitPerSecond);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        await Wait.Until(() => server.Capacity.Running == 0);
    }

    [Fact]
    public async Task A_download_client_that_closes_early_is_recorded_as_aborted()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        using var ws = Ndt7Client.Socket();
        await ws.ConnectAsync(server.Ws(Ndt7Endpoints.DownloadPath), CancellationToken.None);
        var reading = Drain(ws);
        await Task.Delay(300);
        await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "enough", CancellationToken.None);
        await reading;

        var result = await server.ResultAsync(_ => true);
        Assert.True(result.Aborted);
        Assert.Equal(Ndt7Outcome.ClosedEarly, result.AbortReason);
        Assert.True(result.Duration < Short.Duration);
    }

    [Fact]
    public async Task A_download_client_that_closes_in_the_last_tenth_by_its_own_timer_has_completed()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        using var ws = Ndt7Client.Socket();
        await ws.ConnectAsync(server.Ws(Ndt7Endpoints.DownloadPath), CancellationToken.None);
        var reading = Drain(ws);
        // The server's watch starts before the client's delay, so by the close the server has seen at least 95% of the test.
        await Task.Delay(Short.Duration * 0.95);
        try
        {
            await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "my timer says done", CancellationToken.None);
        }
        catch (WebSocketException) when (ws.State is WebSocketState.Closed or WebSocketState.CloseReceived)
        {
            // On a busy machine the delay can outlast the test: the server has then closed first, the test complete.
        }
        await reading;

        var result = await server.ResultAsync(_ => true);
        Assert.False(result.Aborted, result.AbortReason);
        Assert.True(result.Bytes > 0);
    }

    [Fact]
    public async Task A_binary_message_during_the_download_closes_the_connection_with_a_protocol_error()
    {
        await using var server = await Ndt7Server.StartAsync(Short);
        using var ws = Ndt7Client.Socket();
        await ws.ConnectAsync(server.Ws(Ndt7Endpoints.DownloadPath), CancellationToken.None);
        var reading = Drain(ws);
        await ws.SendAsync(new byte[16], WebSocketMessageType.Binary, true, CancellationToken.None);
        await reading;

        Assert.Equal(WebSocketCloseStatus.ProtocolError, ws.CloseStatus);
        var result = await server.ResultAsync(_ => true);
        Assert.True(result.Aborted);
        Assert.Equal(Ndt7Outcome.BinaryDuringDownload, result.AbortReason);
    }

    [Fact]
    public async Task Fifty_concurrent_downloads_all_complete()
    {
        await using var server = await Ndt7Server.StartAsync(Short with { HardCap = TimeSpan.FromSeconds(15), MaxPerAddress = 0 });
        var watch = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                return await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath, $"?client_name=load-{i}"));
            }
            catch (Exception e) when (e is WebSocketException or IOException)
            {
                output.WriteLine($"stream {i}: {e.Message}");
                return null;
            }
        }));
        var wall = watch.Elapsed;
        await Wait.Until(() => server.Results.Snapshot().Count == 50, 20);
        var results = server.Results.Snapshot();

        Assert.Equal(0, runs.Count(r => r is null || r.Bytes == 0));
        Assert.Equal(0, results.Count(r => r.Aborted));
        Assert.Equal(runs.Sum(r => r!.Bytes), results.Sum(r => r.Bytes));
        output.WriteLine($"50 streams in {wall.TotalSeconds:F1} s: total {results.Sum(r => r.MbitPerSecond):F0} Mbit/s, " +
            $"per stream min {results.Min(r => r.MbitPerSecond):F0} / max {results.Max(r => r.MbitPerSecond):F0} Mbit/s");
    }

    [Fact]
    public async Task Stopping_the_server_ends_running_tests_as_aborted_without_waiting_for_the_hard_cap()
    {
        var server = await Ndt7Server.StartAsync(Ndt7Settings.Default);
        var results = server.Results;
        var run = Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath));
        await Wait.Until(() => server.Capacity.Running == 1);
        await Task.Delay(300);
        var watch = Stopwatch.StartNew();
        await server.StopAsync();
        // Sooner than the test would have run out (the bound is the test's own length, not a figure for a quiet machine).
        Assert.True(watch.Elapsed < Ndt7Settings.Default.Duration, $"stopping took {watch.Elapsed}");
        await server.DisposeAsync();
        await Assert.ThrowsAsync<WebSocketException>(() => run);
        var result = Assert.Single(results.Snapshot());
        Assert.True(result.Aborted);
        Assert.Equal(Ndt7Outcome.ServerStopping, result.AbortReason);
    }

    private static async Task Drain(ClientWebSocket ws)
    {
        var buffer = new byte[1 << 20];
        while ((await ws.ReceiveAsync(buffer.AsMemory(), CancellationToken.None)).MessageType != WebSocketMessageType.Close) { }
        if (ws.State == WebSocketState.CloseReceived) await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }
}

using System.Net.WebSockets;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

/// <summary>Full download and upload tests against real Kestrel, compared with what the server recorded.</summary>
[Collection(Ndt7Live.Name)]
public sealed class Ndt7TestRunTests(ITestOutputHelper output)
{
    private static readonly Ndt7Settings Short = Ndt7Settings.Default with { Duration = TimeSpan.FromSeconds(2), HardCap = TimeSpan.FromSeconds(8) };

    [Fact]
    public async Task Download_sends_data_and_measurements_and_the_server_records_what_the_client_measured()
    {
        await Ndt7Server.WarmUpAsync();
        await using var server = await Ndt7Server.StartAsync(Short);
        var run = await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath, "?client_name=dala-test&client_version=1&access_token=x&server_x=1"));
        var result = await server.ResultAsync(r => r.Kind == Ndt7TestKind.Download);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, run.CloseStatus);
        Assert.True(run.Bytes > 0);
        Assert.False(result.Aborted, result.AbortReason);
        Assert.Equal(run.Bytes, result.Bytes);
        Assert.True(result.Duration >= Short.Duration, $"{result.Duration}");
        output.WriteLine($"client received {run.Bytes} B in {run.Elapsed.TotalSeconds:F3} s = {run.Mbps:F0} Mbit/s; server sent {result.Bytes} B in {result.Duration.TotalSeconds:F3} s = {result.MbitPerSecond:F0} Mbit/s");
        // Rates are compared in bench/, not here: the client's and the server's clocks differ on a busy machine.
        AssertMeasurements(run, "download", result);
        Assert.Equal(Ndt7Server.Clock.Now, result.StartedAt);
        Assert.Equal("127.0.0.0/24", result.ClientNetwork);
        Assert.Equal(new Dictionary<string, string> { ["client_name"] = "dala-test", ["client_version"] = "1" }, result.Metadata);
        Assert.Equal(0, server.Capacity.Running);
    }

    [Fact]
    public async Task Upload_counts_what_the_client_sends_and_the_server_records_what_the_client_measured()
    {
        await Ndt7Server.WarmUpAsync();
        await using var server = await Ndt7Server.StartAsync(Short);
        var run = await Ndt7Client.UploadAsync(server.Ws(Ndt7Endpoints.UploadPath, "?client_name=dala-test"));
        var result = await server.ResultAsync(r => r.Kind == Ndt7TestKind.Upload);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, run.CloseStatus);
        Assert.False(result.Aborted, result.AbortReason);
        Assert.True(result.Bytes > 0);
        Assert.True(result.Bytes <= run.Bytes);
        Assert.True(result.Duration >= Short.Duration, $"{result.Duration}");
        output.WriteLine($"client sent {run.Bytes} B in {run.Elapsed.TotalSeconds:F3} s = {run.Mbps:F0} Mbit/s; server received {result.Bytes} B in {result.Duration.TotalSeconds:F3} s = {result.MbitPerSecond:F0} Mbit/s");
        AssertMeasurements(run, "upload", result);
        // Like with like: the last figure the server sent counted bytes the final record also counts (more may arrive after it).
        Assert.InRange(run.Parsed[^1].AppInfo!.NumBytes, 1, result.Bytes);
    }

    [Fact]
    public async Task An_outer_UseWebSockets_does_not_get_in_the_way()
    {
        await using var server = await Ndt7Server.StartAsync(Short with { Duration = TimeSpan.FromMilliseconds(500) }, outerUseWebSockets: true);
        var run = await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath));
        Assert.True(run.Bytes > 0);
        Assert.False((await server.ResultAsync(_ => true)).Aborted);
    }

    private static void AssertMeasurements(ClientRun run, string test, Ndt7Result result)
    {
        var ms = run.Parsed;
        Assert.True(ms.Count >= 2, $"{ms.Count} measurements in 2 s");
        Assert.All(ms, m => Assert.Equal(("server", test), (m.Origin, m.Test)));
        Assert.Equal(result.Uuid, ms[0].ConnectionInfo!.UUID);
        Assert.StartsWith("127.0.0.1:", ms[0].ConnectionInfo!.Client, StringComparison.Ordinal);
        Assert.All(ms.Skip(1), m => Assert.Null(m.ConnectionInfo));
        var times = ms.Select(m => m.AppInfo!.ElapsedTime).ToArray();
        var bytes = ms.Select(m => m.AppInfo!.NumBytes).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.Equal(bytes.Order(), bytes);
        for (var i = 1; i < times.Length - 1; i++) Assert.True(times[i] - times[i - 1] >= 250_000, $"gap {times[i] - times[i - 1]} µs");
        if (!OperatingSystem.IsLinux()) return;
        Assert.All(ms, m => Assert.NotNull(m.TCPInfo?.RTT));
        Assert.NotNull(result.MinRttMicros);
        Assert.Equal(1, result.LastTcpInfo!.State);
    }
}

[CollectionDefinition(Name)]
public sealed class Ndt7Live
{
    /// <summary>The live tests measure throughput: they run one after another, not against each other.</summary>
    public const string Name = "ndt7 live";
}

using System.Text.Json;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

/// <summary>The official ndt7 JavaScript client (@m-lab/ndt7, under Node) against our server: both subtests complete
/// and the client's speeds agree with what the server recorded.</summary>
[Collection(Ndt7Live.Name)]
public sealed class Ndt7OfficialClientTests(ITestOutputHelper output)
{
    [NodeFact]
    public async Task The_official_client_completes_download_and_upload_and_agrees_with_the_server()
    {
        await Ndt7Server.WarmUpAsync();
        await using var server = await Ndt7Server.StartAsync(Ndt7Settings.Default); // the spec's 10 s, as the client expects
        var (json, stderr) = await NodeHarness.RunAsync(server.HostPort, "dala-ndt7-node-test", TimeSpan.FromSeconds(60));
        output.WriteLine(json.GetRawText());
        if (stderr.Length > 0) output.WriteLine(stderr);

        Assert.True(json.GetProperty("ok").GetBoolean(), json.GetRawText());
        foreach (var (test, kind) in new[] { ("download", Ndt7TestKind.Download), ("upload", Ndt7TestKind.Upload) })
        {
            var figures = json.GetProperty(test);
            var uuid = figures.GetProperty("uuid").GetString();
            var result = await server.ResultAsync(r => r.Uuid == uuid);
            var client = figures.GetProperty("client").GetProperty("MeanClientMbps").GetDouble();
            var serverSaid = figures.GetProperty("server");
            output.WriteLine($"{test}: client {client:F0} Mbit/s, server's last message {serverSaid.GetProperty("Mbps").GetDouble():F0} Mbit/s, sink {result.MbitPerSecond:F0} Mbit/s");

            Assert.Equal(kind, result.Kind);
            Assert.False(result.Aborted, result.AbortReason);
            // Like with like: the last figure the server sent counted bytes its final record counts too (more can follow it).
            Assert.InRange(serverSaid.GetProperty("NumBytes").GetInt64(), 1, result.Bytes);
            // Rates are timings: on a busy machine the client's clock and the server's disagree, so they are not compared
            // (bench/ measures throughput). The client measured something, and the server's figure is its bytes over its time.
            Assert.True(client > 0 && double.IsFinite(client), $"client rate {client}");
            Assert.Equal(result.Bytes * 8 / result.Duration.TotalSeconds / 1e6, result.MbitPerSecond, tolerance: 1e-6);
            Assert.Equal("ndt7-js", result.Metadata["client_library_name"]);
            Assert.Equal("dala-ndt7-node-test", result.Metadata["client_name"]);
            if (OperatingSystem.IsLinux()) Assert.NotEqual(JsonValueKind.Null, serverSaid.GetProperty("MinRTT").ValueKind);
        }
    }
}

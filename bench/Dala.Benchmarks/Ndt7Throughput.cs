using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Dala.Geo;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Benchmarks;

/// <summary>
/// ndt7 download throughput over loopback: N concurrent ClientWebSocket downloads against our server (Kestrel,
/// spec settings: 10 s tests), reporting the aggregate and per-stream rates the server recorded.
/// </summary>
public static class Ndt7Throughput
{
    public static async Task<int> RunAsync(int streams, int seconds)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddNdt7(SystemClock.Instance, Ndt7Settings.Default with
        {
            Duration = TimeSpan.FromSeconds(seconds), HardCap = TimeSpan.FromSeconds(seconds + 5), Capacity = Math.Max(64, streams),
        });
        var app = builder.Build();
        app.MapNdt7();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("http", "ws", StringComparison.Ordinal);
        await Download(url, seconds + 10); // warm-up: one whole test (JIT, connection paths)
        var results = app.Services.GetRequiredService<InMemoryNdt7Results>();
        var before = results.Snapshot().Count;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Download(url, seconds + 10)));
        sw.Stop();
        var runs = results.Snapshot().Skip(before).ToArray();
        var failures = streams - runs.Count(r => !r.Aborted);
        var total = runs.Sum(r => r.Bytes) * 8 / 1e6 / runs.Max(r => r.Duration.TotalSeconds);
        var per = runs.Select(r => r.MbitPerSecond).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ndt7-loopback-download streams={streams} ({seconds} s): aggregate={total:0} Mbit/s, per-stream median={per[per.Length / 2]:0} Mbit/s (min {per[0]:0}, max {per[^1]:0}), failures={failures}, wall={sw.Elapsed.TotalSeconds:0.0} s"));
        await app.StopAsync();
        return failures == 0 ? 0 : 1;
    }

    private static async Task Download(string url, int timeoutSeconds)
    {
        using var ws = new ClientWebSocket();
        ws.Options.AddSubProtocol("net.measurementlab.ndt.v7");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await ws.ConnectAsync(new Uri(url + "/ndt/v7/download"), cancel.Token);
        var buffer = new byte[1 << 20];
        while (ws.State == WebSocketState.Open)
        {
            var r = await ws.ReceiveAsync(buffer, cancel.Token);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
                break;
            }
        }
    }
}

using Dala.Testing;
using Dala.Web.Ndt7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests.Ndt7;

/// <summary>
/// A minimal app with only the ndt7 endpoints on real Kestrel (127.0.0.1, a free port), so the tests get real TCP
/// sockets (and TCP_INFO) and do not depend on how DalaWeb wires things.
/// </summary>
public sealed class Ndt7Server : IAsyncDisposable
{
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    private readonly WebApplication _app;

    private Ndt7Server(WebApplication app, Uri http)
    {
        _app = app;
        Http = http;
    }

    public Uri Http { get; }
    public string HostPort => $"{Http.Host}:{Http.Port}";
    public InMemoryNdt7Results Results => _app.Services.GetRequiredService<InMemoryNdt7Results>();
    public Ndt7Capacity Capacity => _app.Services.GetRequiredService<Ndt7Capacity>();

    public static async Task<Ndt7Server> StartAsync(Ndt7Settings settings, bool outerUseWebSockets = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddNdt7(Clock, settings);
        var app = builder.Build();
        if (outerUseWebSockets) app.UseWebSockets();
        app.MapNdt7();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Ndt7Server(app, new Uri(address));
    }

    public Uri Ws(string path, string query = "") => new($"ws://{HostPort}{path}{query}");

    private static readonly Lazy<Task> Warm = new(async () =>
    {
        await using var server = await StartAsync(Ndt7Settings.Default with { Duration = TimeSpan.FromMilliseconds(300), HardCap = TimeSpan.FromSeconds(5) });
        await Ndt7Client.DownloadAsync(server.Ws(Ndt7Endpoints.DownloadPath));
        await Ndt7Client.UploadAsync(server.Ws(Ndt7Endpoints.UploadPath));
    });

    /// <summary>
    /// Runs one short download and upload per process before a test that compares throughputs: the first connection
    /// compiles the client's and server's WebSocket paths, which on a small machine pauses for up to a second between
    /// the server's start of the clock and the client's first byte, and would land inside the measured window.
    /// </summary>
    public static Task WarmUpAsync() => Warm.Value;

    /// <summary>The server records a result after the close handshake, a moment after the client sees the Close.</summary>
    public async Task<Ndt7Result> ResultAsync(Func<Ndt7Result, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (Results.Snapshot().FirstOrDefault(match) is { } r) return r;
            await Task.Delay(20);
        }
        throw new TimeoutException("no matching ndt7 result was recorded");
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

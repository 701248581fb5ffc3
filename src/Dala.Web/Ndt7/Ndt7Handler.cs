using System.Net.WebSockets;
using Dala.Geo;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Ndt7;

/// <summary>
/// One ndt7 request, start to end: the checks (<see cref="Ndt7Admission"/>), a capacity slot held until the request
/// ends (at most Capacity in all and MaxPerAddress per client address), the upgrade with the ndt7 subprotocol, the subtest
/// under a hard-cap deadline and the idle rule (<see cref="Ndt7Idle"/>), and one result for the sink
/// whatever happened after the upgrade.
/// </summary>
public sealed class Ndt7Handler(Ndt7Settings settings, INdt7Access access, INdt7ResultSink sink, Ndt7Capacity capacity,
    IClock clock, IHostApplicationLifetime lifetime, ILogger<Ndt7Handler> log)
{
    private readonly Lazy<byte[]> _payload = new(() => RandomPayload.Create(settings.MaxMessageSize));

    public async Task HandleAsync(HttpContext context, Ndt7TestKind kind)
    {
        if (Ndt7Admission.Refusal(context, settings, access) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        using var slot = capacity.TryAcquire(context.Connection.RemoteIpAddress, out var full);
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await (full == Ndt7Capacity.Refusal.AddressFull ? Ndt7Admission.AddressBusy(capacity.MaxPerAddress) : Ndt7Admission.Busy(capacity.Capacity))
                .ExecuteAsync(context);
            return;
        }
        var startedAt = clock.Now;
        var uuid = Guid.CreateVersion7(startedAt).ToString();
        using var hardCap = new CancellationTokenSource(settings.HardCap);
        using var idle = new CancellationTokenSource();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(hardCap.Token, idle.Token, context.RequestAborted, lifetime.ApplicationStopping);
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = Ndt7Endpoints.Subprotocol,
                DangerousEnableCompression = false,
                KeepAliveInterval = TimeSpan.Zero,
            });
        }
        catch (Exception e) when (e is IOException or WebSocketException or OperationCanceledException)
        {
            return; // the client left during the handshake: no test ran
        }
        var connection = new ConnectionInfo(ClientNetwork.Endpoint(context.Connection.RemoteIpAddress, context.Connection.RemotePort),
            ClientNetwork.Endpoint(context.Connection.LocalIpAddress, context.Connection.LocalPort), uuid);
        var session = new Ndt7Session(socket, kind, connection, TcpInfoReader.For(context), deadline.Token);
        using var watchEnd = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var watchdog = Ndt7Idle.WatchAsync(session, settings.IdleTimeout, idle, watchEnd.Token);
        var reason = await RunAsync(session, kind, hardCap.Token, idle.Token);
        await watchEnd.CancelAsync();
        await watchdog;
        var elapsed = session.MeasuredElapsed ?? session.Elapsed;
        var bytes = session.MeasuredElapsed is null ? session.Bytes : session.MeasuredBytes;
        Record(new Ndt7Result(uuid, kind, startedAt, elapsed, bytes, Ndt7Result.Mbps(bytes, elapsed), reason is not null, reason,
            ClientNetwork.Truncate(context.Connection.RemoteIpAddress), Ndt7Metadata.From(context.Request.Query), session.LastTcpInfo));
    }

    private async Task<string?> RunAsync(Ndt7Session session, Ndt7TestKind kind, CancellationToken hardCap, CancellationToken idle)
    {
        try
        {
            return kind == Ndt7TestKind.Download
                ? await Ndt7Download.RunAsync(session, settings, _payload.Value)
                : await Ndt7Upload.RunAsync(session, settings);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Aborting the socket also aborts the request, so the hard cap and a stopping server are asked first.
            return Ndt7Outcome.Cancelled(hardCap.IsCancellationRequested, lifetime.ApplicationStopping.IsCancellationRequested, idle.IsCancellationRequested);
        }
        finally
        {
            session.EndMeasurement();
            if (session.Socket.State != WebSocketState.Closed) session.Socket.Abort();
            if (session.Receiving is not null) await session.Receiving;
            session.Socket.Dispose();
        }
    }

    private void Record(Ndt7Result result)
    {
        if (result.Aborted) log.LogInformation("ndt7 {Kind} {Uuid} aborted: {Reason}", result.Kind, result.Uuid, result.AbortReason);
        try
        {
            sink.Record(result);
        }
#pragma warning disable CA1031 // a failing sink must not take the server down; the result is logged instead
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogError(e, "ndt7 result sink failed for {Uuid}", result.Uuid);
        }
    }
}

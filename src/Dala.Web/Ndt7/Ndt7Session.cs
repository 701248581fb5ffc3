using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Dala.Web.Ndt7;

/// <summary>How the client side of a test ended, as the receive loop saw it.</summary>
public enum ReceiveEnd { ClientClosed, Cancelled, ConnectionLost }

/// <summary>
/// One running test: the socket, its clock (a Stopwatch started at the upgrade), the byte counter, the frozen figures
/// once the measured phase ends, and the single receive loop. All sends happen on the test's own flow, the receive
/// loop is the only reader (WebSocket allows one of each at a time). Every wait is bound to <see cref="Cancel"/>,
/// which fires at the hard cap, when the request is aborted or when the server stops.
/// </summary>
public sealed class Ndt7Session(WebSocket socket, Ndt7TestKind kind, ConnectionInfo connection, TcpInfoReader tcp, CancellationToken cancel)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _bytes;
    private long _lastProgressTicks;
    private bool _connectionSent;
    private volatile bool _binaryDuringDownload;

    public WebSocket Socket => socket;
    public CancellationToken Cancel => cancel;
    public TimeSpan Elapsed => _watch.Elapsed;
    public long Bytes => Interlocked.Read(ref _bytes);
    public TcpInfo? LastTcpInfo { get; private set; }
    public Task<ReceiveEnd>? Receiving { get; private set; }
    public TimeSpan? MeasuredElapsed { get; private set; }
    public long MeasuredBytes { get; private set; }

    /// <summary>The client sent a binary message during the download, which the spec forbids: the server must close.</summary>
    public bool BinaryDuringDownload => _binaryDuringDownload;

    public void AddBytes(long count)
    {
        Interlocked.Add(ref _bytes, count);
        if (count > 0) Interlocked.Exchange(ref _lastProgressTicks, _watch.Elapsed.Ticks);
    }

    /// <summary>Time since data last moved (or since the upgrade when none has).</summary>
    public TimeSpan SinceProgress => _watch.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref _lastProgressTicks));

    /// <summary>Ends the measured phase: the result's bytes and duration are those of this moment (first call wins).</summary>
    public void EndMeasurement()
    {
        if (MeasuredElapsed is not null) return;
        MeasuredBytes = Bytes;
        MeasuredElapsed = Elapsed;
    }

    public bool CanSend => socket.State is WebSocketState.Open or WebSocketState.CloseReceived;

    /// <summary>A server measurement: AppInfo, ConnectionInfo the first time, TCPInfo when the kernel gives it.</summary>
    public async Task SendMeasurementAsync(long numBytes)
    {
        var micros = Elapsed.Ticks / TimeSpan.TicksPerMicrosecond;
        var info = tcp.Read(micros);
        if (info is not null) LastTcpInfo = info;
        var message = new Ndt7Measurement(new AppInfo(micros, numBytes), _connectionSent ? null : connection, "server",
            kind == Ndt7TestKind.Download ? "download" : "upload", info);
        _connectionSent = true;
        await socket.SendAsync(message.ToUtf8Json(), WebSocketMessageType.Text, true, cancel);
    }

    /// <summary>Starts the one reader, which runs until the client's Close. Upload counts every data byte; download
    /// flags a binary message (and keeps reading, so the close handshake that follows can complete).</summary>
    public Task<ReceiveEnd> StartReceiving() => Receiving ??= ReceiveAsync(kind == Ndt7TestKind.Upload);

    /// <summary>Sends our Close (if the socket still allows it) and waits for the client's, at most until the hard cap.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        if (CanSend) await socket.CloseOutputAsync(status, description, cancel);
        if (Receiving is not null) await Receiving;
    }

    private async Task<ReceiveEnd> ReceiveAsync(bool upload)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(upload ? 1 << 18 : 1 << 12);
        try
        {
            for (var reads = 1; ; reads++)
            {
                // While data is waiting every read completes at once and this loop would keep its thread; yielding now
                // and then lets measurement timers and other tests run when the CPUs are saturated.
                if (reads % 16 == 0) await Task.Yield();
                var r = await socket.ReceiveAsync(buffer.AsMemory(), cancel);
                if (r.MessageType == WebSocketMessageType.Close) return ReceiveEnd.ClientClosed;
                if (upload) AddBytes(r.Count);
                else if (r.MessageType == WebSocketMessageType.Binary) _binaryDuringDownload = true;
            }
        }
        catch (OperationCanceledException)
        {
            return ReceiveEnd.Cancelled;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return cancel.IsCancellationRequested ? ReceiveEnd.Cancelled : ReceiveEnd.ConnectionLost;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

/// <summary>What a test client saw: payload bytes, the time from the upgrade to the server's Close, the server's measurements.</summary>
public sealed record ClientRun(long Bytes, TimeSpan Elapsed, IReadOnlyList<string> Measurements, WebSocketCloseStatus? CloseStatus)
{
    public double Mbps => Ndt7Result.Mbps(Bytes, Elapsed);

    public IReadOnlyList<Ndt7Measurement> Parsed => [.. Measurements.Select(m => Ndt7Measurement.Parse(m)!)];
}

/// <summary>A well-behaved ndt7 client on ClientWebSocket: reads everything, answers the server's Close once it is done sending.</summary>
public static class Ndt7Client
{
    public static ClientWebSocket Socket(bool subprotocol = true)
    {
        var ws = new ClientWebSocket();
        if (subprotocol) ws.Options.AddSubProtocol(Ndt7Endpoints.Subprotocol);
        ws.Options.CollectHttpResponseDetails = true;
        return ws;
    }

    public static async Task<ClientRun> DownloadAsync(Uri uri, CancellationToken cancel = default)
    {
        using var ws = Socket();
        await ws.ConnectAsync(uri, cancel);
        var run = await ReadUntilCloseAsync(ws, Stopwatch.StartNew(), cancel, sent: null);
        await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancel);
        return run;
    }

    public static async Task<ClientRun> UploadAsync(Uri uri, int messageSize = 1 << 20, CancellationToken cancel = default)
    {
        using var ws = Socket();
        await ws.ConnectAsync(uri, cancel);
        var watch = Stopwatch.StartNew();
        long sent = 0;
        var reading = ReadUntilCloseAsync(ws, watch, cancel, sent: () => Interlocked.Read(ref sent));
        var payload = new byte[messageSize];
        Random.Shared.NextBytes(payload);
        while (!reading.IsCompleted && ws.State == WebSocketState.Open)
        {
            try
            {
                await ws.SendAsync(payload, WebSocketMessageType.Binary, true, cancel);
                Interlocked.Add(ref sent, payload.Length);
            }
            catch (WebSocketException) when (reading.IsCompleted || ws.State != WebSocketState.Open)
            {
                break;
            }
        }
        var run = await reading;
        if (ws.State == WebSocketState.CloseReceived) await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancel);
        return run;
    }

    /// <summary>Reads until the server's Close; the bytes are those received (download) or, given <paramref name="sent"/>,
    /// those sent by the moment the Close arrived (upload).</summary>
    private static async Task<ClientRun> ReadUntilCloseAsync(ClientWebSocket ws, Stopwatch watch, CancellationToken cancel, Func<long>? sent)
    {
        var buffer = new byte[1 << 20];
        var text = new MemoryStream();
        var measurements = new List<string>();
        long bytes = 0;
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer.AsMemory(), cancel);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return new ClientRun(sent?.Invoke() ?? bytes, watch.Elapsed, measurements, ws.CloseStatus);
            }
            if (r.MessageType == WebSocketMessageType.Binary)
            {
                bytes += r.Count;
                continue;
            }
            text.Write(buffer, 0, r.Count);
            if (!r.EndOfMessage) continue;
            measurements.Add(Encoding.UTF8.GetString(text.ToArray()));
            text.SetLength(0);
        }
    }
}

using System.Net.WebSockets;

namespace Dala.Web.Ndt7;

/// <summary>
/// The download subtest: binary messages of random bytes (slices of one shared buffer, sized by
/// <see cref="MessageSizes"/>) for <c>Duration</c>, a measurement first and then whenever <c>MeasurementInterval</c>
/// has passed (between messages), a last measurement, and a normal Close. Every send is cancelled at the hard cap, so
/// a client that stops reading cannot hold the server. Returns the abort reason, or null when the test ran its course.
/// </summary>
public static class Ndt7Download
{
    public static async Task<string?> RunAsync(Ndt7Session s, Ndt7Settings settings, ReadOnlyMemory<byte> payload)
    {
        var receiving = s.StartReceiving();
        var size = settings.InitialMessageSize;
        long sent = 0;
        await s.SendMeasurementAsync(0);
        var next = s.Elapsed + settings.MeasurementInterval;
        while (s.Elapsed < settings.Duration && !receiving.IsCompleted && !s.BinaryDuringDownload)
        {
            await SendMessageAsync(s, payload[..size], settings.MaxFrameSize);
            sent += size;
            s.AddBytes(size);
            size = MessageSizes.Next(size, sent, settings);
            if (s.Elapsed < next) continue;
            await s.SendMeasurementAsync(sent);
            next = s.Elapsed + settings.MeasurementInterval;
        }
        s.EndMeasurement();
        if (s.BinaryDuringDownload)
        {
            await s.CloseAsync(WebSocketCloseStatus.ProtocolError, "binary message during download");
            return Ndt7Outcome.BinaryDuringDownload;
        }
        if (receiving.IsCompleted) return await EndedByClientAsync(s, settings, await receiving);
        try
        {
            await s.SendMeasurementAsync(sent);
            await s.CloseAsync(WebSocketCloseStatus.NormalClosure, "test complete");
        }
        catch (Exception e) when (e is WebSocketException or IOException && !s.Cancel.IsCancellationRequested)
        {
            // The test ran its whole duration; a client that left by its own timer while the last measurement and the
            // Close were on their way (clocks drift on a busy machine) has still completed it.
        }
        return null;
    }

    /// <summary>One WebSocket message, written as frames of at most <paramref name="frameSize"/> bytes.</summary>
    private static async Task SendMessageAsync(Ndt7Session s, ReadOnlyMemory<byte> message, int frameSize)
    {
        for (var offset = 0; offset < message.Length; offset += frameSize)
        {
            var frame = message.Slice(offset, Math.Min(frameSize, message.Length - offset));
            await s.Socket.SendAsync(frame, WebSocketMessageType.Binary, offset + frame.Length == message.Length, s.Cancel);
        }
    }

    /// <summary>
    /// The client ended the download. Clients keep their own 10 s timer, so a close in the last tenth of the test is the
    /// test's normal end seen from the other clock (on a busy phone or server the two drift apart), not an early exit.
    /// </summary>
    private static async Task<string?> EndedByClientAsync(Ndt7Session s, Ndt7Settings settings, ReceiveEnd end)
    {
        if (end != ReceiveEnd.ClientClosed) return Ndt7Outcome.Reason(end, s.Cancel);
        if (s.Elapsed >= settings.Duration * 0.9)
        {
            await s.CloseAsync(WebSocketCloseStatus.NormalClosure, "test complete");
            return null;
        }
        await s.CloseAsync(WebSocketCloseStatus.NormalClosure, "closed by client");
        return Ndt7Outcome.ClosedEarly;
    }
}

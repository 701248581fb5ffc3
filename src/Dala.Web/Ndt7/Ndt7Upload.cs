using System.Net.WebSockets;

namespace Dala.Web.Ndt7;

/// <summary>
/// The upload subtest: the receive loop counts every byte the client sends (binary and text); the server sends a
/// measurement (AppInfo with the bytes received so far, TCPInfo) first and then every <c>MeasurementInterval</c>.
/// After <c>Duration</c> (or when the client closes, which is how ndt7 clients end their own 10 s), the figures are
/// frozen, a last measurement goes out, and the server closes normally, draining what the client still had in flight.
/// A client that never sends is simply measured at 0 bytes; one that never answers the Close ends at the hard cap.
/// </summary>
public static class Ndt7Upload
{
    public static async Task<string?> RunAsync(Ndt7Session s, Ndt7Settings settings)
    {
        var receiving = s.StartReceiving();
        await s.SendMeasurementAsync(0);
        var next = s.Elapsed + settings.MeasurementInterval;
        while (s.Elapsed < settings.Duration && !receiving.IsCompleted)
        {
            var wait = Min(next, settings.Duration) - s.Elapsed;
            if (wait > TimeSpan.Zero) await Task.WhenAny(receiving, Task.Delay(wait, s.Cancel));
            s.Cancel.ThrowIfCancellationRequested();
            if (s.Elapsed < next || receiving.IsCompleted || s.Elapsed >= settings.Duration) continue;
            await s.SendMeasurementAsync(s.Bytes);
            next = s.Elapsed + settings.MeasurementInterval;
        }
        s.EndMeasurement();
        var end = receiving.IsCompleted ? await receiving : ReceiveEnd.ClientClosed;
        if (end is ReceiveEnd.Cancelled or ReceiveEnd.ConnectionLost) return Ndt7Outcome.Reason(end, s.Cancel);
        if (s.CanSend) await s.SendMeasurementAsync(s.MeasuredBytes);
        await s.CloseAsync(WebSocketCloseStatus.NormalClosure, "test complete");
        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

namespace Dala.Web.Ndt7;

/// <summary>Why a test stopped early, in words for the result record.</summary>
public static class Ndt7Outcome
{
    public const string HardCap = "hard cap reached";
    public const string ServerStopping = "server stopping";
    public const string ConnectionLost = "connection lost";
    public const string ClosedEarly = "client closed before the end";
    public const string Idle = "idle: no data moved within the idle timeout";
    public const string BinaryDuringDownload = "client sent a binary message during the download";

    /// <summary>The reason for a receive loop that ended other than by the client's Close; a cancelled one is thrown
    /// as such, for the handler to tell the hard cap from a stopping server or a vanished client.</summary>
    public static string Reason(ReceiveEnd end, CancellationToken cancel) => end switch
    {
        ReceiveEnd.ClientClosed => ClosedEarly,
        ReceiveEnd.Cancelled => throw new OperationCanceledException(cancel),
        _ => ConnectionLost,
    };

    /// <summary>Why a send or receive failed: the server stopping, else the hard cap, else the idle rule, else the connection went away.</summary>
    public static string Cancelled(bool hardCapReached, bool serverStopping, bool idle = false) =>
        serverStopping ? ServerStopping : hardCapReached ? HardCap : idle ? Idle : ConnectionLost;
}

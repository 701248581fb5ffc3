using System.Text.Json.Serialization;

namespace Dala.Web.Ndt7;

[JsonConverter(typeof(JsonStringEnumConverter<Ndt7TestKind>))]
public enum Ndt7TestKind { Download, Upload }

/// <summary>
/// One ndt7 test as the server measured it. <see cref="Bytes"/> are application-level payload bytes sent (download)
/// or received (upload) within <see cref="Duration"/>; <see cref="MbitPerSecond"/> is Bytes * 8 / Duration.
/// <see cref="ClientNetwork"/> is the client's /24 or /48, never its address. <see cref="Aborted"/> tests (hard cap,
/// connection lost, server stopping, protocol violation, download closed early) carry their figures so far and a reason.
/// </summary>
public sealed record Ndt7Result(
    string Uuid,
    Ndt7TestKind Kind,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    long Bytes,
    double MbitPerSecond,
    bool Aborted,
    string? AbortReason,
    string? ClientNetwork,
    IReadOnlyDictionary<string, string> Metadata,
    TcpInfo? LastTcpInfo)
{
    /// <summary>Minimum RTT from the last TCP_INFO sample, µs (null without TCP_INFO).</summary>
    public long? MinRttMicros => LastTcpInfo?.MinRTT;

    /// <summary>Smoothed RTT from the last TCP_INFO sample, µs.</summary>
    public long? RttMicros => LastTcpInfo?.RTT;

    /// <summary>
    /// RTT variation from the last TCP_INFO sample of a download, µs: the kernel's RTTVar, the mean deviation of its RTT
    /// samples (what the page calls jitter). Null on an upload, where the server sends too little for the kernel to sample.
    /// </summary>
    public long? RttVarMicros => Kind == Ndt7TestKind.Download ? LastTcpInfo?.RTTVar : null;

    /// <summary>
    /// Share of the bytes a download sent that were sent again, % (BytesRetrans / BytesSent: M-Lab's loss rate of the
    /// unified views). Null on an upload (the server sends next to nothing) or without the two counters.
    /// </summary>
    public double? RetransmittedPct => Kind == Ndt7TestKind.Download && LastTcpInfo is { BytesSent: > 0 and var sent, BytesRetrans: >= 0 and var again }
        ? 100.0 * again / sent : null;

    public static double Mbps(long bytes, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? bytes * 8 / elapsed.TotalSeconds / 1e6 : 0;
}

namespace Dala.Web.Ndt7;

/// <summary>
/// A kernel TCP_INFO sample in ndt7's TCPInfo JSON shape: the names of M-Lab's LinuxTCPInfo (tcp-info), Linux units
/// (times in µs unless noted, bytes, segments). A field is null when the kernel's struct was too short to hold it
/// (older kernels return fewer bytes); nulls are left out of the JSON. <see cref="ElapsedTime"/> is µs since the test began.
/// </summary>
public sealed record TcpInfo
{
    public long? State { get; init; }
    public long? CAState { get; init; }
    public long? Retransmits { get; init; }
    public long? Probes { get; init; }
    public long? Backoff { get; init; }
    public long? Options { get; init; }
    public long? RTO { get; init; }
    public long? ATO { get; init; }
    public long? SndMSS { get; init; }
    public long? RcvMSS { get; init; }
    public long? Unacked { get; init; }
    public long? Sacked { get; init; }
    public long? Lost { get; init; }
    public long? Retrans { get; init; }
    /// <summary>ms since the last data sent.</summary>
    public long? LastDataSent { get; init; }
    /// <summary>ms since the last data received.</summary>
    public long? LastDataRecv { get; init; }
    /// <summary>ms since the last ACK received.</summary>
    public long? LastAckRecv { get; init; }
    public long? PMTU { get; init; }
    public long? RcvSsThresh { get; init; }
    /// <summary>Smoothed RTT, µs.</summary>
    public long? RTT { get; init; }
    /// <summary>RTT variance (mean deviation), µs.</summary>
    public long? RTTVar { get; init; }
    public long? SndSsThresh { get; init; }
    public long? SndCwnd { get; init; }
    public long? AdvMSS { get; init; }
    public long? Reordering { get; init; }
    public long? RcvRTT { get; init; }
    public long? RcvSpace { get; init; }
    public long? TotalRetrans { get; init; }
    /// <summary>Bytes/s; -1 when unlimited (the kernel's ~0).</summary>
    public long? PacingRate { get; init; }
    public long? MaxPacingRate { get; init; }
    public long? BytesAcked { get; init; }
    public long? BytesReceived { get; init; }
    public long? SegsOut { get; init; }
    public long? SegsIn { get; init; }
    public long? NotsentBytes { get; init; }
    /// <summary>Minimum RTT seen on the connection, µs.</summary>
    public long? MinRTT { get; init; }
    public long? DataSegsIn { get; init; }
    public long? DataSegsOut { get; init; }
    /// <summary>Bytes/s.</summary>
    public long? DeliveryRate { get; init; }
    public long? BusyTime { get; init; }
    public long? RWndLimited { get; init; }
    public long? SndBufLimited { get; init; }
    public long? Delivered { get; init; }
    public long? DeliveredCE { get; init; }
    public long? BytesSent { get; init; }
    public long? BytesRetrans { get; init; }
    public long? DSackDups { get; init; }
    public long? ReordSeen { get; init; }
    public long? RcvOooPack { get; init; }
    public long? SndWnd { get; init; }
    public long? ElapsedTime { get; init; }
}

using System.Runtime.InteropServices;

namespace Dala.Web.Ndt7;

/// <summary>
/// Reads Linux's <c>struct tcp_info</c> (include/uapi/linux/tcp.h) from the bytes getsockopt(TCP_INFO) returned.
/// The layout only ever grows at the end, so each field is read when the returned length covers it. Offsets were
/// checked with offsetof() against the 6.x header (232 bytes up to tcpi_snd_wnd). Native byte order, as the kernel
/// wrote it. Left out: the two bit-field bytes (wscale, app_limited), tcpi_fackets and tcpi_last_ack_sent (the
/// kernel no longer fills them), and fields after tcpi_snd_wnd (6.x additions: rcv_wnd, rehash, total_rto...).
/// </summary>
public static class TcpInfoParser
{
    /// <summary>Bytes up to and including tcpi_snd_wnd.</summary>
    public const int FullLength = 232;

    /// <summary>Shortest useful answer: up to tcpi_total_retrans (kernels before 3.15 stop there or earlier).</summary>
    public const int MinLength = 104;

    public static TcpInfo? Parse(ReadOnlySpan<byte> raw, long elapsedMicros)
    {
        if (raw.Length < MinLength) return null;
        return new TcpInfo
        {
            State = U8(raw, 0), CAState = U8(raw, 1), Retransmits = U8(raw, 2), Probes = U8(raw, 3), Backoff = U8(raw, 4), Options = U8(raw, 5),
            RTO = U32(raw, 8), ATO = U32(raw, 12), SndMSS = U32(raw, 16), RcvMSS = U32(raw, 20),
            Unacked = U32(raw, 24), Sacked = U32(raw, 28), Lost = U32(raw, 32), Retrans = U32(raw, 36),
            LastDataSent = U32(raw, 44), LastDataRecv = U32(raw, 52), LastAckRecv = U32(raw, 56),
            PMTU = U32(raw, 60), RcvSsThresh = U32(raw, 64), RTT = U32(raw, 68), RTTVar = U32(raw, 72),
            SndSsThresh = U32(raw, 76), SndCwnd = U32(raw, 80), AdvMSS = U32(raw, 84), Reordering = U32(raw, 88),
            RcvRTT = U32(raw, 92), RcvSpace = U32(raw, 96), TotalRetrans = U32(raw, 100),
            PacingRate = I64(raw, 104), MaxPacingRate = I64(raw, 112), BytesAcked = I64(raw, 120), BytesReceived = I64(raw, 128),
            SegsOut = U32(raw, 136), SegsIn = U32(raw, 140), NotsentBytes = U32(raw, 144), MinRTT = U32(raw, 148),
            DataSegsIn = U32(raw, 152), DataSegsOut = U32(raw, 156), DeliveryRate = I64(raw, 160),
            BusyTime = I64(raw, 168), RWndLimited = I64(raw, 176), SndBufLimited = I64(raw, 184),
            Delivered = U32(raw, 192), DeliveredCE = U32(raw, 196), BytesSent = I64(raw, 200), BytesRetrans = I64(raw, 208),
            DSackDups = U32(raw, 216), ReordSeen = U32(raw, 220), RcvOooPack = U32(raw, 224), SndWnd = U32(raw, 228),
            ElapsedTime = elapsedMicros,
        };
    }

    private static long? U8(ReadOnlySpan<byte> raw, int offset) => raw.Length > offset ? raw[offset] : null;

    private static long? U32(ReadOnlySpan<byte> raw, int offset) =>
        raw.Length >= offset + 4 ? MemoryMarshal.Read<uint>(raw[offset..]) : null;

    /// <summary>A __u64 as signed, as M-Lab does: pacing rates of ~0 (unlimited) come out as -1.</summary>
    private static long? I64(ReadOnlySpan<byte> raw, int offset) =>
        raw.Length >= offset + 8 ? MemoryMarshal.Read<long>(raw[offset..]) : null;
}

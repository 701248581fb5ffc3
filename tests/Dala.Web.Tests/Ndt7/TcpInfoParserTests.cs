using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

public sealed class TcpInfoParserTests
{
    /// <summary>A struct tcp_info as a 6.x kernel lays it out, with a distinct value in every field we read.</summary>
    private static byte[] Kernel(int length = TcpInfoParser.FullLength)
    {
        var b = new byte[length];
        void U32(int offset, uint v) { if (offset + 4 <= length) MemoryMarshal.Write(b.AsSpan(offset), in v); }
        void U64(int offset, ulong v) { if (offset + 8 <= length) MemoryMarshal.Write(b.AsSpan(offset), in v); }
        b[0] = 1; b[1] = 4; b[2] = 2; b[3] = 0; b[4] = 3; b[5] = 7; b[6] = 0x77; b[7] = 1;
        U32(8, 204_000); U32(12, 40_000); U32(16, 1448); U32(20, 536);
        U32(24, 10); U32(28, 2); U32(32, 1); U32(36, 3); U32(40, 999);
        U32(44, 5); U32(48, 999); U32(52, 6); U32(56, 7);
        U32(60, 1500); U32(64, 64_000); U32(68, 12_345); U32(72, 678); U32(76, 20); U32(80, 42); U32(84, 1448); U32(88, 3);
        U32(92, 11_000); U32(96, 65_000); U32(100, 9);
        U64(104, ulong.MaxValue); U64(112, 125_000_000); U64(120, 1_000_000_000_001); U64(128, 2_000);
        U32(136, 700_000); U32(140, 300_000); U32(144, 4096); U32(148, 9_876); U32(152, 12); U32(156, 690_000);
        U64(160, 55_000_000); U64(168, 9_900_000); U64(176, 1_000); U64(184, 2_000);
        U32(192, 680_000); U32(196, 5); U64(200, 1_000_200_000_000); U64(208, 200_000);
        U32(216, 4); U32(220, 8); U32(224, 6); U32(228, 3_145_728);
        return b;
    }

    [Fact]
    public void Reads_every_field_at_its_offset_in_the_6x_layout()
    {
        var t = TcpInfoParser.Parse(Kernel(), 2_500_000)!;
        Assert.Equal(new long?[] { 1, 4, 2, 3, 7 }, new[] { t.State, t.CAState, t.Retransmits, t.Backoff, t.Options });
        Assert.Equal(new long?[] { 204_000, 40_000, 1448, 536 }, new[] { t.RTO, t.ATO, t.SndMSS, t.RcvMSS });
        Assert.Equal(new long?[] { 10, 2, 1, 3 }, new[] { t.Unacked, t.Sacked, t.Lost, t.Retrans });
        Assert.Equal(new long?[] { 5, 6, 7 }, new[] { t.LastDataSent, t.LastDataRecv, t.LastAckRecv });
        Assert.Equal(new long?[] { 1500, 64_000, 12_345, 678, 20, 42, 1448, 3 }, new[] { t.PMTU, t.RcvSsThresh, t.RTT, t.RTTVar, t.SndSsThresh, t.SndCwnd, t.AdvMSS, t.Reordering });
        Assert.Equal(new long?[] { 11_000, 65_000, 9 }, new[] { t.RcvRTT, t.RcvSpace, t.TotalRetrans });
        Assert.Equal(new long?[] { -1, 125_000_000, 1_000_000_000_001, 2_000 }, new[] { t.PacingRate, t.MaxPacingRate, t.BytesAcked, t.BytesReceived });
        Assert.Equal(new long?[] { 700_000, 300_000, 4096, 9_876, 12, 690_000 }, new[] { t.SegsOut, t.SegsIn, t.NotsentBytes, t.MinRTT, t.DataSegsIn, t.DataSegsOut });
        Assert.Equal(new long?[] { 55_000_000, 9_900_000, 1_000, 2_000 }, new[] { t.DeliveryRate, t.BusyTime, t.RWndLimited, t.SndBufLimited });
        Assert.Equal(new long?[] { 680_000, 5, 1_000_200_000_000, 200_000 }, new[] { t.Delivered, t.DeliveredCE, t.BytesSent, t.BytesRetrans });
        Assert.Equal(new long?[] { 4, 8, 6, 3_145_728 }, new[] { t.DSackDups, t.ReordSeen, t.RcvOooPack, t.SndWnd });
        Assert.Equal(2_500_000, t.ElapsedTime);
    }

    [Fact]
    public void An_older_kernels_shorter_struct_leaves_the_newer_fields_out()
    {
        var t = TcpInfoParser.Parse(Kernel(168), 1)!; // 4.9: up to tcpi_delivery_rate
        Assert.Equal(12_345, t.RTT);
        Assert.Equal(9_876, t.MinRTT);
        Assert.Equal(55_000_000, t.DeliveryRate);
        Assert.Null(t.BusyTime);
        Assert.Null(t.BytesSent);
        Assert.Null(t.SndWnd);
        var json = JsonSerializer.Serialize(new Ndt7Measurement(null, null, "server", "download", t), Options);
        Assert.DoesNotContain("BusyTime", json, StringComparison.Ordinal);
        Assert.Contains("\"MinRTT\":9876", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_struct_from_a_newer_kernel_is_read_the_same() =>
        Assert.Equal(3_145_728, TcpInfoParser.Parse(Kernel(TcpInfoParser.FullLength + 24), 0)!.SndWnd);

    [Fact]
    public void Too_short_to_hold_the_rtt_is_no_sample() => Assert.Null(TcpInfoParser.Parse(Kernel(100), 0));

    [Fact]
    public void The_measurement_json_uses_the_ndt7_names_and_leaves_out_what_is_missing()
    {
        var json = Encoding(new Ndt7Measurement(new AppInfo(250_000, 8192), new ConnectionInfo("1.2.3.4:5678", "[::1]:443", "u-1"), "server", "download",
            TcpInfoParser.Parse(Kernel(), 250_000)));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(250_000, root.GetProperty("AppInfo").GetProperty("ElapsedTime").GetInt64());
        Assert.Equal(8192, root.GetProperty("AppInfo").GetProperty("NumBytes").GetInt64());
        Assert.Equal("u-1", root.GetProperty("ConnectionInfo").GetProperty("UUID").GetString());
        Assert.Equal("server", root.GetProperty("Origin").GetString());
        Assert.Equal("download", root.GetProperty("Test").GetString());
        Assert.Equal(12_345, root.GetProperty("TCPInfo").GetProperty("RTT").GetInt64());
        Assert.Equal(9_876, root.GetProperty("TCPInfo").GetProperty("MinRTT").GetInt64());
        Assert.Equal(250_000, root.GetProperty("TCPInfo").GetProperty("ElapsedTime").GetInt64());
        Assert.DoesNotContain("BBRInfo", json, StringComparison.Ordinal);
        var bare = Encoding(new Ndt7Measurement(new AppInfo(1, 2), null, "server", "upload", null));
        Assert.Equal("""{"AppInfo":{"ElapsedTime":1,"NumBytes":2},"Origin":"server","Test":"upload"}""", bare);
    }

    [Fact]
    public void On_linux_a_real_loopback_connection_gives_a_sample()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        using var server = listener.Accept();
        client.Send(new byte[100_000]);
        var got = 0;
        var buffer = new byte[65536];
        while (got < 100_000) got += server.Receive(buffer);
        var sent = new TcpInfoReader(client).Read(7)!;
        var received = new TcpInfoReader(server).Read(7)!;
        Assert.Equal(1, sent.State); // ESTABLISHED
        Assert.True(sent.RTT > 0);
        Assert.True(sent.MinRTT > 0);
        Assert.True(sent.BytesAcked >= 100_000, $"BytesAcked {sent.BytesAcked}");
        Assert.True(received.BytesReceived >= 100_000, $"BytesReceived {received.BytesReceived}");
        Assert.Equal(7, sent.ElapsedTime);
        Assert.Null(new TcpInfoReader(null).Read(0));
    }

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static string Encoding(Ndt7Measurement m) => System.Text.Encoding.UTF8.GetString(m.ToUtf8Json());
}

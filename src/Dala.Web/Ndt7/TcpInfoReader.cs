using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Ndt7;

/// <summary>
/// Samples TCP_INFO for the test's connection: getsockopt(fd, IPPROTO_TCP = 6, TCP_INFO = 11) on Linux, through
/// <see cref="Socket.GetRawSocketOption"/> (the runtime's own getsockopt binding: no P/Invoke declaration, no unsafe
/// code, and the socket's SafeHandle stays referenced during the call, so a concurrently closed descriptor cannot be
/// reused underneath us). Null when there is no socket (TestServer, another transport), on other systems, or when
/// the socket is already gone.
/// </summary>
public sealed class TcpInfoReader(Socket? socket)
{
    private const int IpProtoTcp = 6;
    private const int TcpInfoOption = 11;

    public static TcpInfoReader For(HttpContext context) =>
        new(OperatingSystem.IsLinux() ? context.Features.Get<IConnectionSocketFeature>()?.Socket : null);

    public bool Available => socket is not null;

    public TcpInfo? Read(long elapsedMicros)
    {
        if (socket is null) return null;
        Span<byte> buffer = stackalloc byte[256];
        try
        {
            var length = socket.GetRawSocketOption(IpProtoTcp, TcpInfoOption, buffer);
            return TcpInfoParser.Parse(buffer[..length], elapsedMicros);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Dala.Quality.Model;

/// <summary>Client addresses are never stored whole: /24 for IPv4, /48 for IPv6 (an IPv4-mapped IPv6 address counts as IPv4).</summary>
public static partial class NetworkAddress
{
    public static string? Truncate(string? ip) => ip is not null && TryParse(ip.Trim(), out var a) ? Truncate(a!) : null;

    public static string Truncate(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        var bytes = a.GetAddressBytes();
        var keep = a.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++) bytes[i] = 0;
        return $"{new IPAddress(bytes)}/{keep * 8}";
    }

    /// <summary>
    /// Private, loopback, link-local, carrier-grade NAT and unique-local addresses: a test from them did not cross
    /// the public Internet (M-Lab's filters drop them).
    /// </summary>
    public static bool IsPrivate(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        if (IPAddress.IsLoopback(a)) return true;
        var b = a.GetAddressBytes();
        if (a.AddressFamily == AddressFamily.InterNetwork)
            return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) ||
                   (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
        return a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC || a.Equals(IPAddress.IPv6Any);
    }
}

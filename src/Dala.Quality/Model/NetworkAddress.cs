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
        Span<byte> bytes = stackalloc byte[16];
        a.TryWriteBytes(bytes, out var length);
        var keep = a.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        bytes[keep..length].Clear();
        // Formatted into a span: one string per address (intake truncates every test's address).
        Span<char> text = stackalloc char[64];
        new IPAddress(bytes[..length]).TryFormat(text, out var written);
        return string.Concat(text[..written], keep == 3 ? "/24" : "/48");
    }

    /// <summary>
    /// Private, loopback, link-local, carrier-grade NAT and unique-local addresses: a test from them did not cross
    /// the public Internet (M-Lab's filters drop them).
    /// </summary>
    public static bool IsPrivate(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        if (IPAddress.IsLoopback(a)) return true;
        Span<byte> b = stackalloc byte[16];
        a.TryWriteBytes(b, out _);
        if (a.AddressFamily == AddressFamily.InterNetwork)
            return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) ||
                   (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
        return a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC || a.Equals(IPAddress.IPv6Any);
    }
}

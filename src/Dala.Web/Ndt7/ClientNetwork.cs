using System.Net;

namespace Dala.Web.Ndt7;

/// <summary>
/// What is kept of the client's address: its /24 (IPv4) or /48 (IPv6) network in CIDR notation, enough to place a
/// measurement on an operator's network and region without storing who ran it. IPv4-mapped IPv6 addresses
/// (::ffff:a.b.c.d, what a dual-stack listener reports for IPv4 clients) are treated as the IPv4 address.
/// </summary>
public static class ClientNetwork
{
    public static string? Truncate(IPAddress? address) => address is null ? null : Dala.Quality.Model.NetworkAddress.Truncate(address);

    /// <summary>The spec's endpoint form: 1.2.3.4:5678 and [::1]:2345 (IPv4-mapped addresses shown as IPv4).</summary>
    public static string Endpoint(IPAddress? address, int port)
    {
        if (address is null) return $"unknown:{port}";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return new IPEndPoint(address, port).ToString();
    }
}

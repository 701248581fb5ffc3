using System.Net;
using Dala.Quality.Model;

namespace Dala.Quality.Tests;

/// <summary>
/// The private-client rule at the edges of every range it claims (Rules.PrivateClient, NetworkAddress.IsPrivate):
/// RFC 1918 (10/8, 172.16/12, 192.168/16), carrier-grade NAT 100.64/10, link-local 169.254/16, loopback 127/8,
/// "this network" 0/8; IPv6 loopback, unspecified, link-local fe80::/10, site-local fec0::/10 and unique-local
/// fc00::/7. The address one step outside each range is public. Checked through the intake, so the rule and the
/// reason are what a stored test gets.
/// </summary>
public class PrivateAddressEdgeTests
{
    [Theory]
    [InlineData("9.255.255.255", false)]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("11.0.0.0", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("172.16.0.0", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.0", false)]
    [InlineData("192.167.255.255", false)]
    [InlineData("192.168.0.0", true)]
    [InlineData("192.168.255.255", true)]
    [InlineData("192.169.0.0", false)]
    [InlineData("100.63.255.255", false)]
    [InlineData("100.64.0.0", true)]
    [InlineData("100.127.255.255", true)]
    [InlineData("100.128.0.0", false)]
    [InlineData("169.253.255.255", false)]
    [InlineData("169.254.0.0", true)]
    [InlineData("169.254.255.255", true)]
    [InlineData("169.255.0.0", false)]
    [InlineData("126.255.255.255", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.255", true)]
    [InlineData("128.0.0.0", false)]
    [InlineData("0.255.255.255", true)]
    [InlineData("1.0.0.0", false)]
    [InlineData("::ffff:172.31.255.255", true)]
    [InlineData("::ffff:172.32.0.0", false)]
    public void IPv4_ranges_at_their_edges(string ip, bool isPrivate) => Check(ip, isPrivate);

    [Theory]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("::2", false)]
    [InlineData("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("fc00::", true)]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fe00::", false)]
    [InlineData("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("fe80::", true)]
    [InlineData("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fec0::", true)]
    [InlineData("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("ff00::1", false)]
    [InlineData("2a02:a0::1", false)]
    public void IPv6_ranges_at_their_edges(string ip, bool isPrivate) => Check(ip, isPrivate);

    private static void Check(string ip, bool isPrivate)
    {
        Assert.Equal(isPrivate, NetworkAddress.IsPrivate(IPAddress.Parse(ip)));
        var (m, problems) = IntakeValuesTests.Build(
            $"{{\"time\":\"2026-10-01T10:00:00Z\",\"downMbps\":50,\"bytes\":60000000,\"durationS\":10,\"source\":\"ndt7-server\",\"clientIp\":\"{ip}\"}}");
        Assert.Empty(problems);
        Assert.Equal(isPrivate ? [Rules.PrivateClient] : [], m!.Reasons);
        Assert.Equal(!isPrivate, m.Valid);
    }
}

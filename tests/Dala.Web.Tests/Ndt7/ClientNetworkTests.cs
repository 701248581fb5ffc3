using System.Net;
using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("10.1.2.255", "10.1.2.0/24")]
    [InlineData("127.0.0.1", "127.0.0.0/24")]
    [InlineData("2001:db8:abcd:1234:5678::1", "2001:db8:abcd::/48")]
    [InlineData("2a02:17a8:ffff:ffff:ffff:ffff:ffff:ffff", "2a02:17a8:ffff::/48")]
    [InlineData("::1", "::/48")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    public void Keeps_the_24_or_48_network(string address, string expected) =>
        Assert.Equal(expected, ClientNetwork.Truncate(IPAddress.Parse(address)));

    [Fact]
    public void Scope_ids_are_dropped() =>
        Assert.Equal("fe80::/48", ClientNetwork.Truncate(IPAddress.Parse("fe80::1234:5678%3")));

    [Fact]
    public void No_address_gives_no_network() => Assert.Null(ClientNetwork.Truncate(null));

    [Theory]
    [InlineData("1.2.3.4", 5678, "1.2.3.4:5678")]
    [InlineData("::1", 2345, "[::1]:2345")]
    [InlineData("::ffff:1.2.3.4", 80, "1.2.3.4:80")]
    public void Endpoints_are_written_as_the_spec_shows(string address, int port, string expected) =>
        Assert.Equal(expected, ClientNetwork.Endpoint(IPAddress.Parse(address), port));
}

using System.Net;
using Dala.Quality.Model;

namespace Dala.Quality.Tests;

public class AddressTests
{
    [Theory]
    [InlineData("95.56.12.201", "95.56.12.0/24")]
    [InlineData("::ffff:95.56.12.201", "95.56.12.0/24")]
    [InlineData("2a02:a0:1234:5678:9abc::1", "2a02:a0:1234::/48")]
    public void Addresses_are_truncated_before_anything_is_stored(string ip, string expected) =>
        Assert.Equal(expected, NetworkAddress.Truncate(ip));

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("2.132.0.1", false)]
    [InlineData("2a02:a0::1", false)]
    public void Private_addresses(string ip, bool isPrivate) => Assert.Equal(isPrivate, NetworkAddress.IsPrivate(IPAddress.Parse(ip)));

    [Fact]
    public void The_longest_prefix_names_the_operator()
    {
        var table = new OperatorPrefixes([("2.132.0.0/14", "kazakhtelecom"), ("2.134.5.0/24", "other"), ("2a02:a0::/32", "kcell")]);
        Assert.Equal("kazakhtelecom", table.Resolve(IPAddress.Parse("2.133.1.1")));
        Assert.Equal("other", table.Resolve(IPAddress.Parse("2.134.5.9")));
        Assert.Equal("kcell", table.Resolve(IPAddress.Parse("2a02:a0:ffff::1")));
        Assert.Null(table.Resolve(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void A_match_names_the_prefix_as_the_table_writes_it()
    {
        var table = new OperatorPrefixes([(" 2.132.0.0/14", "kazakhtelecom"), ("2.134.5.0/24", "other")]);
        Assert.Equal(new PrefixMatch("other", "2.134.5.0/24"), table.Match(IPAddress.Parse("2.134.5.9")));
        Assert.Equal(new PrefixMatch("kazakhtelecom", "2.132.0.0/14"), table.Match(IPAddress.Parse("::ffff:2.133.1.1")));
        Assert.Null(table.Match(IPAddress.Parse("8.8.8.8")));
        Assert.Null(table.Match(null));
    }
}

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

/// <summary>The per-thread cache of client networks gives what truncating each address gives.</summary>
public class NetworkCacheTests
{
    [Theory]
    [InlineData("95.56.12.200")]
    [InlineData("95.56.12.7")]
    [InlineData("95.56.13.7")]
    [InlineData("2001:db8:2498::1")]
    [InlineData("2001:db8:2498:ffff::9")]
    [InlineData("2001:db8:2499::1")]
    [InlineData("::ffff:95.56.12.9")]
    [InlineData("fe80::1%3")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void A_cached_network_is_the_truncated_address(string text)
    {
        var ip = System.Net.IPAddress.Parse(text);
        var expected = Dala.Quality.Model.NetworkAddress.Truncate(ip);
        Assert.Equal(expected, Dala.Quality.Intake.Lookups.Network(ip));
        Assert.Equal(expected, Dala.Quality.Intake.Lookups.Network(ip)); // and again, from the cache
    }

    [Fact]
    public void Networks_that_share_their_kept_bytes_but_not_their_family_are_kept_apart()
    {
        // 10.0.0.x (IPv4) and a:: style IPv6 whose first bytes are 10.0.0 must not share an entry.
        Assert.Equal("10.0.0.0/24", Dala.Quality.Intake.Lookups.Network(System.Net.IPAddress.Parse("10.0.0.1")));
        Assert.Equal("a00::/48", Dala.Quality.Intake.Lookups.Network(System.Net.IPAddress.Parse("a00::1")));
    }
}

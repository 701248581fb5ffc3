using Dala.Quality.Model;

namespace Dala.Quality.Tests;

/// <summary>Text that is kept (quarantined lines, their reasons) holds networks, never whole client addresses.</summary>
public class MaskTests
{
    [Theory]
    [InlineData("{\"clientIp\":\"95.56.12.201\",\"downMbps\":-1}", "{\"clientIp\":\"95.56.12.0/24\",\"downMbps\":-1}")]
    [InlineData("2026-10-01T10:00:00Z,51.13,71.43,abc,95.56.12.201", "2026-10-01T10:00:00Z,51.13,71.43,abc,95.56.12.0/24")]
    [InlineData("ip=2a02:a0:1234:5678:9abc::1;", "ip=2a02:a0:1234::/48;")]
    [InlineData("\"::ffff:95.56.12.201\"", "\"95.56.12.0/24\"")]
    [InlineData("[2a02:a0:1234:5678::1]:443 and 10.1.2.3:8080", "[2a02:a0:1234::/48]:443 and 10.1.2.0/24:8080")]
    [InlineData("from 95.56.12.201, 2.133.10.20.", "from 95.56.12.0/24, 2.133.10.0/24.")]
    [InlineData("clientIp: '95.56.12.201x' is not an IP address", "clientIp: '95.56.12.0/24x' is not an IP address")]
    public void Addresses_in_text_become_their_truncated_networks(string text, string expected) =>
        Assert.Equal(expected, NetworkAddress.Mask(text));

    [Theory]
    [InlineData("2026-10-07T10:20:30.125Z")]
    [InlineData("10:20:30")]
    [InlineData("lat 51.1694, lon 71.4491, 1.2.3, 1.2.3.4.5, 999.1.1.1")]
    [InlineData("aa:bb:cc:dd:ee:ff")]
    [InlineData("std::vector")]
    [InlineData("no address here")]
    public void Times_numbers_and_other_text_are_left_alone(string text) => Assert.Equal(text, NetworkAddress.Mask(text));
}

using Dala.Quality.Intake;
using Dala.Quality.Model;

namespace Dala.Quality.Tests.Hygiene;

/// <summary>
/// Every form of a client address: intake accepts only dotted quads and IPv6 colon forms (which masking finds), refuses the
/// rest by a reason that does not echo the value, and quarantine keeps none of them whole.
/// </summary>
public class AddressFormTests
{
    private static IntakeContext Context => IntakeValuesTests.Context;

    /// <summary>One NDJSON line through the reader, the builder and what quarantine would keep.</summary>
    private static (IReadOnlyList<string> Problems, string Kept, string? Network) Take(string line)
    {
        var input = LineSources.Ndjson(new StringReader(line + "\n")).First();
        Assert.Null(input.Error);
        var (m, problems) = MeasurementBuilder.Build(input.Raw!, Context);
        return (problems, KeptText.Of(input), m?.ClientNetwork);
    }

    private static string Line(string clientIpJson, string down = "50") =>
        $"{{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":{down},\"clientIp\":\"{clientIpJson}\",\"note\":\"x\"}}";

    [Theory]
    [InlineData("134744072")]          // 8.8.8.8 as one decimal number
    [InlineData("0x08080404")]         // 8.8.4.4 in hex
    [InlineData("0x8.0x8.0x8.0x8")]
    [InlineData("010.8.8.8")]          // octal part
    [InlineData("8.8.2056")]           // short form
    [InlineData("8.526344")]
    [InlineData("8%2E8%2E8%2E8")]      // URL-escaped dots
    [InlineData("[2a00:1450:4001::8888]")]
    [InlineData("2a00:1450:4001::8888%eth0")]
    [InlineData("08.08.08.08")]
    public void A_form_intake_does_not_accept_is_refused_without_echo_and_not_kept(string form)
    {
        var (problems, kept, _) = Take(Line(form));
        Assert.Equal([MeasurementBuilder.NotAnAddress], problems);
        Assert.DoesNotContain(form, kept, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("8.8.8.8", kept);
        Assert.DoesNotContain("8888", kept);
    }

    [Theory]
    [InlineData("8.8.8.8", "8.8.8.0/24")]
    [InlineData("8\\u002e8\\u002e8\\u002e8", "8.8.8.0/24")]   // JSON escapes of the dots: the text is 8.8.8.8
    [InlineData("8\\u002E8\\u002E8\\u002E8", "8.8.8.0/24")]
    [InlineData("\\u0038.8.8.8", "8.8.8.0/24")]
    [InlineData("::ffff:8.8.8.8", "8.8.8.0/24")]
    [InlineData("2a00:1450:4001:0:0:0:0:8888", "2a00:1450:4001::/48")]
    [InlineData("2A00:1450:4001::8888", "2a00:1450:4001::/48")]
    public void An_accepted_form_is_stored_truncated_and_masked_in_a_quarantined_line(string form, string network)
    {
        Assert.Equal(network, Take(Line(form)).Network);
        var (problems, kept, _) = Take(Line(form, "-1"));
        Assert.Single(problems);
        Assert.Contains(network, kept);
        Assert.DoesNotContain(form, kept, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("8.8.8.8", kept);
        Assert.DoesNotContain("8888", kept);
    }

    [Fact]
    public void Escaped_addresses_in_a_line_that_is_not_json_are_masked_too()
    {
        var input = LineSources.Ndjson(new StringReader("{\"clientIp\":\"8\\u002e8\\u002e8\\u002e8\", \"x\":\"8%2E8%2E4%2E4\"\n")).First();
        Assert.NotNull(input.Error);
        var kept = KeptText.Of(input);
        Assert.DoesNotContain("8.8.8.8", kept);
        Assert.DoesNotContain("8.8.4.4", kept);
        Assert.Contains("8.8.8.0/24", kept);
        Assert.Contains("8.8.4.0/24", kept);
    }

    [Theory]
    [InlineData("95.56.12.201", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData(" 1.2.3.4", false)]
    [InlineData("1.2.3.4\n", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("١.٢.٣.٤", false)]
    public void The_parser_takes_dotted_quads_and_ipv6_only(string text, bool accepted) =>
        Assert.Equal(accepted, NetworkAddress.TryParse(text, out _));
}

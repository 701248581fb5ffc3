using System.Globalization;
using Dala.Quality.Intake;

namespace Dala.Quality.Tests;

/// <summary>The fast path for plain decimals gives double.Parse's very bits, or leaves the text to it.</summary>
public class PlainDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+7")]
    [InlineData("007.50")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-71.430411")]
    [InlineData("0.1")]
    [InlineData("0.000000000000001")]
    [InlineData("0.0000000000000000000001")]
    [InlineData("0.000123456789012345")]
    [InlineData("999999999999999")]
    [InlineData("99999999999999.9")]
    [InlineData("229.625")]
    public void Plain_decimals_are_read_to_the_same_bits_as_the_general_parser(string text)
    {
        Assert.True(PlainDecimal.TryParse(text, out var v));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("1234567890123456")] // 16 digits: not exact as a long-to-double fast path promises
    [InlineData("0.1234567890123456")]
    [InlineData("0.00000000000000000000001")] // 23 decimals: 10^23 is not exact
    public void Other_forms_are_left_to_the_general_parser(string text) => Assert.False(PlainDecimal.TryParse(text, out _));

    [Fact]
    public void A_hundred_thousand_random_plain_decimals_match_the_general_parser_bit_for_bit()
    {
        var random = new Random(5);
        for (var n = 0; n < 100_000; n++)
        {
            var whole = random.Next(0, 9) switch { 0 => "0", var k => random.NextInt64((long)Math.Pow(10, k - 1), (long)Math.Pow(10, k)).ToString(CultureInfo.InvariantCulture) };
            var fractionDigits = random.Next(0, 16 - whole.Length);
            var fraction = new string([.. Enumerable.Range(0, fractionDigits).Select(_ => (char)('0' + random.Next(10)))]);
            var text = (random.Next(4) == 0 ? "-" : "") + whole + (fractionDigits > 0 ? "." + fraction : "");
            Assert.True(PlainDecimal.TryParse(text, out var v), text);
            Assert.True(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(v), text);
        }
    }
}

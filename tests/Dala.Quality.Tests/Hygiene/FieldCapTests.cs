using Dala.Quality.Intake;

namespace Dala.Quality.Tests.Hygiene;

/// <summary>Every text field of a measurement line has a length cap; over-long fields, NULs and over-long lines are named quarantine reasons.</summary>
public class FieldCapTests
{
    private static IntakeContext Context => IntakeValuesTests.Context;

    private static IReadOnlyList<string> Problems(string field, string value) =>
        MeasurementBuilder.Build(RawLine.FromFields(1, "x", new Dictionary<string, string>
        {
            ["time"] = "2026-11-01T10:00:00Z", ["downMbps"] = "50", [field] = value,
        }), Context).Problems;

    [Theory]
    [InlineData("id", 128)]
    [InlineData("operator", 64)]
    [InlineData("settlementId", 128)]
    [InlineData("access", 32)]
    [InlineData("source", 32)]
    [InlineData("quadkey", 32)]
    [InlineData("direction", 16)]
    [InlineData("clientIp", 64)]
    [InlineData("time", 64)]
    [InlineData("upMbps", 64)]
    [InlineData("synthetic", 16)]
    public void A_field_over_its_cap_quarantines_the_line_naming_field_and_length(string field, int cap)
    {
        var canonical = Fields.Canonical(field)!.Value.Name();
        Assert.Equal([$"{canonical}: {cap + 1:N0} characters, more than {cap}"], Problems(field, new string('7', cap + 1)));
        Assert.DoesNotContain(Problems(field, new string('7', cap)), p => p.Contains("characters, more than"));
    }

    [Fact]
    public void A_huge_operator_is_refused_without_being_echoed()
    {
        var problem = Assert.Single(Problems("operator", new string('x', 7_700_000)));
        Assert.Equal("operator: 7,700,000 characters, more than 64", problem);
    }

    [Theory]
    [InlineData("operator", "kcell\0")]
    [InlineData("id", "a\0b")]
    [InlineData("settlementId", "\0")]
    public void A_nul_character_is_a_named_reason(string field, string value) =>
        Assert.Equal([$"{Fields.Canonical(field)!.Value.Name()}: holds a NUL character"], Problems(field, value));

    [Fact]
    public void Text_that_cannot_be_a_string_in_a_csv_field_is_named()
    {
        Assert.Equal(["operator: invalid text (invalid UTF-8) at character 2"], Problems("operator", "k\uFFFFcell"));
        Assert.Equal(["operator: invalid text (lone surrogate) at character 1"], Problems("operator", "\uD800"));
    }

    [Fact]
    public void An_over_long_line_is_quarantined_unread_and_the_next_is_read()
    {
        var longLine = "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"note\":\"" + new string('x', Fields.MaxLineLength) + "\"}";
        var lines = LineSources.Ndjson(new StringReader(longLine + "\n{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5}\n"))
            .Select(l => l with { Raw = null }).ToArray();
        Assert.Equal($"line: {longLine.Length:N0} characters, more than 16,384", lines[0].Error);
        Assert.Null(lines[1].Error);
        var csv = LineSources.Csv(new StringReader("time,downMbps,operator\n2026-11-01T10:00:00Z,5," + new string('y', Fields.MaxLineLength) + "\n2026-11-01T10:00:00Z,5,kcell\n"))
            .Select(l => l with { Raw = null }).ToArray();
        Assert.StartsWith("line: 16,407 characters", csv[0].Error);
        Assert.Null(csv[1].Error);
    }

    [Fact]
    public void Quarantine_keeps_at_most_200_characters_without_nul_or_a_split_surrogate_pair()
    {
        var kept = KeptText.Of(new InputLine(null, 1, new string('a', 196) + "\U0001F600" + new string('b', 5000) + "\0", "x"));
        Assert.Equal(new string('a', 196) + "...", kept);
        Assert.Equal("a\uFFFDb", KeptText.Of(new InputLine(null, 1, "a\0b", "x")));
    }
}

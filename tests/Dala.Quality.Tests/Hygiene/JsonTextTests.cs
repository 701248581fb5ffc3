using System.Text;
using System.Text.Json;
using Dala.Geo.Io;
using Dala.Quality.Intake;

namespace Dala.Quality.Tests.Hygiene;

/// <summary>Text that cannot be a string (lone surrogates, bytes that are not UTF-8) is a named problem of its line, never an exception.</summary>
public class JsonTextTests
{
    private const string Good = "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":50,\"operator\":\"kcell\"}";

    private static InputLine[] Lines(string ndjson) => [.. LineSources.Ndjson(new StringReader(ndjson)).Select(l => l with { Raw = null })];

    [Theory]
    [InlineData("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":50,\"operator\":\"\\ud800\"}", "json: invalid text (lone surrogate) at operator")]
    [InlineData("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":50,\"operator\":\"ok\\udc00x\"}", "json: invalid text (lone surrogate) at operator")]
    [InlineData("{\"time\":\"2026-11-01T10:00:00Z\",\"tags\":[\"a\",{\"b\":\"\\ud83d\"}],\"downMbps\":5}", "json: invalid text (lone surrogate) at tags[1].b")]
    [InlineData("{\"\\ud800\":1,\"downMbps\":5}", "json: invalid text (lone surrogate) in the field's name at \\ud800")]
    public void A_lone_surrogate_names_its_field_and_the_next_line_is_read(string bad, string reason)
    {
        var lines = Lines(bad + "\n" + Good + "\n");
        Assert.Equal(2, lines.Length);
        Assert.Equal(reason, lines[0].Error);
        Assert.Null(lines[1].Error);
    }

    [Fact]
    public void A_surrogate_pair_is_text()
    {
        var lines = Lines("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"operator\":\"\\ud83d\\ude00 ok\"}\n");
        Assert.Null(lines[0].Error);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_mark_their_line_only()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"operator\":\"a"));
        bytes.AddRange([0xC3, 0x28, 0xFF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n" + Good + "\n"));
        using var reader = new StreamReader(new MemoryStream([.. bytes]), LineSources.Utf8, true);
        var lines = LineSources.Ndjson(reader).Select(l => l with { Raw = null }).ToArray();
        Assert.Equal("json: invalid text (invalid UTF-8) at character 58", lines[0].Error);
        Assert.Null(lines[1].Error);
    }

    [Fact]
    public void Utf8_json_with_bad_bytes_in_a_string_is_a_json_text_exception()
    {
        byte[] json = [.. "{\"a\":[\"x"u8, 0xFF, .. "\"]}"u8];
        var e = Assert.Throws<JsonTextException>(() => JsonText.Parse(json));
        Assert.Equal(("a[0]", "invalid text (invalid UTF-8)"), (e.Field, e.What));
        Assert.IsAssignableFrom<JsonException>(e);
    }
}

using System.Globalization;
using Dala.Geo.Io;
using Dala.Quality.Aggregates;
using Dala.Quality.Intake;

namespace Dala.Quality.Tests;

/// <summary>The pieces of the fast intake and aggregate give what the plain ones give.</summary>
public class IntakeStreamingTests
{
    [Theory]
    [InlineData("a,b,c\n1,2,3\n")]
    [InlineData("a,b\r\n1,2\r\n\r\n3,4")]
    [InlineData("\uFEFFa,b\n\"x,y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",2\n\n\n5,6\n")]
    [InlineData("a\n\"\"\n\n,\n")]
    [InlineData("a,b\n1\r2,3\n4,5\r")]
    [InlineData("a,b\n")]
    [InlineData("")]
    public void The_streaming_csv_reader_reads_what_the_plain_reader_reads(string text)
    {
        var expected = CsvReader.Read(new StringReader(text)).Select(r => (r.Line, string.Join("|", r.Fields))).ToArray();
        var reader = new CsvLines(new StringReader(text));
        var actual = new List<(int, string)>();
        while (reader.Next()) actual.Add((reader.Line, string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.Field(i).ToString()))));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("a,b\n1,\"2\"x\n", "text after a closing quote")]
    [InlineData("a,b\n1,2\"\n", "a quote inside an unquoted field")]
    [InlineData("a,b\n1,\"2\n", "the file ends inside a quoted field (truncated?)")]
    public void The_streaming_csv_reader_refuses_what_the_plain_reader_refuses(string text, string message)
    {
        var plain = Assert.Throws<CsvFormatException>(() => CsvReader.Read(new StringReader(text)).ToArray());
        var reader = new CsvLines(new StringReader(text));
        var fast = Assert.Throws<CsvFormatException>(() => { while (reader.Next()) { } });
        Assert.Equal((plain.Line, plain.Message), (fast.Line, fast.Message));
        Assert.Equal(message, fast.Message);
    }

    [Fact]
    public void A_quoted_record_keeps_the_text_the_reports_showed()
    {
        var reader = new CsvLines(new StringReader("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",plain\n"));
        reader.Next();
        reader.Next();
        Assert.Equal("\"x,y\",\"say \"\"hi\"\"\",plain", reader.Content());
    }

    [Theory]
    [InlineData("2026-04-19T22:21:25Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2009-01-01T00:00:00Z")]
    public void The_direct_time_reader_gives_what_the_general_parser_gives(string text)
    {
        Assert.True(MeasurementBuilder.IsoUtc(text, out var t));
        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), t);
    }

    [Theory]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-04-19T24:00:00Z")]
    [InlineData("2026-04-19T22:21:25+05:00")]
    [InlineData("2026-04-19 22:21:25Z")]
    [InlineData("2026-04-19T22:21:25.5Z")]
    public void Anything_else_is_left_to_the_general_parser(string text) => Assert.False(MeasurementBuilder.IsoUtc(text, out _));

    [Fact]
    public void Selection_gives_the_sorted_type_7_percentiles_for_every_size_and_with_ties()
    {
        var rng = new Random(3);
        foreach (var n in Enumerable.Range(1, 60).Concat([99, 100, 101, 1000, 4097, 50_000]))
        {
            foreach (var ties in new[] { false, true })
            {
                var values = Enumerable.Range(0, n).Select(_ => ties ? rng.Next(0, 7) * 1.5 : rng.NextDouble() * 1000).ToList();
                var expected = Percentiles.Spread([.. values]);
                var actual = Selection.Spread(values.ToArray());
                Assert.Equal(expected, actual);
            }
        }
        Assert.Null(Selection.Spread([]));
        Assert.Equal(new Spread(4, 4, 4, 1), Selection.Spread([4.0]));
        Assert.Equal(Percentiles.Spread([1.0, 5.0]), Selection.Spread([5.0, 1.0]));
    }

    [Fact]
    public void Selection_survives_inputs_that_defeat_simple_pivots()
    {
        var sorted = Enumerable.Range(0, 20_000).Select(i => (double)i).ToArray();
        var organ = sorted.Take(10_000).Concat(sorted.Skip(10_000).Reverse()).ToArray();
        foreach (var input in new[] { sorted, sorted.Reverse().ToArray(), organ, Enumerable.Repeat(2.5, 20_000).ToArray() })
            Assert.Equal(Percentiles.Spread([.. input]), Selection.Spread(input.ToArray()));
    }
}

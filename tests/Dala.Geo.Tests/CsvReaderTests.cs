using Dala.Geo.Io;

namespace Dala.Geo.Tests;

public class CsvReaderTests
{
    private static List<CsvRecord> Read(string text, char d = ',') => CsvReader.Read(new StringReader(text), d).ToList();

    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_newlines_and_lines_are_counted()
    {
        var rows = Read("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\nlast,row");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["x,1", "say \"hi\""], rows[1].Fields);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal("multi\nline", rows[2].Fields[0]);
        Assert.Equal(3, rows[2].Line);
        Assert.Equal(5, rows[3].Line);
    }

    [Fact]
    public void Bom_is_ignored_and_semicolons_split_when_asked()
    {
        var rows = Read("\uFEFFid;name\n1;Астана\n", ';');
        Assert.Equal(["id", "name"], rows[0].Fields);
        Assert.Equal(["1", "Астана"], rows[1].Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var rows = Read("a\n\n\nb\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(4, rows[1].Line);
    }

    [Fact]
    public void Unterminated_quote_names_the_line_where_the_record_starts()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("a,b\n1,2\n3,\"open\n4,5\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Stray_quote_is_an_error()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("a,b\nx\"y,2\n"));
        Assert.Equal(2, e.Line);
    }
}

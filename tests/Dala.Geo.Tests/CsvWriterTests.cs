using Dala.Geo.Io;

namespace Dala.Geo.Tests;

/// <summary>The one CSV writer: RFC 4180 quoting and the neutralising of cells a spreadsheet would run as formulas.</summary>
public class CsvWriterTests
{
    private static string Write(params object?[] cells)
    {
        var w = new StringWriter();
        new CsvWriter(w).Row(cells);
        return w.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd", "'-2+3+cmd")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("Kaz=Telecom", "Kaz=Telecom")]
    [InlineData("'=already", "'=already")]
    public void A_text_cell_that_starts_like_a_formula_gets_a_quote_in_front_and_rfc_4180_quoting(string cell, string written) =>
        Assert.Equal(written + "\n", Write(cell));

    [Fact]
    public void Numbers_stay_numbers_negative_ones_included()
    {
        Assert.Equal("-3.5,-12,-Infinity,0.00001,-0.25,-1e-5,-Infinity,+7\n",
            Write(-3.5, -12, double.NegativeInfinity, 1e-5m, "-0.25", "-1e-5", "-Infinity", "+7"));
        Assert.Equal("2026-01-31,true,\n", Write(new DateOnly(2026, 1, 31), true, null));
    }

    [Fact]
    public void Neutralise_is_the_rule_every_writer_uses()
    {
        Assert.Equal("'=x", CsvWriter.Neutralise("=x"));
        Assert.Equal("-4", CsvWriter.Neutralise("-4"));
        Assert.Equal("", CsvWriter.Neutralise(""));
    }
}

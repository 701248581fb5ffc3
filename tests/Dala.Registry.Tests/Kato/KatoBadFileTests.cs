using Dala.Registry.Kato;
using Dala.Testing;

namespace Dala.Registry.Tests.Kato;

/// <summary>Every kind of bad row is named with file:line, field and reason.</summary>
public sealed class KatoBadFileTests : IDisposable
{
    private const string Header = "\uFEFFid;parent_id;code;name\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Import.ImportReport Read(string body, string name = "kato.csv") =>
        KatoClassifier.Read(_dir.Write(name, Header + body)).Report;

    private static string One(Import.ImportReport r) => Assert.Single(r.Rejected).ToString();

    [Fact]
    public void A_good_small_file_has_no_rejection()
    {
        var (kato, report) = KatoClassifier.Read(_dir.Write("kato.csv", Header + "1;0;100000000;область Абай\n2;1;101033100;с.Абралы\n"));
        Assert.Empty(report.Rejected);
        Assert.Equal(2, kato.Units.Count);
        Assert.Equal("область Абай > с.Абралы", kato.PathText(kato.Find(2)!));
    }

    [Fact]
    public void Bare_quotes_inside_a_name_are_part_of_the_name()
    {
        var (kato, report) = KatoClassifier.Read(_dir.Write("q.csv", Header +
            "1;0;550000000;Павлодарская область\n2;1;552244200;с.\"Ќоянды\"\n3;1;552244300;\"с.Quoted; \"\"Name\"\"\"\n4;1;552244400;Застава \" Кокжота\"\n"));
        Assert.Empty(report.Rejected);
        Assert.Equal(["с.\"Ќоянды\"", "с.Quoted; \"Name\"", "Застава \" Кокжота\""], kato.Units.Skip(1).Select(u => u.Name));
    }

    [Theory]
    [InlineData("x1;0;100000000;A\n", "kato.csv:2: id: 'x1' is not an integer")]
    [InlineData(";0;100000000;A\n", "kato.csv:2: id: missing")]
    [InlineData("1;zero;100000000;A\n", "kato.csv:2: parent_id: 'zero' is not an integer")]
    [InlineData("1;0;10000000;A\n", "kato.csv:2: code: '10000000' is not 9 digits")]
    [InlineData("1;0;1000000AB;A\n", "kato.csv:2: code: '1000000AB' is not 9 digits")]
    [InlineData("1;0;100000000; \n", "kato.csv:2: name: empty")]
    [InlineData("1;0;100000000;A;extra\n", "kato.csv:2: row: expected 4 fields, found 5")]
    public void A_bad_field_is_named(string body, string expected) => Assert.Equal(expected, One(Read(body)));

    [Fact]
    public void A_duplicate_id_names_the_first_line()
    {
        var r = Read("1;0;100000000;A\n2;1;101000000;B\n2;1;101010000;C\n");
        Assert.Equal("kato.csv:4: id: duplicate id 2 (first on line 3)", One(r));
    }

    [Fact]
    public void A_parent_that_is_no_row_is_found_after_reading_all_rows()
    {
        var r = Read("2;1;101000000;B\n3;9;101010000;C\n1;0;100000000;A\n");
        Assert.Equal("kato.csv:3: parent_id: 9 refers to no row", One(r));
    }

    [Fact]
    public void A_child_of_a_rejected_row_is_not_reported_twice()
    {
        var r = Read("1;0;100000000;A\n2;1;bad;B\n3;2;101010000;C\n");
        Assert.Equal("kato.csv:3: code: 'bad' is not 9 digits", One(r));
    }

    [Fact]
    public void A_cycle_of_parents_is_rejected()
    {
        var r = Read("1;0;100000000;A\n2;3;101000000;B\n3;2;101010000;C\n");
        Assert.Equal([3, 4], r.Rejected.Select(e => e.Line));
        Assert.All(r.Rejected, e => Assert.Equal("parent_id", e.Field));
    }

    [Fact]
    public void A_comma_separated_file_is_refused_at_the_header()
    {
        var path = _dir.Write("comma.csv", "id,parent_id,code,name\n1,0,100000000,область Абай\n");
        var r = KatoClassifier.Read(path).Report;
        Assert.Equal("comma.csv:1: header: fields are separated by ',', expected ';'", One(r));
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var path = _dir.Write("cols.csv", "id;parent;code;name\n1;0;100000000;A\n");
        Assert.StartsWith("cols.csv:1: header: missing column 'parent_id'", One(KatoClassifier.Read(path).Report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_that_ends_inside_a_quoted_field_is_refused()
    {
        var r = Read("1;0;100000000;область Абай\n2;1;101000000;\"Семей Г.А.\n3;2;101010000;г.Семей\n");
        Assert.Equal("kato.csv:3: file: the file ends inside a quoted field (truncated?)", One(r));
    }

    [Fact]
    public void A_file_without_rows_is_refused() => Assert.Equal("kato.csv:1: file: has a header but no rows", One(Read("")));

    [Fact]
    public void A_missing_file_is_one_rejection()
    {
        var r = KatoClassifier.Read(_dir.File("nope.csv")).Report;
        Assert.Equal("nope.csv:0: file: not found", One(r));
    }
}

using Dala.Rollout.Giga.Input;
using Dala.Testing;

namespace Dala.Rollout.Tests.Giga;

public sealed class GigaCaseReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_the_reference_case()
    {
        var c = GigaReference.Case;
        Assert.Equal((120, 5, 24), (c.Schools.Length, c.Pops.Length, c.Towers.Length));
        Assert.Equal(new GigaSchool("KZ-KST-001", 53.22381, 63.64619, false, 480, 200), c.Schools[0]);
        Assert.Equal(["4G", "LTE"], c.Towers[0].Technologies.ToArray());
        Assert.Equal(["3G Only"], c.Towers[6].Technologies.ToArray());
    }

    [Theory]
    [InlineData("schools.csv", "KZ-1,A,53.1,63.2,True,100,20\nKZ-2,B,abc,63.2,True,100,20\n", "schools.csv:3: lat: 'abc' is not a number")]
    [InlineData("schools.csv", "KZ-1,A,95,63.2,True,100,20\n", "schools.csv:2: lat: 95 is outside [-90, 90]")]
    [InlineData("schools.csv", "KZ-1,A,53.1,63.2,maybe,100,20\n", "schools.csv:2: has_electricity: 'maybe' is not True or False")]
    [InlineData("schools.csv", "KZ-1,A,53.1,63.2,True,100,-5\n", "schools.csv:2: bandwidth_demand_mbps: -5 is outside [0, inf]")]
    [InlineData("schools.csv", "KZ-1,A,53.1,63.2,True,100\n", "schools.csv:2: row: 6 fields where the header has 7")]
    [InlineData("schools.csv", "KZ-1,A,53.1,63.2,True,100,20\nKZ-1,B,53.1,63.2,True,100,20\n", "schools.csv:3: school_id: 'KZ-1' appears twice")]
    [InlineData("fibre_nodes.csv", ",X,53,63\n", "fibre_nodes.csv:2: node_id: is empty")]
    [InlineData("cell_towers.csv", "T1,Op,53,63,30,\"4G\n", "cell_towers.csv:2: row: the file ends inside a quoted field")]
    public void Refuses_a_bad_row_naming_file_line_field_and_reason(string file, string rows, string message)
    {
        WriteCase();
        var header = File.ReadLines(Path.Combine(_dir.Path, file)).First();
        _dir.Write(file, header + "\n" + rows);
        Assert.Contains(message, Assert.Throws<GigaInputException>(() => GigaCaseReader.Read(_dir.Path)).Message);
    }

    [Fact]
    public void Refuses_a_missing_column_and_a_missing_file_with_its_path()
    {
        WriteCase();
        _dir.Write("schools.csv", "school_id,name,lat,lon,num_students,bandwidth_demand_mbps\nKZ-1,A,53,63,1,20\n");
        Assert.Equal("schools.csv:1: has_electricity: the header lacks this column",
            Assert.Throws<GigaInputException>(() => GigaCaseReader.Read(_dir.Path)).Message);
        File.Delete(Path.Combine(_dir.Path, "cell_towers.csv"));
        WriteCase(skip: "cell_towers.csv");
        Assert.Equal($"{Path.Combine(_dir.Path, "cell_towers.csv")}: file not found",
            Assert.Throws<GigaInputException>(() => GigaCaseReader.Read(_dir.Path)).Message);
    }

    private void WriteCase(string? skip = null)
    {
        foreach (var f in new[] { "schools.csv", "fibre_nodes.csv", "cell_towers.csv" }.Where(f => f != skip))
            File.Copy(Path.Combine(GigaReference.Inputs, f), Path.Combine(_dir.Path, f), overwrite: true);
    }
}

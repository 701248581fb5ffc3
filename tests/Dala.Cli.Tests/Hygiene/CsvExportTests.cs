using Dala.Geo.Io;
using Dala.Testing;

namespace Dala.Cli.Tests.Hygiene;

/// <summary>dala export settlements: a settlement name a spreadsheet would run comes out neutralised; coordinates stay numbers.</summary>
public sealed class CsvExportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_hostile_settlement_name_is_neutralised_in_the_settlements_csv()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        var places = _dir.Write("places.csv", "id,name,kind,population,lon,lat\n" +
                                              "a,\"=HYPERLINK(\"\"http://evil\"\")\",village,500,69.30,54.87\n" +
                                              "b,+1+cmd,village,300,69.50,54.87\nc,Aul C,village,400,69.30,54.75\n");
        var import = CliRun.In(_dir.Path, "import", "settlements", places);
        Assert.True(import.Exit == 0, import.Err + import.Out);
        var run = CliRun.In(_dir.Path, "export", "settlements", "--out", "s.csv");
        Assert.True(run.Exit == 0, run.Err + run.Out);
        var rows = CsvReader.Read(new StringReader(File.ReadAllText(Path.Combine(_dir.Path, "s.csv")))).ToArray();
        var name = Array.IndexOf(rows[0].Fields.ToArray(), "name");
        var lon = Array.IndexOf(rows[0].Fields.ToArray(), "lon");
        Assert.True(name >= 0 && lon >= 0, string.Join(",", rows[0].Fields));
        var names = rows.Skip(1).Select(r => r.Fields[name]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["'+1+cmd", "'=HYPERLINK(\"http://evil\")", "Aul C"], names);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("69.", r.Fields[lon]));
    }
}

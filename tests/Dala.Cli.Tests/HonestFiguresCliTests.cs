using Dala.Testing;
using Spectre.Console;

namespace Dala.Cli.Tests;

/// <summary>
/// Figures the CLI prints say what they count: population on what base (and "not known", never 0), which store an
/// export read, aggregate files refused with a pointer to where they go, lines whole when the output is a file or pipe.
/// </summary>
public sealed class HonestFiguresCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Redirected_output_is_never_wrapped_tables_and_long_lines_stay_whole()
    {
        var w = new StringWriter();
        var console = CliContext.Plain(w);
        var line = "x" + new string('-', 400) + "y";
        console.WriteLine(line);
        var t = new Table().AddColumn("a").AddColumn("b");
        t.AddRow(new string('a', 150), new string('b', 150));
        console.Write(t);
        var lines = w.ToString().Split('\n');
        Assert.Contains(line, lines);
        Assert.Contains(lines, l => l.Contains(new string('a', 150) + " ", StringComparison.Ordinal) && l.Contains(new string('b', 150), StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimEnd().Length > 1000); // wide as the cells, not stretched to the width
    }

    [Fact]
    public void The_ookla_country_aggregates_are_refused_as_measurements_with_one_line_pointing_at_indicators()
    {
        var run = CliRun.In(_dir.Path, "import", "measurements", SharedData.Kz("ookla-kz-country-quarterly.csv"), "--store", _dir.File("q.db"));
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        var error = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ookla-kz-country-quarterly.csv", error);
        Assert.Contains("not tests", error);
        Assert.Contains("dala import indicators ookla-kz-country-quarterly.csv", error);
        Assert.Equal("", run.Out);
        var quarantine = CliRun.In(_dir.Path, "quality", "quarantine", "--store", _dir.File("q.db"));
        Assert.Equal(0, quarantine.Exit);
        Assert.DoesNotContain("ookla", quarantine.Out, StringComparison.OrdinalIgnoreCase);
        // The import that does take it.
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "indicators", SharedData.Kz("ookla-kz-country-quarterly.csv"), "--store", _dir.File("q.db")).Exit);
    }

    [Fact]
    public void Exports_say_which_store_they_read_and_how_it_was_chosen()
    {
        Seed("kz.db");
        var named = CliRun.In(_dir.Path, "export", "progress", "-o", "p.csv", "--store", "kz.db");
        Assert.Equal(0, named.Exit);
        Assert.Contains($"from SQLite {_dir.File("kz.db")} (--store)", named.Err);
        var fallback = CliRun.In(_dir.Path, "export", "connectivity", "-o", "h.csv");
        Assert.Equal(0, fallback.Exit);
        Assert.Contains($"from SQLite {_dir.File("dala.db")} (the default store: no --store, $DALA_STORE or ./dala.json)", fallback.Err);
        var stdout = CliRun.In(_dir.Path, "export", "settlements", "--store", "kz.db");
        Assert.StartsWith("id,", stdout.Out);
        Assert.Contains("exported from SQLite", stdout.Err);
    }

    [Fact]
    public void Status_and_progress_exports_say_the_population_base_and_show_unknown_population_as_not_known()
    {
        Seed("kz.db");
        var status = CliRun.In(_dir.Path, "status", "--store", "kz.db");
        Assert.Equal(0, status.Exit);
        var astana = status.Out.Split('\n').Single(l => l.Contains("KZ-71", StringComparison.Ordinal));
        Assert.Contains("–, not known", astana);
        var akmola = status.Out.Split('\n').Single(l => l.Contains("KZ-11", StringComparison.Ordinal));
        Assert.Contains("1,300*", akmola); // 1,300 people in the 2 of 3 settlements whose population is known
        Assert.Contains("Population: of the 2 of 4 rural settlements with known population", status.Out);

        Assert.Equal(0, CliRun.In(_dir.Path, "export", "progress", "-o", "p.csv", "--store", "kz.db").Exit);
        var csv = File.ReadAllLines(_dir.File("p.csv"));
        var header = csv[0].Split(',');
        var row = csv.Single(l => l.StartsWith("KZ-71,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("", row[Array.IndexOf(header, "population")]);
        Assert.Equal("0", row[Array.IndexOf(header, "population_known_settlements")]);
        Assert.Equal("", row[Array.IndexOf(header, "fibre_population_share")]);
    }

    [Fact]
    public void Region_names_take_the_registry_spelling_and_sources_say_read_and_stored()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson, "--store", "kz.db").Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", SharedData.HotOsmPlaces, "--store", "kz.db").Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "export", "regions", "-o", "r.csv", "--store", "kz.db").Exit);
        var regions = File.ReadAllText(_dir.File("r.csv"));
        Assert.Contains("Aktobe Region", regions);
        Assert.Contains("Abai Region", regions);
        Assert.DoesNotContain("Aqtöbe", regions);
        Assert.DoesNotContain("Abay Region", regions);
        var store = new Storage.Sqlite.SqliteRegistryStore(_dir.File("kz.db"));
        var source = store.ReadSnapshot().Sources.Single(s => s.Kind == "settlements");
        Assert.Equal(9_899, source.RowsRead);
        Assert.Equal(7_098, source.Rows);
    }

    /// <summary>Regions, and settlements with population known for some: Akmola 2 of 3 rural, Astana's one village none.</summary>
    private void Seed(string store)
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson, "--store", store).Exit);
        var places = _dir.Write("places.csv", "id,name,kind,lon,lat,population\n" +
                                              "a,Aul A,village,69.30,51.70,500\nb,Aul B,village,69.50,51.60,800\nc,Aul C,village,69.70,51.50,\n" +
                                              "d,Aul D,village,71.40,51.15,\n");
        var run = CliRun.In(_dir.Path, "import", "settlements", places, "--store", store);
        Assert.True(run.Exit == 0, run.Err);
    }
}

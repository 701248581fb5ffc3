using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// Import validation through the CLI: each refusal exits 2, names file:line, field and reason, and leaves the store
/// (and its revision) as it was.
/// </summary>
public sealed partial class ImportValidationCliTests : IDisposable
{
    private const string Head = "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";
    private const string Tail = "\n]\n}\n";

    /// <summary>A square region KZ-11 around (70..72, 51..53).</summary>
    private static readonly string Square = Head +
        "{ \"type\": \"Feature\", \"properties\": { \"name\": \"Akmola Region\", \"code\": \"KZ-11\" }, \"geometry\": " +
        "{ \"type\": \"Polygon\", \"coordinates\": [[[70,51],[72,51],[72,53],[70,53],[70,51]]] } }" + Tail;

    private readonly TempDir _dir = new();

    public ImportValidationCliTests()
    {
        var regions = CliRun.In(_dir.Path, "import", "regions", _dir.Write("square.geojson", Square));
        Assert.True(regions.Exit == 0, regions.Err);
        var good = _dir.Write("good.csv", "id,name,kind,population,lon,lat\nv1,Акколь,village,1200,70.95,52.0\nv2,Бурабай,village,,70.3,52.08\n");
        var settlements = CliRun.In(_dir.Path, "import", "settlements", good);
        Assert.True(settlements.Exit == 0, settlements.Err);
    }

    public void Dispose() => _dir.Dispose();

    private static string Point(string name, long id) =>
        $"{{ \"type\": \"Feature\", \"properties\": {{ \"name\": \"{name}\", \"place\": \"village\", \"osm_id\": {id} }}, " +
        "\"geometry\": { \"type\": \"Point\", \"coordinates\": [ 71, 52 ] } }";

    /// <summary>Runs `dala import ARGS`, expecting exit 2, every expected text on stderr, and the store unchanged.</summary>
    private CliRun Refused(string[] args, params string[] expected)
    {
        var store = new SqliteRegistryStore(_dir.File("dala.db"));
        var before = store.ReadSnapshot();
        var revision = store.ReadRevision();
        var run = CliRun.In(_dir.Path, ["import", .. args]);
        Assert.True(run.Exit == ExitCodes.Rejected, $"exit {run.Exit}\n{run.Out}\n{run.Err}");
        foreach (var e in expected) Assert.Contains(e, run.Err);
        Assert.Equal(revision, store.ReadRevision());
        SnapshotAssert.Same(before, store.ReadSnapshot());
        return run;
    }

    [Fact]
    public void A_lone_surrogate_in_a_geojson_name_exits_2_naming_the_line() => Refused(
        ["settlements", _dir.Write("surrogate.geojson", Head + Point("Ok", 1) + ",\n" + Point("Bad\\ud800", 2) + Tail)],
        "surrogate.geojson:5: name: is not valid text: it holds a lone UTF-16 surrogate escape", "the store is unchanged");

    private static readonly string BowTie = Square.Replace("[[70,51],[72,51],[72,53],[70,53],[70,51]]", "[[70,51],[72,53],[72,51],[70,53],[70,51]]", StringComparison.Ordinal);

    [Fact]
    public void A_self_crossing_region_exits_2_unless_repair_polygons_is_given()
    {
        var path = _dir.Write("bowtie.geojson", BowTie);
        Refused(["regions", path], "bowtie.geojson:4: geometry: polygon is not valid: Self-intersection at (71 52)", "the store is unchanged");
        var repaired = CliRun.In(_dir.Path, "import", "regions", path, "--repair-polygons");
        Assert.True(repaired.Exit == 0, repaired.Err);
        Assert.Contains("note: 1 polygon(s) were not valid and were repaired with NetTopologySuite's GeometryFixer", repaired.Out);
    }

    [Fact]
    public void A_two_row_kato_file_exits_2_saying_what_it_would_unmatch_unless_replace_is_given()
    {
        string[] Kz(params string[] args) => [.. args, "--store", "kz.db"];
        foreach (var (what, file) in new[] { ("regions", SharedData.RegionsGeoJson), ("settlements", SharedData.HotOsmPlaces), ("kato", SharedData.Kato) })
        {
            var ok = CliRun.In(_dir.Path, Kz("import", what, file));
            Assert.True(ok.Exit == 0, ok.Err);
            if (what == "kato") Assert.Matches(@"read\s+16,264\s", ok.Out);
            if (what == "kato") Assert.Matches(@"stored \(new or changed\)\s+16,264\s", ok.Out);
        }
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        var before = store.ReadSnapshot();
        var two = _dir.Write("two.csv", string.Join("\n", File.ReadLines(SharedData.Kato).Take(3)) + "\n");
        var run = CliRun.In(_dir.Path, Kz("import", "kato", two));
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        var err = System.Text.RegularExpressions.Regex.Replace(run.Err, @"\s+", " "); // the console wraps long lines
        Assert.Contains("two.csv:0: file: has 2 KATO units where the store has 16,264 (fewer than half) and would un-match 4,630 of the 4,630 settlements matched now", err);
        Assert.Matches(@"settlements matched now \(first: osm-\d+ \S+ \d{9}, ", err);
        Assert.Contains("--replace imports it anyway", err);
        Assert.Contains("file: has … KATO units where the store has … (fewer than half) and would un-match … of the … settlements matched now (first: …)", err);
        SnapshotAssert.Same(before, store.ReadSnapshot());

        var replaced = CliRun.In(_dir.Path, Kz("import", "kato", two, "--replace"));
        Assert.True(replaced.Exit == 0, replaced.Err);
        Assert.Equal(2, store.ReadSnapshot().Kato.Count);
    }
}

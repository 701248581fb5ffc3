using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Testing;

namespace Dala.Cli.Tests;

public sealed class FibreCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("B/b01.stp")]
    [InlineData("B/b18.stp")]
    [InlineData("C/c01.stp")]
    public void Solve_prints_the_known_optimum_as_cost_and_a_bound_no_higher(string file)
    {
        var path = SharedData.Reference("steinlib/" + file);
        var optimum = Optimum(Path.GetFileName(file));
        var run = CliRun.In(_dir.Path, "fibre", "solve", path, "--seconds", "8", "--seed", "3");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal(optimum, Value(run.Out, "cost"));
        Assert.InRange(Value(run.Out, "lower_bound"), 0, optimum);
    }

    [Fact]
    public void Solve_names_the_line_of_a_malformed_file()
    {
        var bad = _dir.Write("bad.stp", "33D32945 STP File, STP Format Version 1.0\nSECTION Graph\nNodes 3\nEdges 1\nE 1 2 x\nEND\nEOF\n");
        var run = CliRun.In(_dir.Path, "fibre", "solve", bad);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains("bad.stp:5:", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Solve_lists_the_terminals_a_disconnected_instance_cannot_reach()
    {
        var file = _dir.Write("split.stp", "33D32945 STP File, STP Format Version 1.0\nSECTION Graph\nNodes 5\nEdges 3\nE 1 2 4\nE 2 3 5\nE 4 5 1\nEND\n" +
                                           "SECTION Terminals\nTerminals 3\nT 1\nT 3\nT 5\nEND\nEOF\n");
        var run = CliRun.In(_dir.Path, "fibre", "solve", file);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Equal(9, Value(run.Out, "cost"));
        Assert.Contains("unreachable_terminals: 5", run.Out);
        Assert.Contains("cannot be reached", run.Err);
    }

    [Fact]
    public void Plan_on_the_proxy_network_connects_a_region_and_writes_labelled_files()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", SharedData.HotOsmPlaces).Exit);
        var run = CliRun.In(_dir.Path, "fibre", "plan", "--region", "KZ-59", "--seconds", "5", "--out", "plan.geojson", "--paths", "paths.csv");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("PROXY NETWORK", run.Out);
        var cost = Number(run.Out, "cost");
        var bound = Number(run.Out, "lower_bound");
        Assert.InRange(bound, 1, cost);
        var connected = (int)Number(run.Out, "connected");

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir.Path, "plan.geojson")));
        var root = doc.RootElement;
        Assert.Equal("proxy", root.GetProperty("network").GetString());
        Assert.Equal(cost, root.GetProperty("totals").GetProperty("costTenge").GetDouble());
        var features = root.GetProperty("features").EnumerateArray().ToArray();
        var routes = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "route").ToArray();
        Assert.Equal(cost, routes.Sum(f => f.GetProperty("properties").GetProperty("costTenge").GetDouble()), 0.5 * routes.Length);
        Assert.All(features, f => Assert.Equal("proxy", f.GetProperty("properties").GetProperty("network").GetString()));
        Assert.Equal(connected, features.Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "path"));

        var csv = File.ReadAllLines(Path.Combine(_dir.Path, "paths.csv"));
        Assert.Equal(connected + 1, csv.Length);
        Assert.All(csv.Skip(1), line => Assert.Contains(",connected,proxy,false,seconds=5 seed=1,", line));
    }

    [Fact]
    public void Solve_with_a_work_budget_gives_the_same_tree_twice_and_says_what_stopped_it()
    {
        var path = SharedData.Reference("steinlib/C/c18.stp");
        string[] args = ["fibre", "solve", path, "--work", "750000", "--seed", "2"];
        var first = CliRun.In(_dir.Path, args);
        var second = CliRun.In(_dir.Path, args);
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(Value(first.Out, "cost"), Value(second.Out, "cost"));
        Assert.Equal(Value(first.Out, "lower_bound"), Value(second.Out, "lower_bound"));
        var work = Regex.Match(first.Out, @"^work: (\d+) \(work=750000 seed=2; stopped by work\)$", RegexOptions.Multiline);
        Assert.True(work.Success, first.Out);
        Assert.InRange(long.Parse(work.Groups[1].Value, CultureInfo.InvariantCulture), 750_000, 750_000 + 12_500);
        Assert.Contains(work.Value, second.Out);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("lots")]
    [InlineData("1e6")]
    public void A_bad_work_budget_is_refused_with_one_line(string bad)
    {
        foreach (var command in new[] { "solve", "plan" })
        {
            string[] args = command == "solve" ? ["fibre", "solve", SharedData.Reference("steinlib/B/b01.stp"), "--work", bad] : ["fibre", "plan", "--work", bad];
            var run = CliRun.In(_dir.Path, args);
            Assert.Equal(ExitCodes.Rejected, run.Exit);
            Assert.Equal("", run.Out);
            Assert.Equal($"error: --work: '{bad}' is not a whole number of work units above 0", run.Err.Trim());
        }
    }

    [Fact]
    public void Plan_with_a_work_budget_records_it_in_the_geojson_and_the_csv()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", SharedData.HotOsmPlaces).Exit);
        var run = CliRun.In(_dir.Path, "fibre", "plan", "--region", "KZ-59", "--work", "400000", "--seed", "4", "--out", "plan.geojson", "--paths", "paths.csv");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Matches(@"(?m)^work: \d+ \(work=400000 seed=4", run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir.Path, "plan.geojson")));
        var assumptions = doc.RootElement.GetProperty("assumptions");
        Assert.Equal(400000, assumptions.GetProperty("work").GetInt64());
        Assert.Equal(JsonValueKind.Null, assumptions.GetProperty("seconds").ValueKind);
        Assert.Equal(4, assumptions.GetProperty("seed").GetInt32());
        var totals = doc.RootElement.GetProperty("totals");
        Assert.InRange(totals.GetProperty("work").GetInt64(), 1, 400000 + 1_000_000);
        Assert.Contains(totals.GetProperty("stoppedBy").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
        var csv = File.ReadAllLines(Path.Combine(_dir.Path, "paths.csv"));
        Assert.EndsWith(",solver_budget,stopped_by", csv[0]);
        Assert.All(csv.Skip(1), line => Assert.Contains(",work=400000 seed=4,", line));
    }

    [Fact]
    public void Plan_refuses_bad_options_with_a_reason()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        var kinds = CliRun.In(_dir.Path, "fibre", "plan", "--kinds", "village,metropolis");
        Assert.Equal(ExitCodes.Usage, kinds.Exit);
        Assert.Contains("metropolis", kinds.Err);
        var price = CliRun.In(_dir.Path, "fibre", "plan", "--tenge-per-km", "gold=1");
        Assert.Equal(ExitCodes.Usage, price.Exit);
        Assert.Contains("paved-road", price.Err);
        var empty = CliRun.In(_dir.Path, "fibre", "plan", "--region", "KZ-59");
        Assert.Equal(ExitCodes.Rejected, empty.Exit);
        Assert.Contains("no city or town", empty.Err);
        var region = CliRun.In(_dir.Path, "fibre", "plan", "--region", "KZ-00");
        Assert.Equal(ExitCodes.Rejected, region.Exit);
        Assert.Contains("unknown region 'KZ-00'", region.Err);
    }

    [Fact]
    public void Plan_along_an_osm_road_file_uses_the_roads_and_costs_each_class()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        var places = _dir.Write("places.csv", "id,name,kind,population,lon,lat\nt,Town,town,20000,69.10,54.87\n" +
                                              "a,Aul A,village,500,69.30,54.87\nb,Aul B,village,300,69.50,54.87\nc,Aul C,village,400,69.30,54.75\n");
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", places).Exit);
        var roads = _dir.Write("roads.osm", """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="54.87" lon="69.10"/><node id="2" lat="54.87" lon="69.30"/><node id="3" lat="54.87" lon="69.50"/>
              <node id="4" lat="54.76" lon="69.30"/><node id="5" lat="54.87" lon="69.70"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="5"/><tag k="highway" v="primary"/></way>
              <way id="11"><nd ref="2"/><nd ref="4"/><tag k="highway" v="track"/></way>
            </osm>
            """);
        var run = CliRun.In(_dir.Path, "fibre", "plan", "--roads", roads, "--seconds", "2", "--out", "plan.geojson");
        Assert.True(run.Exit == 0, run.Err + run.Out);
        Assert.DoesNotContain("PROXY", run.Out);
        Assert.Equal(3, (int)Number(run.Out, "connected"));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir.Path, "plan.geojson")));
        Assert.Equal("roads", doc.RootElement.GetProperty("network").GetString());
        var routes = doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("kind").GetString() == "route").ToArray();
        double Km(string cls) => routes.Where(p => p.GetProperty("costClass").GetString() == cls).Sum(p => p.GetProperty("km").GetDouble());
        // The primary road from the town to Aul B (the stretch on to node 5 is not needed), the track down to Aul C,
        // and a connector of about 1.1 km from the track's end to Aul C (the others sit on road nodes).
        var lon02 = Dala.Geo.GeoMath.DistanceKm(new(69.10, 54.87), new(69.30, 54.87));
        Assert.Equal(2 * lon02, Km("paved-road"), 2);
        var track = Dala.Geo.GeoMath.DistanceKm(new(69.30, 54.87), new(69.30, 54.76));
        var connector = Dala.Geo.GeoMath.DistanceKm(new(69.30, 54.76), new(69.30, 54.75));
        Assert.Equal(track, Km("track"), 2);
        Assert.Equal(connector, Km("connector"), 2);
        var expected = 2 * lon02 * 5_000_000 + track * 2_000_000 + connector * 6_000_000;
        Assert.InRange(Number(run.Out, "cost"), expected - 10, expected + 10);
    }

    [Fact]
    public void Plan_names_the_line_of_a_malformed_osm_file()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        var roads = _dir.Write("bad.osm", "<?xml version=\"1.0\"?>\n<osm>\n<node id=\"1\" lat=\"north\" lon=\"69\"/>\n</osm>\n");
        var run = CliRun.In(_dir.Path, "fibre", "plan", "--roads", roads);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains("bad.osm:3", run.Err);
    }

    private static long Optimum(string instance) =>
        File.ReadLines(SharedData.Reference("steinlib/optima.csv")).Select(l => l.Split(',')).Where(f => f[1] == instance)
            .Select(f => long.Parse(f[5], CultureInfo.InvariantCulture)).Single();

    private static long Value(string output, string key) =>
        long.Parse(Regex.Match(output, $"^{key}: (\\d+)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);

    private static double Number(string output, string key) =>
        double.Parse(Regex.Match(output, $"^{key}: ([\\d,]+)", RegexOptions.Multiline).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}

using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// Bad input never crashes and never half-writes: each case names file:line and the reason, exits
/// non-zero, and leaves the store exactly as it was.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public BadInputTests()
    {
        var regions = CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson);
        Assert.True(regions.Exit == 0, regions.Err);
        var good = _dir.Write("good.csv", "id,name,kind,population,lon,lat\nv1,Акколь,village,1200,70.95,52.0\nv2,Бурабай,village,,70.3,53.08\n");
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", good).Exit);
    }

    public void Dispose() => _dir.Dispose();

    private CliRun Rejected(string file, string content, string command, params string[] expected)
    {
        var path = _dir.Write(file, content);
        var store = new SqliteRegistryStore(_dir.File("dala.db"));
        var before = store.ReadSnapshot();
        var run = CliRun.In(_dir.Path, "import", command, path);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        foreach (var e in expected) Assert.Contains(e, run.Err);
        Assert.Contains("the store is unchanged", run.Err);
        SnapshotAssert.Same(before, store.ReadSnapshot());
        return run;
    }

    /// <summary>The count on the summary table's row labelled <paramref name="label"/> (the row must be there once).</summary>
    private static int Count(string output, string label)
    {
        var row = Assert.Single(output.Split('\n'), l => l.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));
        return int.Parse(row.Trim().Split(' ')[^1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string Head = "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";

    private static string Point(string name, double lon, double lat, long id) =>
        $"{{ \"type\": \"Feature\", \"properties\": {{ \"name\": \"{name}\", \"place\": \"village\", \"osm_id\": {id} }}, \"geometry\": {{ \"type\": \"Point\", \"coordinates\": [ {lon}, {lat} ] }} }}";

    [Fact]
    public void Broken_json() => Rejected("broken.geojson",
        Head + Point("A", 71, 51, 1) + ",\n" + Point("B", 72, 51, 2).Replace("\"place\"", "\"place\" \"oops\"") + "\n]\n}\n",
        "settlements", "broken.geojson:5: file: broken JSON");

    [Fact]
    public void Truncated_geojson() => Rejected("cut.geojson",
        Head + Point("A", 71, 51, 1) + ",\n" + Point("B", 72, 51, 2)[..40], "settlements", "cut.geojson:5: file: the JSON ends early (truncated file?)");

    [Fact]
    public void Truncated_csv_inside_a_quoted_field() => Rejected("cut.csv",
        "id,name,kind,lon,lat\nv3,Ok,village,70,50\nv4,\"Unclosed,village,70", "settlements", "cut.csv:3: file: the file ends inside a quoted field (truncated?)");

    [Fact]
    public void Csv_with_a_wrong_delimiter() => Rejected("semi.csv",
        "id;name;kind;lon;lat\nv3;X;village;70;50\n", "settlements", "semi.csv:1: header: fields are separated by ';', expected ','");

    [Fact]
    public void Missing_and_out_of_range_coordinates() => Rejected("coords.csv",
        "id,name,kind,lon,lat\nv3,A,village,70,200\nv4,B,village,,50\nv5,C,village,abc,50\nv6,D,village,70,50\n", "settlements",
        "coords.csv:2: lat: latitude 200 outside [-90, 90]", "coords.csv:3: lon: missing", "coords.csv:4: lon: 'abc' is not a number");

    [Fact]
    public void Geojson_feature_without_coordinates_or_out_of_range() => Rejected("coords.geojson",
        Head + Point("A", 71, 51, 1) + ",\n" + Point("B", 71, 95, 2) + ",\n" +
        "{ \"type\": \"Feature\", \"properties\": { \"name\": \"C\", \"place\": \"village\", \"osm_id\": 3 }, \"geometry\": null }\n]\n}\n",
        "settlements", "coords.geojson:5: coordinates: latitude 95 outside [-90, 90]", "coords.geojson:6: geometry: missing");

    [Fact]
    public void A_rejected_import_prints_the_summary_with_counts_per_field_and_reason()
    {
        var run = Rejected("mixed.csv",
            "id,name,kind,lon,lat\nv3,A,village,70,50\nv4,B,village,70,95\nv5,C,village,70,200\nv6,D,village,70,-91\n" +
            "v3,E,village,71,50\nv4,F,village,71,50\nv7,G,village,72,50\n", "settlements",
            "mixed.csv:3: lat: latitude 95 outside [-90, 90]", "mixed.csv:7: id: duplicate id v4 (first on line 3)");
        Assert.Equal(7, Count(run.Err, "read"));
        Assert.Equal(0, Count(run.Err, "stored"));
        Assert.Equal(5, Count(run.Err, "rejected"));
        Assert.Equal(3, Count(run.Err, "lat: latitude … outside [-90, 90]"));
        Assert.Equal(2, Count(run.Err, "id: duplicate id … (first on line …)"));
        Assert.Contains("Rejected rows:", run.Err);
        Assert.DoesNotContain("more rejected rows", run.Err);
    }

    [Fact]
    public void Many_rejected_rows_are_counted_and_the_first_ones_named()
    {
        var rows = string.Concat(Enumerable.Range(1, 200).Select(i => $"b{i},Place {i},village,70,{90 + i}\n"));
        var run = Rejected("many.csv", "id,name,kind,lon,lat\n" + rows, "settlements", "many.csv:2: lat: latitude 91 outside [-90, 90]");
        Assert.Equal(200, Count(run.Err, "rejected"));
        Assert.Equal(200, Count(run.Err, "lat: latitude … outside [-90, 90]"));
        Assert.Contains($"Rejected rows (the first {ReportOutput.RowsNamed}):", run.Err);
        var named = run.Err.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"many\.csv:\d+: ")).ToArray();
        Assert.Equal(ReportOutput.RowsNamed, named.Length);
        Assert.EndsWith("many.csv:2: lat: latitude 91 outside [-90, 90]", named[0].TrimEnd());
        Assert.EndsWith("many.csv:51: lat: latitude 140 outside [-90, 90]", named[^1].TrimEnd());
        Assert.DoesNotContain("many.csv:52:", run.Err);
        Assert.Contains($"... and {200 - ReportOutput.RowsNamed} more rejected rows", run.Err);
    }

    [Fact]
    public void Duplicate_ids() => Rejected("dup.csv",
        "id,name,kind,lon,lat\nv3,A,village,70,50\nv3,B,village,71,50\n", "settlements", "dup.csv:3: id: duplicate id v3 (first on line 2)");

    [Fact]
    public void Duplicate_osm_ids_in_geojson() => Rejected("dup.geojson",
        Head + Point("A", 71, 51, 7) + ",\n" + Point("B", 72, 51, 7) + "\n]\n}\n", "settlements", "dup.geojson:5: osm_id: duplicate id osm-7 (first on line 4)");

    [Fact]
    public void Unknown_region() => Rejected("region.csv",
        "id,name,kind,lon,lat,region\nv3,A,village,70,50,KZ-11\nv4,B,village,70,50,Atlantis\n", "settlements", "region.csv:3: region: unknown region 'Atlantis'");

    [Fact]
    public void Point_outside_every_region_in_csv() => Rejected("outside.csv",
        "id,name,kind,lon,lat\nv3,Moscow,village,37.6,55.75\n", "settlements", "outside.csv:2: lon/lat: (37.6 55.75) lies in no region of the store");

    [Fact]
    public void Connectivity_with_unknown_settlement_absurd_speed_bad_date_and_technology() => Rejected("conn.csv",
        "settlement_id,technology,operator,down_mbps,up_mbps,as_of\n" +
        "v1,fibre,Kazakhtelecom,100,50,2024-01-01\n" +
        "nope,fibre,Kazakhtelecom,100,50,2024-01-01\n" +
        "v1,4G,Beeline,-5,1,2024-01-01\n" +
        "v1,4G,Beeline,10000000,1,2024-01-01\n" +
        "v1,6G,Beeline,10,1,2024-01-01\n" +
        "v2,4G,Beeline,10,1,2031-01-01\n" +
        "v2,4G,Beeline,10,1,01/02/2024\n", "connectivity",
        "conn.csv:3: settlement_id: unknown settlement 'nope'", "conn.csv:4: down_mbps: -5 is negative",
        "conn.csv:5: down_mbps: 10000000 Mbit/s is not plausible", "conn.csv:6: technology: '6G' is not one of",
        "conn.csv:7: as_of: 2031-01-01 is in the future", "conn.csv:8: as_of: '01/02/2024' is not a date (YYYY-MM-DD)");

    [Fact]
    public void Regions_file_with_a_point() => Rejected("regions.geojson",
        Head + Point("Nowhere", 71, 51, 1) + "\n]\n}\n", "regions", "regions.geojson:4: geometry: expected Polygon or MultiPolygon, found Point");

    [Fact]
    public void Missing_file_is_named()
    {
        var run = CliRun.In(_dir.Path, "import", "settlements", "nope.csv");
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains("nope.csv:0: file: not found", run.Err);
    }

    [Fact]
    public void Ragged_row() => Rejected("ragged.csv",
        "id,name,kind,lon,lat\nv3,A,village,70\n", "settlements", "ragged.csv:2: row: expected 5 fields, found 4");
}

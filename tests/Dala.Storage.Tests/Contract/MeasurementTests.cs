using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Import;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Measurement intake and aggregates, the same on both stores.</summary>
public class MeasurementTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    internal static IMeasurementStore Measurements(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteMeasurementStore(s),
        PostgresRegistryStore p => new PostgresMeasurementStore(p),
        _ => throw new InvalidOperationException(),
    };

    internal static (TestStore Store, IMeasurementStore Measurements, MeasurementIntake Intake) Setup(string kind)
    {
        var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(t.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        var m = Measurements(t);
        return (t, m, new MeasurementIntake(t.Store, m, Clock,
            new OperatorPrefixes([("2.132.0.0/14", "kazakhtelecom"), ("5.34.0.0/16", "kcell")])));
    }

    private const string Ndjson =
        "{\"id\":\"a1\",\"time\":\"2026-10-05T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":120.5,\"upMbps\":30,\"latencyMs\":18,\"bytes\":150000000,\"durationS\":10,\"source\":\"ndt7-client\",\"clientIp\":\"2.133.10.20\"}\n" +
        "{\"id\":\"a2\",\"time\":\"2026-10-06T10:00:00Z\",\"lon\":71.44,\"lat\":51.14,\"downMbps\":40,\"upMbps\":10,\"latencyMs\":35,\"bytes\":50000000,\"durationS\":10,\"source\":\"ndt7-client\",\"clientIp\":\"5.34.1.2\"}\n" +
        "{\"id\":\"a3\",\"time\":\"2026-10-07T10:00:00Z\",\"lon\":71.45,\"lat\":51.15,\"downMbps\":5,\"bytes\":4000,\"durationS\":10,\"source\":\"ndt7-client\"}\n" +
        "{\"id\":\"bad1\",\"time\":\"2026-10-07T10:00:00Z\",\"downMbps\":-3}\n" +
        "{\"time\":\"2026-10-07T10:00:00Z\",\"lat\":200,\"lon\":70,\"downMbps\":3}\n" +
        "{\"time\":\"2026-10-07T10:00:00Z\",\"downMbps\":10000000000}\n" +
        "this is not json\n" +
        "{\"id\":\"a4\",\"time\":\"2026-11-01T08:00:00Z\",\"settlementId\":\"osm-2820274280\",\"downMbps\":12,\"source\":\"inspector\"}\n";

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_line_is_stored_or_quarantined_with_reasons_and_a_rerun_changes_nothing(string kind)
    {
        var (t, store, intake) = Setup(kind);
        using var _ = t;
        var r = intake.AcceptNdjson(Ndjson, "batch-1", MeasurementSource.Import);
        Assert.Null(r.FileError);
        Assert.Equal((8, 4, 4, 1), (r.Lines, r.Stored, r.Quarantined, r.Invalid));
        Assert.Equal(r.Lines, r.Results.Count);
        var byLine = r.Results.ToDictionary(x => x.Line);
        Assert.Contains("down: -3 Mbit/s is negative", byLine[4].Reasons);
        Assert.Contains("lat: 200 is outside [-90, 90]", byLine[5].Reasons);
        Assert.Contains(byLine[6].Reasons, x => x.StartsWith("down: 10000000000 Mbit/s is not plausible", StringComparison.Ordinal));
        Assert.StartsWith("json:", byLine[7].Reasons[0]);
        Assert.Equal([Rules.TooFewBytes], byLine[3].Reasons);
        var recent = store.Recent(new MeasurementFilter(), 10);
        var a1 = recent.Single(m => m.Id == "a1");
        Assert.Equal(("KZ-71", "kazakhtelecom", "2.133.10.0/24"), (a1.RegionCode, a1.OperatorId, a1.ClientNetwork));
        Assert.Equal(16, a1.Quadkey!.Length);
        var a4 = recent.Single(m => m.Id == "a4");
        Assert.Equal(("osm-2820274280", "KZ-15"), (a4.SettlementId, a4.RegionCode));
        Assert.Equal(4, store.Quarantine(10).Count);
        Assert.Equal(new MeasurementCounts(4, 3, 1, 0, 4, 0, 0), store.Counts());

        var again = intake.AcceptNdjson(Ndjson, "batch-1", MeasurementSource.Import);
        Assert.Equal((0, 4), (again.Stored, again.Duplicates));
        Assert.Equal(new MeasurementCounts(4, 3, 1, 0, 4, 0, 0), store.Counts());
        Assert.All(again.Results.Where(x => x.Status != IntakeResult.QuarantinedStatus), x => Assert.Equal(IntakeResult.DuplicateStatus, x.Status));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Recent_by_ids_reads_only_those_measurements(string kind)
    {
        var (t, store, intake) = Setup(kind);
        using var _ = t;
        Assert.Equal(4, intake.AcceptNdjson(Ndjson, "batch-1", MeasurementSource.Import).Stored);
        Assert.Equal(["a1", "a4"], store.Recent(new MeasurementFilter(Ids: ["a4", "a1", "no-such"]), 10).Select(m => m.Id).Order().ToArray());
        Assert.Equal(["a2"], store.Recent(new MeasurementFilter(Operator: "kcell", Ids: ["a1", "a2"]), 10).Select(m => m.Id).ToArray());
        Assert.Empty(store.Recent(new MeasurementFilter(Ids: []), 10));
        Assert.Empty(store.Recent(new MeasurementFilter(Ids: ["no-such"]), 10));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Csv_mlab_and_ookla_files_come_in_with_their_layouts(string kind)
    {
        var (t, store, intake) = Setup(kind);
        using var _ = t;
        var csv = t.Dir.Write("field.csv", "time,lat,lon,down_mbps,up_mbps,latency_ms,operator,access,source\n" +
                                            "2026-09-01T09:00:00Z,43.25,76.92,210,60,9,kazakhtelecom,fibre,inspector\n" +
                                            "2026-09-01T09:05:00Z,43.25,76.92,abc,60,9,kazakhtelecom,fibre,inspector\n");
        var r1 = intake.ImportFile(csv);
        Assert.Equal((2, 1, 1), (r1.Lines, r1.Stored, r1.Quarantined));
        Assert.Contains("down: 'abc' is not a number", r1.Results[1].Reasons);
        var mlab = t.Dir.Write("mlab.csv", "a.UUID,a.TestTime,a.MeanThroughputMbps,a.MinRTT,a.LossRate,client.IP,client.Geo.Latitude,client.Geo.Longitude,BytesAcked,test_duration_s,direction\n" +
                                            "ndt-1,2026-08-01T12:00:00Z,85.5,22.5,0.01,2.132.5.6,51.17,71.42,120000000,10.1,download\n" +
                                            "ndt-2,2026-08-01T12:01:00Z,15.5,22.5,0.0,10.1.2.3,51.17,71.42,20000000,10.1,upload\n");
        var r2 = intake.ImportFile(mlab);
        Assert.Equal((2, 2, 1), (r2.Stored, r2.Lines - r2.Quarantined, r2.Invalid));
        var ndt = store.Recent(new MeasurementFilter(), 20).Where(m => m.Dataset == "mlab.csv").OrderBy(m => m.Id).ToArray();
        Assert.Equal((85.5, null, 1.0), (ndt[0].DownMbps, ndt[0].UpMbps, ndt[0].LossPct));
        Assert.Equal((15.5, false), (ndt[1].UpMbps!.Value, ndt[1].Valid));
        Assert.Contains(Rules.PrivateClient, ndt[1].Reasons);
        var ookla = t.Dir.Write("2025-07-01_performance_fixed_tiles.csv", "quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices\n" +
                                                                         $"{Quadkey.At(new LonLat(71.43, 51.13), 16)},95000,25000,14,37,12\n");
        var r3 = intake.ImportFile(ookla);
        Assert.Equal(1, r3.Stored);
        var tile = store.Counts();
        Assert.Equal(1, tile.Tiles);
        var semi = intake.ImportFile(t.Dir.Write("semi.csv", "time;down_mbps\n2026-01-01;5\n"));
        Assert.Contains("separated by ';'", semi.FileError);
        var ooklaNoTime = intake.ImportFile(t.Dir.Write("tiles.csv", "quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices\n1202,1,1,1,1,1\n"));
        Assert.Contains("Ookla tiles: give a time column", ooklaNoTime.Results[0].Reasons[0]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Aggregates_are_exact_percentiles_by_region_operator_and_month(string kind)
    {
        var (t, store, intake) = Setup(kind);
        using var _ = t;
        var lines = new System.Text.StringBuilder();
        var rng = new Random(5);
        var expected = new Dictionary<(string, string), List<double>>();
        for (var i = 0; i < 600; i++)
        {
            var (lon, lat, region) = i % 3 == 0 ? (71.43, 51.13, "KZ-71") : (76.92, 43.25, "KZ-75");
            var op = i % 2 == 0 ? "kazakhtelecom" : "kcell";
            var month = i % 4 == 0 ? "2026-09" : "2026-10";
            var down = Math.Round(rng.NextDouble() * 300, 3);
            lines.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"id\":\"g{i}\",\"time\":\"{month}-11T10:00:00Z\",\"lon\":{lon},\"lat\":{lat},\"downMbps\":{down},\"upMbps\":{down / 4},\"latencyMs\":{10 + i % 40},\"operator\":\"{op}\"}}\n");
            var k = (region, op);
            if (!expected.TryGetValue(k, out var list)) expected[k] = list = [];
            list.Add(down);
        }
        Assert.Equal(600, intake.AcceptNdjson(lines.ToString(), "agg", MeasurementSource.Import).Stored);
        var groups = store.Aggregate(new AggregateQuery(GroupBy.Region | GroupBy.Operator));
        Assert.Equal(4, groups.Count);
        Assert.Equal(["KZ-71", "KZ-71", "KZ-75", "KZ-75"], groups.Select(g => g.Region));
        foreach (var g in groups)
        {
            var values = expected[(g.Region!, g.Operator!)].Order().ToArray();
            Assert.Equal(values.Length, g.Tests);
            Assert.Equal(Percentiles.Of(values, 0.5), g.Down!.Median, 9);
            Assert.Equal(Percentiles.Of(values, 0.1), g.Down.P10, 9);
            Assert.Equal(Percentiles.Of(values, 0.9), g.Down.P90, 9);
            Assert.Equal(values.Count(v => v >= 100) / (double)values.Length, g.ShareAtLeast100!.Value, 12);
        }
        var byMonth = store.Aggregate(new AggregateQuery(GroupBy.Month, Region: "KZ-75"));
        Assert.Equal(["2026-09", "2026-10"], byMonth.Select(g => g.Month));
        Assert.Equal(400, byMonth.Sum(g => g.Tests));
        var histogram = store.Histogram(null, null);
        Assert.Equal(600, histogram.Sum(b => b.Tests));
        Assert.Equal(Histogram.Edges.Length, histogram.Count);
        var tiles = store.Tiles(new BBox(70, 50, 72, 52), 100);
        Assert.Equal(200, Assert.Single(tiles).Tests);
    }
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Point_cells_bin_the_tests_of_a_box_with_counts_mean_download_and_the_lone_id(string kind)
    {
        var (t, store, intake) = Setup(kind);
        using var _ = t;
        Assert.Equal(4, intake.AcceptNdjson(Ndjson, "batch-1", MeasurementSource.Import).Stored);
        var box = new BBox(71.405, 51.105, 71.505, 51.205); // each test mid-cell at 10 x 10
        var ndt7 = new MeasurementFilter(Source: MeasurementSource.Ndt7Client);
        // Cells of 0.01 degrees: a1, a2 and a3 each alone in theirs, with their id.
        var fine = store.PointCells(box, 10, 10, ndt7);
        Assert.Equal(["a1", "a2", "a3"], fine.Select(c => c.Id).Order(StringComparer.Ordinal));
        var a1 = fine.Single(c => c.Id == "a1");
        Assert.Equal((1, 1, 0), (a1.Tests, a1.Valid, a1.Synthetic));
        Assert.Equal((71.43, 51.13, 120.5), (Math.Round(a1.Lon, 9), Math.Round(a1.Lat, 9), a1.MeanDownMbps));
        Assert.Null(fine.Single(c => c.Id == "a3").MeanDownMbps); // invalid: no download counted
        // One cell for the whole box: three tests, two valid, the mean of their downloads, no single id.
        var whole = Assert.Single(store.PointCells(box, 1, 1, ndt7));
        Assert.Equal((3, 2, 0, null), (whole.Tests, whole.Valid, whole.Synthetic, whole.Id));
        Assert.Equal(80.25, whole.MeanDownMbps!.Value, 9);
        Assert.Equal(71.44, whole.Lon, 9);
        Assert.Equal(2, Assert.Single(store.PointCells(box, 1, 1, ndt7 with { Valid = true })).Tests);
        Assert.Empty(store.PointCells(new BBox(60, 40, 61, 41), 4, 4, new MeasurementFilter()));
    }
}

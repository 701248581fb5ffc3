using System.Data.Common;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Postgres;
using Npgsql;

namespace Dala.Storage.Tests.Contract;

/// <summary>
/// Intake edges, the same on both stores: a quarantined line keeps no whole client address (/24, /48 as everywhere
/// else), and an Ookla tile faster than 100 Mbit/s (100,000 kbit/s) is stored with its speed in Mbit/s.
/// </summary>
public class IntakeEdgeTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_quarantined_line_is_kept_with_the_client_network_not_the_address(string kind)
    {
        var (t, store, intake) = MeasurementTests.Setup(kind);
        using var _ = t;
        var ndjson = intake.AcceptNdjson(
            "{\"time\":\"2026-10-07T10:00:00Z\",\"downMbps\":-3,\"clientIp\":\"95.56.12.201\"}\n" +
            "{\"time\":\"2026-10-07T10:00:00Z\",\"downMbps\":5,\"clientIp\":\"2a02:a0:1234:5678:9abc::1\",\"lat\":200,\"lon\":1}\n" +
            "{\"time\":\"2026-10-07T10:00:00Z\",\"clientIp\":\"2.133.10.20\",broken\n", "batch-ip", MeasurementSource.Import);
        Assert.Equal(3, ndjson.Quarantined);
        var csv = intake.ImportFile(t.Dir.Write("field.csv", "time,down_mbps,client_ip\n2026-09-01T09:00:00Z,abc,5.34.77.123\n"));
        Assert.Equal((1, 1), (csv.Lines, csv.Quarantined));

        var kept = store.Quarantine(10);
        Assert.Equal(4, kept.Count);
        var text = string.Join("\n", kept.Select(q => q.Content + " | " + string.Join("; ", q.Reasons)));
        foreach (var (whole, network) in new[] { ("95.56.12.201", "95.56.12.0/24"), ("2a02:a0:1234:5678:9abc::1", "2a02:a0:1234::/48"),
                     ("2.133.10.20", "2.133.10.0/24"), ("5.34.77.123", "5.34.77.0/24") })
        {
            Assert.DoesNotContain(whole, text, StringComparison.Ordinal);
            Assert.Contains(network, text, StringComparison.Ordinal);
        }
        Assert.Equal("2026-09-01T09:00:00Z,abc,5.34.77.0/24", kept.Single(q => q.Origin == "field.csv").Content);
        Assert.Contains("\"clientIp\":\"95.56.12.0/24\"", kept.Single(q => q.Origin == "batch-ip" && q.Line == 1).Content, StringComparison.Ordinal);

        // A rerun of the same lines finds them already quarantined.
        Assert.Equal(3, intake.AcceptNdjson(
            "{\"time\":\"2026-10-07T10:00:00Z\",\"downMbps\":-3,\"clientIp\":\"95.56.12.201\"}\n" +
            "{\"time\":\"2026-10-07T10:00:00Z\",\"downMbps\":5,\"clientIp\":\"2a02:a0:1234:5678:9abc::1\",\"lat\":200,\"lon\":1}\n" +
            "{\"time\":\"2026-10-07T10:00:00Z\",\"clientIp\":\"2.133.10.20\",broken\n", "batch-ip", MeasurementSource.Import).Quarantined);
        Assert.Equal(4, store.Counts().Quarantined);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_Ookla_tile_above_100_000_kbps_is_stored_in_Mbit_s_and_an_absurd_one_is_quarantined(string kind)
    {
        var (t, store, intake) = MeasurementTests.Setup(kind);
        using var _ = t;
        var quadkey = Quadkey.At(new LonLat(71.43, 51.13), 16);
        var r = intake.ImportFile(t.Dir.Write("2025-07-01_performance_fixed_tiles.csv", "quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices\n" +
                                                                                     $"{quadkey},250000,95500,7,40,11\n" +
                                                                                     $"{quadkey},100000001,1000,7,40,11\n"));
        Assert.Equal((2, 1, 1), (r.Lines, r.Stored, r.Quarantined));
        Assert.Equal(["downKbps: 100000001 kbit/s is not plausible (more than 100 Gbit/s)"], r.Results[1].Reasons);
        Assert.Equal(1, store.Counts().Tiles);
        Assert.Equal((250.0, 95.5), StoredTileSpeeds(t));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_counts_say_how_many_tests_and_valid_tests_are_synthetic(string kind)
    {
        var (t, store, intake) = MeasurementTests.Setup(kind);
        using var _ = t;
        const string Line = "{{\"id\":\"{0}\",\"time\":\"2026-10-05T10:00:00Z\",\"downMbps\":50,\"bytes\":{1},\"durationS\":10,\"source\":\"ndt7-client\"{2}}}\n";
        string L(string id, int bytes, bool synthetic) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, id, bytes, synthetic ? ",\"synthetic\":true" : "");
        var r = intake.AcceptNdjson(L("s1", 9_000_000, true) + L("s2", 9_000_000, true) + L("s3", 100, true) + L("o1", 9_000_000, false) + L("o2", 100, false),
            "mixed", MeasurementSource.Import);
        Assert.Equal((5, 2), (r.Stored, r.Invalid));
        var synthetic = intake.ImportFile(t.Dir.Write("2025-07-01_tiles.csv", "quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices,synthetic\n1202102332221212,1000,1000,9,3,2,true\n"));
        Assert.Equal(1, synthetic.Stored);
        Assert.Equal(new MeasurementCounts(5, 3, 2, 1, 0, 3, 2), store.Counts());
    }

    /// <summary>No store query returns tiles one by one (they are aggregates, outside the statistics), so read the row.</summary>
    private static (double Down, double Up) StoredTileSpeeds(TestStore t)
    {
        using DbConnection c = t.Kind == TestStore.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.Spec};Pooling=False")
            : new NpgsqlConnection(PostgresLocation.Parse(t.Spec).ConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT down_mbps, up_mbps FROM measurements WHERE kind = 1";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        var speeds = (reader.GetDouble(0), reader.GetDouble(1));
        Assert.False(reader.Read());
        return speeds;
    }
}

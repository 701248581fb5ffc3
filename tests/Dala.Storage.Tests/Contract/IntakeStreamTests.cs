using System.Globalization;
using System.Text;
using Dala.Quality.Aggregates;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;

namespace Dala.Storage.Tests.Contract;

/// <summary>
/// A file streams from the reader to the store: duplicates are found by the store's key (within the file and against
/// what is stored), every line is accounted for, a file that fails part-way leaves nothing, and the aggregates read
/// from the packed values equal a plain type-7 computation. The same on both stores.
/// </summary>
public class IntakeStreamTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    /// <summary>Lines of the largest batch any store takes (PostgreSQL's COPY): inputs longer than it cross batch boundaries in every store.</summary>
    private const int Batch = PostgresMeasurementStore.CopyLines > MeasurementIntake.PipelineBatch ? PostgresMeasurementStore.CopyLines : MeasurementIntake.PipelineBatch;

    private const string Header = "id,time,lon,lat,down_mbps,up_mbps,latency_ms,operator,source\n";

    private static string Row(string id, int day, double down, string op = "kcell", double lon = 71.43, double lat = 51.13, string month = "2026-10") =>
        string.Create(CultureInfo.InvariantCulture, $"{id},{month}-{day:00}T10:00:00Z,{lon},{lat},{down},{down / 4},{10 + day},{op},inspector\n");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Repeated_ids_within_a_file_and_against_the_store_are_duplicates_and_every_line_is_counted(string kind)
    {
        var (t, store, intake) = MeasurementTests.Setup(kind);
        using var _ = t;
        Assert.Equal(2, intake.AcceptNdjson(
            "{\"id\":\"old-1\",\"time\":\"2026-10-01T10:00:00Z\",\"downMbps\":5,\"source\":\"inspector\"}\n" +
            "{\"id\":\"old-2\",\"time\":\"2026-10-01T10:00:00Z\",\"downMbps\":6,\"source\":\"inspector\"}\n", "api", MeasurementSource.Import).Stored);
        // More lines than one batch, so that repeats cross batch boundaries; some bad lines; two ids stored before.
        var csv = new StringBuilder(Header);
        var lines = 0;
        var expectedNew = new HashSet<string>();
        for (var i = 0; i < Batch + 3000; i++)
        {
            var id = i % 7 == 3 ? $"rep-{i % 50}" : $"t-{i}";
            if (i == 100) id = "old-1";
            if (i == Batch + 5) id = "old-2";
            if (i % 1000 == 999) { csv.Append(CultureInfo.InvariantCulture, $"{id},2026-10-05T10:00:00Z,71.43,51.13,abc,1,1,kcell,inspector\n"); lines++; continue; }
            csv.Append(Row(id, 1 + i % 28, 1 + i % 300));
            lines++;
            if (!id.StartsWith("old-", StringComparison.Ordinal)) expectedNew.Add(id);
        }
        var r = intake.ImportFile(t.Dir.Write("dups.csv", csv.ToString()));
        Assert.Null(r.FileError);
        Assert.Equal(lines, r.Lines);
        Assert.Equal(expectedNew.Count, r.Stored);
        Assert.Equal(r.Lines - r.Stored - r.Duplicates, r.Quarantined);
        Assert.Equal(lines / 1000, r.Quarantined);
        Assert.Equal(r.Quarantined, r.QuarantineReasons["down"]);
        Assert.Equal(expectedNew.Count + 2, store.Counts().Measurements);
        Assert.Equal(r.Quarantined, store.Counts().Quarantined);
        // A file keeps the outcomes of its first lines only, and a sample of its quarantined lines.
        Assert.Equal(MeasurementIntake.FileLineResults, r.Results.Count);
        Assert.Equal(Enumerable.Range(2, MeasurementIntake.FileLineResults), r.Results.Select(x => x.Line));
        Assert.Equal(IntakeResult.DuplicateStatus, r.Results[100].Status);
        Assert.Equal(IntakeResult.StoredStatus, r.Results[3].Status);   // the first rep-3
        Assert.Equal(IntakeResult.DuplicateStatus, r.Results[353].Status); // rep-3 again (i = 353)
        Assert.Equal(r.Quarantined, r.QuarantineSample.Count);
        Assert.All(r.QuarantineSample, q => Assert.Equal("down: 'abc' is not a number", Assert.Single(q.Reasons)));

        var again = intake.ImportFile(t.Dir.Write("dups.csv", csv.ToString()));
        Assert.Equal((0, r.Lines - r.Quarantined), (again.Stored, again.Duplicates));
        Assert.Equal(expectedNew.Count + 2, store.Counts().Measurements);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_file_that_fails_after_whole_batches_were_written_leaves_nothing(string kind)
    {
        var (t, store, intake) = MeasurementTests.Setup(kind);
        using var _ = t;
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 2 * Batch + 10; i++) csv.Append(Row($"a-{i}", 1 + i % 28, 50 + i % 100));
        csv.Append("a-x,2026-10-05T10:00:00Z,71.43,51.13,\"unterminated,1,1,kcell,inspector\n");
        var r = intake.ImportFile(t.Dir.Write("broken.csv", csv.ToString()));
        Assert.Contains("ends inside a quoted field", r.FileError);
        Assert.Equal(new MeasurementCounts(0, 0, 0, 0, 0, 0, 0), store.Counts());
        Assert.Empty(store.Aggregate(new AggregateQuery(GroupBy.None)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_writer_disposed_without_commit_writes_nothing_even_for_a_bulk_load(string kind)
    {
        var (t, store, _) = MeasurementTests.Setup(kind);
        using var __ = t;
        var ms = Enumerable.Range(0, 50).Select(i => Test($"w-{i}", "KZ-71", "kcell", "2026-10", 10 + i)).ToArray();
        using (var w = store.BeginAppend(SqliteMeasurementStore.BulkLines))
        {
            var isNew = new bool[ms.Length];
            Assert.Equal(50, w.Add(ms, [], isNew));
            Assert.All(isNew, b => Assert.True(b));
        }
        Assert.Equal(0, store.Counts().Measurements);
        Assert.Empty(store.Aggregate(new AggregateQuery(GroupBy.None)));
        using (var w = store.BeginAppend(SqliteMeasurementStore.BulkLines))
        {
            var isNew = new bool[3];
            Assert.Equal(2, w.Add([ms[0], ms[1], ms[0]], [], isNew));
            Assert.Equal(new[] { true, true, false }, isNew);
            w.Commit();
        }
        Assert.Equal(2, store.Counts().Measurements);
        Assert.Equal(2, Assert.Single(store.Aggregate(new AggregateQuery(GroupBy.None))).Tests);
    }

    [Fact]
    public void A_bulk_load_sets_the_secondary_indexes_aside_and_builds_them_again_in_the_same_transaction()
    {
        var (t, store, _) = MeasurementTests.Setup(TestStore.Sqlite);
        using var _ = t;
        string[] Indexes() => Query(t, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'measurements' AND sql IS NOT NULL ORDER BY name");
        var before = Indexes();
        Assert.Contains("measurements_groups", before);
        Assert.Contains("measurements_time", before);
        using (var w = store.BeginAppend(SqliteMeasurementStore.BulkLines))
        {
            w.Add([Test("b-1", "KZ-71", "kcell", "2026-10", 5)], []);
        }
        Assert.Equal(before, Indexes());
        using (var w = store.BeginAppend(SqliteMeasurementStore.BulkLines))
        {
            w.Add([Test("b-1", "KZ-71", "kcell", "2026-10", 5), Test("b-2", "KZ-75", "kcell", "2026-09", 7)], []);
            w.Commit();
        }
        Assert.Equal(before, Indexes());
        Assert.Equal(["ok"], Query(t, "PRAGMA integrity_check"));
        var recent = store.Recent(new MeasurementFilter(Region: "KZ-75"), 10);
        Assert.Equal("b-2", Assert.Single(recent).Id);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Aggregates_equal_a_plain_type_7_computation_for_groups_of_every_size_and_every_filter(string kind)
    {
        var (t, store, _) = MeasurementTests.Setup(kind);
        using var _ = t;
        var rng = new Random(11);
        var all = new List<Measurement>();
        var sizes = new[] { 1, 2, 3, 4, 10, 57, 400 };
        var g = 0;
        foreach (var region in new[] { "KZ-71", "KZ-75" })
        foreach (var op in new[] { "kcell", "beeline" })
        foreach (var month in new[] { "2026-09", "2026-10" })
        {
            var n = sizes[g++ % sizes.Length];
            for (var i = 0; i < n; i++)
            {
                // Rounded values, so that there are ties; some tests lack upload or latency; some synthetic, some invalid, some tiles.
                var down = Math.Round(rng.NextDouble() * 250, 1);
                var m = Test($"g{all.Count}", region, op, month, down) with
                {
                    UpMbps = i % 5 == 4 ? null : Math.Round(down / 3, 2), LatencyMs = i % 3 == 2 ? null : rng.Next(5, 60),
                    Synthetic = i % 4 == 1,
                };
                if (i % 9 == 8) m = m with { Valid = false, Reasons = [Rules.TooFewBytes] };
                if (i % 11 == 10) m = m with { Kind = MeasurementKind.Tile };
                all.Add(m);
            }
        }
        // In several appends, so that groups have several chunks.
        foreach (var part in all.Chunk(97)) store.Append(part, []);
        var queries = new[]
        {
            new AggregateQuery(GroupBy.Region | GroupBy.Operator | GroupBy.Month),
            new AggregateQuery(GroupBy.None),
            new AggregateQuery(GroupBy.Operator, Region: "KZ-75"),
            new AggregateQuery(GroupBy.Month | GroupBy.Region, Operator: "kcell", IncludeSynthetic: false),
            new AggregateQuery(GroupBy.Region, Month: "2026-09"),
            new AggregateQuery(GroupBy.Operator, Region: "KZ-00"),
        };
        foreach (var q in queries)
        {
            var expected = all.Where(m => m.Kind == MeasurementKind.Test && m.Valid && (q.IncludeSynthetic || !m.Synthetic) &&
                                          (q.Region is null || m.RegionCode == q.Region) && (q.Operator is null || m.OperatorId == q.Operator) &&
                                          (q.Month is null || MeasurementColumns.Month(m.Time) == q.Month))
                .GroupBy(m => (q.By.HasFlag(GroupBy.Region) ? m.RegionCode : null, q.By.HasFlag(GroupBy.Operator) ? m.OperatorId : null,
                    q.By.HasFlag(GroupBy.Month) ? MeasurementColumns.Month(m.Time) : null))
                .Select(x =>
                {
                    var acc = new GroupAccumulator(x.Key.Item1, x.Key.Item2, x.Key.Item3);
                    foreach (var m in x) acc.Add(m.DownMbps, m.UpMbps, m.LatencyMs);
                    return acc.ToStats();
                })
                .Order(GroupStats.Order).ToArray();
            var actual = store.Aggregate(q);
            Assert.Equal(expected.Length, actual.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal((expected[i].Region, expected[i].Operator, expected[i].Month, expected[i].Tests),
                    (actual[i].Region, actual[i].Operator, actual[i].Month, actual[i].Tests));
                AssertSpread(expected[i].Down, actual[i].Down);
                AssertSpread(expected[i].Up, actual[i].Up);
                AssertSpread(expected[i].Latency, actual[i].Latency);
                Assert.Equal(expected[i].ShareAtLeast100 ?? -1, actual[i].ShareAtLeast100 ?? -1, 12);
            }
        }
        Assert.Contains(store.Aggregate(queries[0]), x => x.Tests == 1);
    }

    private static void AssertSpread(Spread? expected, Spread? actual)
    {
        if (expected is null) { Assert.Null(actual); return; }
        Assert.NotNull(actual);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.P10, actual.P10, 9);
        Assert.Equal(expected.Median, actual.Median, 9);
        Assert.Equal(expected.P90, actual.P90, 9);
    }

    private static Measurement Test(string id, string region, string op, string month, double down) => new()
    {
        Id = id, Time = DateTimeOffset.Parse(month + "-15T12:00:00Z", CultureInfo.InvariantCulture), RegionCode = region, OperatorId = op,
        DownMbps = down, UpMbps = down / 4, LatencyMs = 20, Source = MeasurementSource.Inspector, Dataset = "test",
    };

    private static string[] Query(TestStore t, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.Spec};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return [.. list];
    }
}

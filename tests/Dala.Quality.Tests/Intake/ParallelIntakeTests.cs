using System.Globalization;
using System.Text;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Testing;

namespace Dala.Quality.Tests.Intake;

/// <summary>
/// A file read on one thread and built on several gives what the plain sequential run gives, line for line: counts,
/// the first lines' outcomes, the quarantine sample and reasons, and the very batches the store is handed, in file
/// order. An error on a builder or in the store stops the intake and nothing is committed.
/// </summary>
public sealed class ParallelIntakeTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly FakeClock Clock = FakeClock.At("2026-12-01T00:00:00Z");

    public void Dispose() => _dir.Dispose();

    private static MeasurementIntake Intake(RecordingStore store, int builders, int? batch = MeasurementIntake.PipelineBatch, int block = 1024,
        Func<RawLine, IntakeContext, (Measurement?, IReadOnlyList<string>)>? build = null) =>
        new(new TwoRegions(), store, Clock, new OperatorPrefixes([("5.34.0.0/16", "kcell")]))
        {
            Builders = builders, BatchLines = batch, BlockLines = block, Build = build ?? MeasurementBuilder.Build,
        };

    /// <summary>
    /// 1,500 lines of every kind, spread over every batch: good tests, repeated ids (within and across batches), lines
    /// without an id (hashed from their text), quoted fields and a quoted newline (the line numbers jump), rows with
    /// the wrong field count, unreadable and absurd values (quarantined), invalid tests (too few bytes, a private
    /// client), points near the regions' shared border and outside both.
    /// </summary>
    private static string Csv()
    {
        var b = new StringBuilder("id,time,lon,lat,down_mbps,up_mbps,latency_ms,bytes,duration_s,operator,source,client_ip,access\n");
        for (var i = 0; i < 1500; i++)
        {
            var id = i % 11 == 7 ? $"rep-{i % 20}" : i % 29 == 0 ? "" : $"t-{i}";
            var lon = i % 37 == 1 ? 71.9995 + (i % 3) * 0.0005 : i % 53 == 8 ? 80.5 : 70.2 + (i % 300) * 0.012;
            var lat = 50.1 + (i % 170) * 0.011;
            var down = i % 13 == 5 ? "abc" : i % 47 == 6 ? "-4" : (1 + i % 250 * 1.5).ToString(CultureInfo.InvariantCulture);
            var bytes = i % 17 == 3 ? "100" : "150000000";
            var op = i % 31 == 2 ? "\"kcell, \"\"the\"\" ltd\"" : i % 5 == 0 ? "" : "beeline";
            var ip = i % 23 == 4 ? "192.168.1.9" : i % 3 == 0 ? "5.34.7.9" : "";
            var time = i % 19 == 0 ? "2031-01-01T00:00:00Z" : $"2026-10-{1 + i % 28:00}T10:{i % 60:00}:00Z";
            var access = i % 43 == 4 ? "\"fibre\nor so\"" : i % 2 == 0 ? "fibre" : "";
            if (i % 41 == 9) { b.Append(CultureInfo.InvariantCulture, $"{id},{time},{lon},{lat}\n"); continue; }
            b.Append(CultureInfo.InvariantCulture, $"{id},{time},{lon},{lat},{down},{down.Length},12,{bytes},10,{op},ndt7-client,{ip},{access}\n");
        }
        return b.ToString();
    }

    /// <summary>Lines of the same kinds as NDJSON, with blank lines and some that are not JSON.</summary>
    private static string Ndjson()
    {
        var b = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            if (i % 61 == 3) { b.Append("{not json\n"); continue; }
            if (i % 67 == 5) b.Append('\n');
            var id = i % 11 == 7 ? $"\"id\":\"rep-{i % 20}\"," : i % 29 == 0 ? "" : $"\"id\":\"t-{i}\",";
            var down = i % 13 == 5 ? "\"abc\"" : (1 + i % 250 * 1.5).ToString(CultureInfo.InvariantCulture);
            var ip = i % 23 == 4 ? ",\"clientIp\":\"10.1.2.3\"" : i % 3 == 0 ? ",\"clientIp\":\"5.34.7.9\"" : "";
            b.Append(CultureInfo.InvariantCulture, $"{{{id}\"time\":\"2026-10-{1 + i % 28:00}T10:00:00Z\",\"lon\":{70.2 + (i % 300) * 0.012},")
                .Append(CultureInfo.InvariantCulture, $"\"lat\":{50.1 + (i % 170) * 0.011},\"downMbps\":{down},\"bytes\":{(i % 17 == 3 ? 100 : 150000000)},")
                .Append(CultureInfo.InvariantCulture, $"\"durationS\":10,\"source\":\"ndt7-client\"{ip}}}\n");
        }
        return b.ToString();
    }

    [Theory]
    [InlineData("mixed.csv", 64, 16)]
    [InlineData("mixed.csv", 7, 3)]
    [InlineData("mixed.csv", 50, 64)]
    [InlineData("mixed.csv", 1000, 1024)]
    [InlineData("mixed.ndjson", 64, 10)]
    public void Building_on_several_threads_gives_the_sequential_outcome_line_for_line(string name, int batch, int block)
    {
        var path = _dir.Write(name, name.EndsWith(".csv", StringComparison.Ordinal) ? Csv() : Ndjson());
        var plainStore = new RecordingStore();
        var plain = Intake(plainStore, builders: 0).ImportFile(path);
        var parallelStore = new RecordingStore();
        var threads = new HashSet<string?>();
        var parallel = Intake(parallelStore, builders: 2, batch, block, (raw, ctx) =>
        {
            lock (threads) threads.Add(Thread.CurrentThread.Name);
            return MeasurementBuilder.Build(raw, ctx);
        }).ImportFile(path);

        Assert.Null(plain.FileError);
        Assert.Contains("measurement intake builder", threads);
        Assert.True(plain.Lines > MeasurementIntake.FileLineResults && plain.Quarantined > MeasurementIntake.QuarantineSampleSize);
        Assert.True(plain.Duplicates > 0 && plain.Invalid > 0 && plain.StoredInvalid > 0);
        Assert.Equal((plain.Lines, plain.Stored, plain.Duplicates, plain.Quarantined, plain.Invalid, plain.StoredInvalid),
            (parallel.Lines, parallel.Stored, parallel.Duplicates, parallel.Quarantined, parallel.Invalid, parallel.StoredInvalid));
        Assert.Equal(Show(plain.Results), Show(parallel.Results));
        Assert.Equal(Show(plain.QuarantineSample), Show(parallel.QuarantineSample));
        Assert.Equal([.. plain.QuarantineReasons], [.. parallel.QuarantineReasons]); // same counts, same order
        // The store is handed the same measurements and quarantined lines in the same order, and commits once.
        Assert.Equal(plainStore.Batches.SelectMany(x => x.Measurements), parallelStore.Batches.SelectMany(x => x.Measurements));
        Assert.Equal(Show(plainStore.Batches.SelectMany(x => x.Quarantined)), Show(parallelStore.Batches.SelectMany(x => x.Quarantined)));
        Assert.Equal((1, 1), (plainStore.Commits, parallelStore.Commits));
        // The writer is handed batches of the given size (the last one may be smaller), whatever the blocks built.
        Assert.All(parallelStore.Batches.SkipLast(1), x => Assert.InRange(x.Measurements.Count + x.Quarantined.Count, batch, batch + block - 1));
        Assert.Equal(plainStore.Ids.Order(StringComparer.Ordinal), parallelStore.Ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void The_batches_are_as_long_as_the_writer_asks(int builders)
    {
        var store = new RecordingStore { BatchLines = 300 };
        var r = Intake(store, builders, batch: null, block: 64).ImportFile(_dir.Write("asked.csv", Csv()));
        Assert.Equal(1500, r.Lines);
        Assert.True(store.Batches.Count >= 3);
        var lengths = store.Batches.Select(x => x.Measurements.Count + x.Quarantined.Count).ToArray();
        Assert.Equal(r.Lines, lengths.Sum());
        // Built on one thread a batch is exactly as long; gathered from blocks it ends with the block that fills it.
        Assert.All(lengths.SkipLast(1), n => Assert.InRange(n, 300, builders == 0 ? 300 : 300 + 64 - 1));
    }

    [Fact]
    public void The_reader_and_builders_run_at_a_lower_priority_than_the_writer()
    {
        if (!OperatingSystem.IsLinux()) return; // setpriority(2) per thread is Linux's
        var nice = new HashSet<(string?, int)>();
        var caller = Thread.CurrentThread.Name;
        var r = Intake(new RecordingStore(), builders: 2, batch: 64, block: 16, build: (raw, ctx) =>
        {
            lock (nice) nice.Add((Thread.CurrentThread.Name, Nice()));
            return MeasurementBuilder.Build(raw, ctx);
        }).ImportFile(_dir.Write("nice.csv", Csv()));
        Assert.Equal(1500, r.Lines);
        var writer = Nice(); // the calling thread writes, and builds the first batch
        Assert.Contains((caller, writer), nice);
        Assert.Contains(("measurement intake builder", Math.Min(writer + 5, 19)), nice);
        Assert.DoesNotContain(nice, x => x.Item1 == "measurement intake builder" && x.Item2 != Math.Min(writer + 5, 19));
    }

    /// <summary>The calling thread's nice value: field 19 of /proc/thread-self/stat (after the command's closing parenthesis).</summary>
    private static int Nice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture); // field 3 is fields[0]
    }

    [Fact]
    public void The_lines_reach_the_store_in_file_order()
    {
        var store = new RecordingStore();
        var r = Intake(store, builders: 2, batch: 16, block: 5).ImportFile(_dir.Write("order.csv", Csv()));
        var lines = store.Batches.SelectMany(x => x.Quarantined.Select(q => q.Line)).ToArray();
        Assert.Equal(lines.Order(), lines);
        Assert.Equal(r.Quarantined, lines.Length);
        Assert.Equal(r.Stored + r.Duplicates, store.Batches.Sum(x => x.Measurements.Count));
    }

    [Fact]
    public void An_error_on_a_builder_thread_stops_the_intake_and_nothing_is_committed()
    {
        var store = new RecordingStore();
        string? thread = null;
        var intake = Intake(store, builders: 2, batch: 32, block: 8, build: (raw, ctx) =>
        {
            if (raw.Line != 700) return MeasurementBuilder.Build(raw, ctx);
            thread = Thread.CurrentThread.Name;
            throw new InvalidOperationException("a bug on line 700");
        });
        var e = Assert.Throws<InvalidOperationException>(() => intake.ImportFile(_dir.Write("bug.csv", Csv())));
        Assert.Equal("a bug on line 700", e.Message);
        Assert.Equal("measurement intake builder", thread);
        Assert.Equal(0, store.Commits);
        Assert.Empty(store.Ids);
    }

    [Fact]
    public void An_error_in_the_store_stops_the_readers_and_builders_and_is_thrown_to_the_caller()
    {
        var store = new RecordingStore { FailOnAdd = 3 };
        var e = Assert.Throws<IOException>(() => Intake(store, builders: 2, batch: 32, block: 8).ImportFile(_dir.Write("full.csv", Csv())));
        Assert.Equal("the disk is full", e.Message);
        Assert.Equal((0, 3), (store.Commits, store.Batches.Count));
    }

    [Fact]
    public void A_file_that_breaks_after_many_batches_reports_its_line_and_commits_nothing()
    {
        var store = new RecordingStore();
        var r = Intake(store, builders: 2, batch: 32, block: 8).ImportFile(_dir.Write("broken.csv", Csv() + "x,2026-10-01T00:00:00Z,71,51,\"open\n"));
        Assert.Contains("ends inside a quoted field", r.FileError);
        Assert.Equal(0, store.Commits);
    }

    [Fact]
    public void An_input_of_one_batch_is_built_on_the_calling_thread()
    {
        var store = new RecordingStore();
        var threads = new HashSet<int>();
        var r = Intake(store, builders: 2, batch: 2000, build: (raw, ctx) =>
        {
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
            return MeasurementBuilder.Build(raw, ctx);
        }).ImportFile(_dir.Write("small.csv", Csv()));
        Assert.Equal([Environment.CurrentManagedThreadId], threads);
        Assert.Equal((1500, 1), (r.Lines, store.Commits));
    }

    private static string[] Show(IEnumerable<LineResult> results) =>
        [.. results.Select(x => $"{x.Line}|{x.Status}|{x.Id}|{x.Valid}|{string.Join(";", x.Reasons)}")];

    private static string[] Show(IEnumerable<QuarantinedLine> lines) =>
        [.. lines.Select(q => $"{q.Id}|{q.ReceivedAt:O}|{q.Origin}|{q.Line}|{q.Content}|{string.Join(";", q.Reasons)}")];
}

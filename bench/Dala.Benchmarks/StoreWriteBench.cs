using System.Diagnostics;
using Dala.Quality.Aggregates;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Sqlite;

namespace Dala.Benchmarks;

/// <summary>
/// <c>store-write STORE FILE</c>: what the SQLite store alone costs a test in a bulk load. The file is read and built
/// first (into memory, not timed), then the batches go into the store in one append, timed by wall clock and by the
/// process's CPU, with the share of adding and of COMMIT and the garbage collector's pauses:
/// <c>store-write: tests=... wall_us=... cpu_us=... (a test) add_us=... commit_us=... gc_pause_s=... gen2=...</c>.
/// </summary>
public static class StoreWriteBench
{
    public static int Run(string[] args)
    {
        var registry = new SqliteRegistryStore(args[1]);
        var capture = new CapturingStore();
        var intake = new MeasurementIntake(registry, capture, Geo.SystemClock.Instance, OperatorPrefixes.Empty);
        var r = intake.ImportFile(args[2]);
        if (r.FileError is not null) throw new InvalidOperationException(r.FileError);
        var store = new SqliteMeasurementStore(registry);
        GC.Collect();
        var pause = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var tests = 0L;
        double addSeconds;
        using (var w = store.BeginAppend(capture.Batches.Sum(b => (long)b.Count)))
        {
            foreach (var b in capture.Batches) tests += w.Add(b, []);
            addSeconds = wall.Elapsed.TotalSeconds;
            w.Commit();
        }
        var seconds = wall.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"store-write: tests={tests} wall_us={seconds * 1e6 / tests:F2} cpu_us={cpuSeconds * 1e6 / tests:F2} (a test) " +
                          $"add_us={addSeconds * 1e6 / tests:F2} commit_us={(seconds - addSeconds) * 1e6 / tests:F2} gc_pause_s={(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} gen2={GC.CollectionCount(2) - gen2}");
        return 0;
    }

    /// <summary>Keeps every batch it is given (bench only).</summary>
    private sealed class CapturingStore : AppendOnlyStore
    {
        public readonly List<List<Measurement>> Batches = [];

        public override IMeasurementWriter BeginAppend(long expected = 0) => new Writer(this);

        private sealed class Writer(CapturingStore store) : IMeasurementWriter
        {
            public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
            {
                store.Batches.Add([.. measurements]);
                if (!isNew.IsEmpty) isNew.Fill(true);
                return measurements.Count;
            }

            public void Commit() { }

            public void Dispose() { }
        }
    }
}

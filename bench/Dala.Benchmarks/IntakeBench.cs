using System.Diagnostics;
using System.Globalization;
using Dala.Quality.Aggregates;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Storage.Sqlite.Chunks;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace Dala.Benchmarks;

/// <summary>
/// Measurement intake and aggregates at scale (bench/intake-bench.sh runs each step in its own process):
/// <c>intake STORE FILE</c> imports a file and prints lines/s and the process's peak memory;
/// <c>aggregate SQLITE PG</c> times the exact p10/median/p90 by region x operator x month on our embedded store, on
/// PostgreSQL (percentile_cont) and on DuckDB (quantile_cont over the same rows, loaded from the SQLite store; only the
/// query is timed), and checks that all three give the same figures.
/// </summary>
public static class IntakeBench
{
    public static int Run(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        return args[0] switch
        {
            "intake" => Intake(args[1], args[2], args.Length > 3 ? args[3] : args[1].StartsWith("postgres", StringComparison.Ordinal) ? "postgres" : "sqlite"),
            "intake-read" => IntakeRead(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null,
                args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : MeasurementIntake.PipelineBatch,
                args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : null,
                args.Length > 6 ? double.Parse(args[6], CultureInfo.InvariantCulture) : 0),
            "aggregate" => Aggregate(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3),
            _ => throw new ArgumentException("intake STORE FILE [label] | intake-read FILE STORE [builders [batch [block [writer_us]]]] | aggregate SQLITE_STORE PG_STORE [runs]"),
        };
    }

    private static (IRegistryStore Registry, IMeasurementStore Measurements) Open(string spec) => spec.StartsWith("postgres", StringComparison.Ordinal)
        ? new PostgresRegistryStore(spec) is var p ? (p, new PostgresMeasurementStore(p)) : default
        : new SqliteRegistryStore(spec) is var s ? (s, new SqliteMeasurementStore(s)) : default;

    private static int Intake(string spec, string file, string label)
    {
        var (registry, measurements) = Open(spec);
        var intake = new MeasurementIntake(registry, measurements, Geo.SystemClock.Instance, OperatorPrefixes.Empty);
        var server = PostgresCpu();
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        var r = intake.ImportFile(file);
        var seconds = sw.Elapsed.TotalSeconds;
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - client).TotalSeconds;
        var gcPause = (GC.GetTotalPauseDuration() - pause).TotalSeconds;
        if (r.FileError is not null) throw new InvalidOperationException(r.FileError);
        var serverCpu = PostgresCpu() - server;
        Console.WriteLine($"intake-{label}: lines/s={r.Lines / seconds:F0} seconds={seconds:F1} peak_mb={PeakMb()} stored={r.Stored} " +
                          $"quarantined={r.Quarantined} duplicates={r.Duplicates} read={r.Lines} lost={r.Lines - r.Stored - r.Quarantined - r.Duplicates}" +
                          (spec.StartsWith("postgres", StringComparison.Ordinal) ? $" server_cpu_s={serverCpu:F1}" : "") +
                          $" client_cpu_s={clientCpu:F1} gc_pause_s={gcPause:F2}");
        return 0;
    }

    /// <summary>
    /// Reading and building alone: the file goes through the whole intake (registry and placement from STORE, read within the timed run as in a real import; builders: the builder threads, 0 for the
    /// sequential path, default as in the product; writer_us: CPU the writer spends a measurement, to stand in for a store) into a
    /// store whose writer counts and discards (<see cref="DiscardingStore"/>), so the figure is the ceiling the
    /// reading side sets, whatever the store. cpu_s is the process's CPU time (every thread), peak_mb its peak memory.
    /// </summary>
    private static int IntakeRead(string file, string spec, int? builders, int batch, int? block, double writerUs)
    {
        var (registry, _) = Open(spec);
        var sink = new DiscardingStore(writerUs);
        var intake = new MeasurementIntake(registry, sink, Geo.SystemClock.Instance, OperatorPrefixes.Empty)
        {
            Builders = builders ?? MeasurementIntake.DefaultBuilders, BatchLines = batch, BlockLines = block ?? MeasurementIntake.DefaultBlockLines,
        };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var sw = Stopwatch.StartNew();
        var r = intake.ImportFile(file);
        var seconds = sw.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (r.FileError is not null) throw new InvalidOperationException(r.FileError);
        Console.WriteLine($"intake-read: builders={intake.Builders} batch={intake.BatchLines} block={intake.BlockLines} writer_us={writerUs} lines/s={r.Lines / seconds:F0} seconds={seconds:F1} cpu_s={cpuSeconds:F1} cpu_us_per_line={cpuSeconds * 1e6 / r.Lines:F2} " +
                          $"peak_mb={PeakMb()} gc_pause_s={GC.GetTotalPauseDuration().TotalSeconds:F2} alloc_per_line={(GC.GetTotalAllocatedBytes() - allocated) / Math.Max(1, r.Lines)} gcs={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} " +
                          $"lines={r.Lines} built={sink.Measurements} quarantined={sink.Quarantined}");
        return 0;
    }

    private static int Aggregate(string sqlite, string pg, int runs)
    {
        var query = new AggregateQuery(GroupBy.Region | GroupBy.Operator | GroupBy.Month);
        var (_, ours) = Open(sqlite);
        var (_, peer) = Open(pg);
        var (oursSeconds, oursResult) = Best(runs, () => ours.Aggregate(query));
        var (pgSeconds, pgResult) = Best(1, () => peer.Aggregate(query));
        Console.WriteLine($"aggregate-vs-postgres: ours={oursSeconds:F2}s peer={pgSeconds:F2}s ratio={pgSeconds / oursSeconds:F1} groups={oursResult.Count} " +
                          $"same={Same(oursResult, pgResult)}");
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var rows = LoadDuck(sqlite, duck);
        var (duckSeconds, duckResult) = Best(runs, () => DuckAggregate(duck));
        Console.WriteLine($"aggregate-vs-duckdb: ours={oursSeconds:F2}s peer={duckSeconds:F2}s ratio={duckSeconds / oursSeconds:F2} rows={rows} " +
                          $"same={Same(oursResult, duckResult)}");
        return 0;
    }

    /// <summary>The measurement columns the aggregate reads, every row (tests, tiles, valid or not), into a DuckDB table.</summary>
    private static long LoadDuck(string sqlite, DuckDBConnection duck)
    {
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE measurements (region_code VARCHAR, operator_id VARCHAR, month VARCHAR, kind INTEGER, valid BOOLEAN, " +
                                 "synthetic BOOLEAN, down_mbps DOUBLE, up_mbps DOUBLE, latency_ms DOUBLE)";
            create.ExecuteNonQuery();
        }
        using var c = new SqliteConnection($"Data Source={sqlite};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        long n = 0;
        using (var appender = duck.CreateAppender("measurements"))
        {
            // Published tiles are rows; single tests are packed in chunks (read with the store's own decoder).
            cmd.CommandText = "SELECT region_code, operator_id, month, kind, valid, synthetic, down_mbps, up_mbps, latency_ms FROM measurements";
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    appender.CreateRow()
                        .AppendValue(r.IsDBNull(0) ? null : r.GetString(0)).AppendValue(r.IsDBNull(1) ? null : r.GetString(1)).AppendValue(r.GetString(2))
                        .AppendValue(r.GetInt32(3)).AppendValue(r.GetInt64(4) != 0).AppendValue(r.GetInt64(5) != 0)
                        .AppendValue(r.IsDBNull(6) ? (double?)null : r.GetDouble(6)).AppendValue(r.IsDBNull(7) ? (double?)null : r.GetDouble(7))
                        .AppendValue(r.IsDBNull(8) ? (double?)null : r.GetDouble(8))
                        .EndRow();
                    n++;
                }
            }
            cmd.CommandText = "SELECT data FROM measurement_chunks";
            using var chunks = cmd.ExecuteReader();
            while (chunks.Read())
            {
                var chunk = new TestChunk((byte[])chunks.GetValue(0));
                for (var i = 0; i < chunk.Count; i++)
                {
                    appender.CreateRow()
                        .AppendValue(chunk.Region[i]).AppendValue(chunk.Operator[i]).AppendValue(chunk.Month[i])
                        .AppendValue(0).AppendValue(chunk.Valid[i] != 0).AppendValue(chunk.Synthetic[i] != 0)
                        .AppendValue(TestChunk.Real(chunk.Down[i])).AppendValue(TestChunk.Real(chunk.Up[i])).AppendValue(TestChunk.Real(chunk.Latency[i]))
                        .EndRow();
                    n++;
                }
            }
        }
        return n;
    }

    /// <summary>DuckDB's own exact percentiles (quantile_cont = type 7) with the same figures as ours.</summary>
    private static List<GroupStats> DuckAggregate(DuckDBConnection duck)
    {
        using var cmd = duck.CreateCommand();
        cmd.CommandText = """
            SELECT region_code, operator_id, month, count(*),
                   quantile_cont(down_mbps, [0.1, 0.5, 0.9]), count(down_mbps),
                   quantile_cont(up_mbps, [0.1, 0.5, 0.9]), count(up_mbps),
                   quantile_cont(latency_ms, [0.1, 0.5, 0.9]), count(latency_ms),
                   count(*) FILTER (WHERE down_mbps >= 100)
            FROM measurements WHERE kind = 0 AND valid
            GROUP BY region_code, operator_id, month
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<GroupStats>();
        while (r.Read())
        {
            Spread? S(int i) => r.IsDBNull(i) || r.GetInt64(i + 1) == 0 ? null
                : r.GetFieldValue<List<double>>(i) is var p ? new Spread(p[0], p[1], p[2], (int)r.GetInt64(i + 1)) : null;
            var downs = r.GetInt64(5);
            list.Add(new GroupStats(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), (int)r.GetInt64(3),
                S(4), S(6), S(8), downs == 0 ? null : (double)r.GetInt64(10) / downs));
        }
        return list;
    }

    /// <summary>Whether two results hold the same groups with the same figures (to 1e-9 relative: engines may interpolate in a different order).</summary>
    private static string Same(IReadOnlyList<GroupStats> a, IReadOnlyList<GroupStats> b)
    {
        var x = a.Order(GroupStats.Order).ToArray();
        var y = b.Order(GroupStats.Order).ToArray();
        if (x.Length != y.Length) return $"no(groups {x.Length} vs {y.Length})";
        static bool Close(double p, double q) => Math.Abs(p - q) <= 1e-9 * Math.Max(1, Math.Abs(p));
        static bool SameSpread(Spread? p, Spread? q) => p is null ? q is null :
            q is not null && p.Count == q.Count && Close(p.P10, q.P10) && Close(p.Median, q.Median) && Close(p.P90, q.P90);
        for (var i = 0; i < x.Length; i++)
        {
            var (g, h) = (x[i], y[i]);
            if (g.Region != h.Region || g.Operator != h.Operator || g.Month != h.Month || g.Tests != h.Tests || !SameSpread(g.Down, h.Down) ||
                !SameSpread(g.Up, h.Up) || !SameSpread(g.Latency, h.Latency) || !Close(g.ShareAtLeast100 ?? -1, h.ShareAtLeast100 ?? -1))
                return $"no(first difference: {g} vs {h})";
        }
        return "yes";
    }

    private static (double Seconds, T Result) Best<T>(int runs, Func<T> f)
    {
        var best = double.MaxValue;
        T result = default!;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = f();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return (best, result);
    }

    private static long PeakMb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) / 1024;

    /// <summary>CPU seconds used so far by the local PostgreSQL server's processes (0 when there is none on this machine).</summary>
    private static double PostgresCpu()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres") continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ticks / 100.0;
    }
}

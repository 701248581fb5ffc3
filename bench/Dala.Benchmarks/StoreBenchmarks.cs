using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dala.Geo;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Npgsql;

namespace Dala.Benchmarks;

/// <summary>
/// The two stores side by side: the 9,899-point OSM import (clipped, into a store holding the regions) and one
/// million connectivity records in one transaction. PostgreSQL comes from $DALA_BENCH_PG (bench/store-bench.sh
/// starts a throwaway server); without it only SQLite runs.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private IRegistryStore _store = null!;
    private string _cleanup = "";
    private ConnectivityRecord[] _million = [];

    [ParamsSource(nameof(Kinds))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Kinds() =>
        Environment.GetEnvironmentVariable("DALA_BENCH_PG") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [GlobalSetup]
    public void Global()
    {
        var settlements = new List<string>();
        using var reader = new StreamReader(SharedData.Kz("settlements-osm.csv"));
        reader.ReadLine();
        while (reader.ReadLine() is { } line) settlements.Add("osm-" + line[..line.IndexOf(',', StringComparison.Ordinal)]);
        var start = new DateOnly(2010, 1, 1);
        _million = Enumerable.Range(0, 1_000_000).Select(i => new ConnectivityRecord(settlements[i % settlements.Count],
            (Technology)(1 + i / settlements.Count % 6), "op" + (i % 3), 10 + i % 90, 5, start.AddDays(i / settlements.Count), "bench", false)).ToArray();
    }

    [IterationSetup]
    public void Setup()
    {
        if (Store == "sqlite")
        {
            _cleanup = SharedData.TempFile("store.db");
            _store = new SqliteRegistryStore(_cleanup);
        }
        else
        {
            var admin = PostgresLocation.Parse(Environment.GetEnvironmentVariable("DALA_BENCH_PG")!);
            var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
            using (var c = new NpgsqlConnection(admin.ConnectionString))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                cmd.ExecuteNonQuery();
            }
            admin.Database = name;
            _store = new PostgresRegistryStore(admin.ConnectionString);
        }
        if (!new RegionImporter(_store, SystemClock.Instance).Import(SharedData.Kz("regions-osm.geojson")).Committed)
            throw new InvalidOperationException("regions import failed");
    }

    [Benchmark(Description = "import HOT/OSM export (9,899 points, clipped)")]
    public int ImportHotOsm() =>
        new SettlementImporter(_store, SystemClock.Instance).Import(SharedData.Kz("hotosm_kaz_populated_places_points.geojson")).Stored;

    [Benchmark(Description = "insert 1,000,000 connectivity records (one transaction)")]
    public int InsertMillion()
    {
        using var w = _store.BeginWrite();
        w.UpsertConnectivity(_million);
        w.Commit();
        return _million.Length;
    }

    [IterationCleanup]
    public void Cleanup()
    {
        (_store as IDisposable)?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_cleanup.Length > 0) foreach (var f in new[] { _cleanup, _cleanup + "-wal", _cleanup + "-shm" }) File.Delete(f);
    }
}

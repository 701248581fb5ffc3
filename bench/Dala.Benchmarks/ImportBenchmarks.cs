using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dala.Geo;
using Dala.Registry.Import;
using Dala.Storage.Sqlite;

namespace Dala.Benchmarks;

/// <summary>Import of the 9,899-point HOT/OSM export, clipped to the 20 region polygons, into a fresh SQLite store.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _db = "";
    private SqliteRegistryStore _store = null!;

    [IterationSetup]
    public void Setup()
    {
        _db = SharedData.TempFile("import.db");
        _store = new SqliteRegistryStore(_db);
        if (!new RegionImporter(_store, SystemClock.Instance).Import(SharedData.Kz("regions-osm.geojson")).Committed)
            throw new InvalidOperationException("regions import failed");
    }

    [Benchmark(Description = "import HOT/OSM export (9,899 points, clipped)")]
    public int ImportHotOsmExport() =>
        new SettlementImporter(_store, SystemClock.Instance).Import(SharedData.Kz("hotosm_kaz_populated_places_points.geojson")).Stored;

    [IterationCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(f);
    }
}

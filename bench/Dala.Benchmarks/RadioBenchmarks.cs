using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dala.Geo;
using Dala.Radio;
using Dala.Radio.Coverage;
using Dala.Radio.Itm;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;

namespace Dala.Benchmarks;

/// <summary>One ITM point-to-point evaluation over a 500-point profile.</summary>
[MemoryDiagnoser]
public class ItmBenchmarks
{
    private ItmPointToPointInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var profile = TerrainProfile.Sample(45_000, 499, d => 300 + 80 * Math.Sin(d / 3_000) + 150 * Math.Exp(-Math.Pow((d - 22_000) / 2_000, 2)));
        _input = new ItmPointToPointInput(profile, 30, 1.5, 800, ItmEnvironment.ContinentalTemperate, ItmVariability.Median);
    }

    [Benchmark(Description = "ITM point-to-point, 500-point profile")]
    public double PointToPoint() => IrregularTerrainModel.PointToPoint(_input).BasicTransmissionLossDb;
}

/// <summary>
/// The national run: 2,000 synthetic sites against the 7,098 OSM settlements, each against the sites within 40 km,
/// ITM in area mode (no terrain) and with terrain profiles over a synthetic surface (every height an analytic
/// function, costlier than a cached SRTM lookup).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NationalCoverageBenchmarks
{
    private IReadOnlyList<Site> _sites = [];
    private CoverageTarget[] _targets = [];

    [Params(false, true)]
    public bool Terrain { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var db = SharedData.TempFile("national.db");
        var store = new SqliteRegistryStore(db);
        new RegionImporter(store, SystemClock.Instance).Import(SharedData.Kz("regions-osm.geojson"));
        new SettlementImporter(store, SystemClock.Instance).Import(SharedData.Kz("hotosm_kaz_populated_places_points.geojson"));
        new SyntheticSites(store, SystemClock.Instance).Seed(2000, 2026);
        var snap = store.ReadSnapshot();
        _sites = snap.Sites;
        _targets = snap.Settlements.Select(s => new CoverageTarget(s.Id, s.Location, s.Population.Count,
            s.Kind is SettlementKind.City ? Clutter.Urban : s.Kind is SettlementKind.Town ? Clutter.Suburban : Clutter.Rural)).ToArray();
    }

    [Benchmark(Description = "national run: 2,000 sites x 7,098 settlements (40 km)")]
    public int National()
    {
        var engine = new CoverageEngine(_sites, Terrain ? SyntheticInputs.Terrain() : null, new CoverageSettings(), new PatternLibrary());
        return engine.PredictAll(_targets).Count(p => p.Covered);
    }
}

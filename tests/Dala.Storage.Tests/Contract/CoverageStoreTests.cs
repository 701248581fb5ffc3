using Dala.Geo;
using Dala.Geo.Io;
using Dala.Radio.Coverage;
using Dala.Registry.Import;
using Dala.Registry.Scenario;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;
using NetTopologySuite.Geometries;

namespace Dala.Storage.Tests.Contract;

/// <summary>Coverage runs saved and read back whole on both stores; the latest wins.</summary>
public class CoverageStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    private static ICoverageStore Coverage(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteCoverageStore(s),
        PostgresRegistryStore p => new PostgresCoverageStore(p),
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_saved_run_reads_back_equal_and_the_latest_wins(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Coverage(t);
        Assert.Null(store.LatestRun());
        Assert.Null(store.LatestRunId());
        var road = new RoadCoverage("r1", "Astana – Karaganda", "trunk", 210.5, 180.25,
            GeoJsonGeometry.Factory.CreateLineString([new Coordinate(71.4, 51.1), new Coordinate(73.1, 49.8)]), true);
        var raster = new CoverageRasterFiles(new BBox(70, 49, 72, 51), 4, 4, 0.5, [1, 2, 3], [4, 5, 6, 7], "{\"title\":\"x\"}");
        var run = new CoverageRun(0, Clock.Now, "itm", false, true, "model=itm", 3,
            [new TargetPrediction("osm-1", "s1", "A", -95.5, 3.25, 60.1, 12.5, true, false, false, 2), TargetPrediction.None("osm-2")],
            [road], raster);
        var first = store.SaveRun(run);
        var second = store.SaveRun(run with { Model = "hata", Roads = [], Raster = null });
        Assert.True(second > first);
        Assert.Equal(second, store.LatestRunId());
        var latest = store.LatestRun()!;
        Assert.Equal(("hata", second), (latest.Model, latest.Id));
        Assert.Equal(run.Settlements, latest.Settlements);
        Assert.Empty(latest.Roads);
        Assert.Null(latest.Raster);
        Assert.Equal(Clock.Now, latest.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_national_run_saves_every_settlement_road_and_the_raster(string kind)
    {
        using var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(t.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticSites(t.Store, Clock).Seed(300, 9);
        var request = new CoverageRequest(new CoverageSettings(), null, false, null,
            SyntheticInputs.Roads(t.Store.ReadSnapshot().Settlements), new BBox(68, 41, 72, 44), 0.1);
        var outcome = new CoverageRunner(t.Store, Coverage(t), Clock).Run(request);
        var saved = Coverage(t).LatestRun()!;
        Assert.Equal(7098, saved.Settlements.Count);
        Assert.True(saved.Synthetic);
        Assert.Equal(outcome.Run.Settlements.OrderBy(p => p.TargetId, StringComparer.Ordinal), saved.Settlements);
        Assert.Equal(outcome.Run.Roads.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Km, r.CoveredKm)), saved.Roads.Select(r => (r.Id, r.Km, r.CoveredKm)));
        Assert.Equal(outcome.Run.Raster!.GeoTiff, saved.Raster!.GeoTiff);
        Assert.Equal((40, 30), (saved.Raster.Width, saved.Raster.Height));
        Assert.Contains(saved.Settlements, p => p.Covered);
    }
}

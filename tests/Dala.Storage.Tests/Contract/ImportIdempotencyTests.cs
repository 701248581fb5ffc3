using Dala.Registry.Export;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Scenario;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

public class ImportIdempotencyTests
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public static TheoryData<string> Kinds => TestStore.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Re_running_every_import_changes_nothing(string kind)
    {
        using var t = TestStore.Create(kind);
        var (store, dir) = (t.Store, t.Dir);
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        var conn = dir.Write("conn.csv", "osm_id,technology,operator,down_mbps,up_mbps,as_of\n2820274280,4G,Beeline,30,5,2024-01-01\n2820274280,fibre,Kazakhtelecom,100,50,2025-03-01\n");
        var first = new ConnectivityImporter(store, Clock).Import(conn);
        Assert.True(first.Committed, string.Join("\n", first.Rejected));
        Assert.Equal(2, first.Stored);
        var before = store.ReadSnapshot();

        var regions = new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson);
        var places = new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces);
        var again = new ConnectivityImporter(store, Clock).Import(conn);

        Assert.Equal((0, 20), (regions.Stored, regions.Unchanged));
        Assert.Equal((0, 7098), (places.Stored, places.Unchanged));
        Assert.Equal((0, 2), (again.Stored, again.Unchanged));
        SnapshotAssert.Same(before, store.ReadSnapshot());
        Assert.Equal(Technology.Fibre, new Registry.Query.RegistryView(store.ReadSnapshot(), new DateOnly(2026, 1, 1)).StatusOf("osm-2820274280").Technology);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Csv_reference_file_gives_the_same_settlements_as_the_geojson_export(string kind)
    {
        using var ta = TestStore.Create(kind);
        using var tb = TestStore.Create(kind);
        var (a, b) = (ta.Store, tb.Store);
        foreach (var s in new[] { a, b }) Assert.True(new RegionImporter(s, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(a, Clock).Import(SharedData.HotOsmPlaces).Committed);
        var csv = new SettlementImporter(b, Clock).Import(SharedData.SettlementsCsv);
        Assert.True(csv.Committed, string.Join("\n", csv.Rejected.Take(10)));
        var fromGeoJson = a.ReadSnapshot().Settlements.Select(s => (s.Id, s.RegionCode, s.Kind, s.Name.Local)).ToArray();
        var fromCsv = b.ReadSnapshot().Settlements.Select(s => (s.Id, s.RegionCode, s.Kind, s.Name.Local)).ToArray();
        Assert.Equal(fromGeoJson, fromCsv);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Exported_connectivity_imports_back_unchanged(string kind)
    {
        using var t = TestStore.Create(kind);
        var (store, dir) = (t.Store, t.Dir);
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(store, Clock).Seed();
        var path = dir.File("history.csv");
        using (var w = new StreamWriter(path)) ConnectivityExport.WriteCsv(w, store.ReadSnapshot());
        var back = new ConnectivityImporter(store, Clock).Import(path);
        Assert.True(back.Committed, string.Join("\n", back.Rejected.Take(5)));
        Assert.Equal(0, back.Stored);
        Assert.Equal(store.ReadSnapshot().Connectivity.Count, back.Unchanged);
    }
}

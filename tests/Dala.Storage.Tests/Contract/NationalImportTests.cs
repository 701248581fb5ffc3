using System.Globalization;
using Dala.Geo.Io;
using Dala.Registry.Import;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>The acceptance check of the spine: the real OSM regions and populated places of Kazakhstan.</summary>
public class NationalImportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Regions_then_hot_export_give_the_reference_counts_per_region(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = t.Store;
        var clock = FakeClock.At("2026-11-21T12:00:00Z");

        var regions = new RegionImporter(store, clock).Import(SharedData.RegionsGeoJson);
        Assert.True(regions.Committed, string.Join("\n", regions.Rejected));
        Assert.Equal(20, store.ReadSnapshot().Regions.Count);

        var places = new SettlementImporter(store, clock).Import(SharedData.HotOsmPlaces);
        Assert.True(places.Committed, string.Join("\n", places.Rejected.Take(20)));
        foreach (var (reason, n) in places.Skipped) output.WriteLine($"skipped {n}: {reason}");

        var snapshot = store.ReadSnapshot();
        // The reference counts name regions as the OSM file does ("Aqtöbe region"); the store keeps the registry's
        // spelling ("Aktobe Region").
        var expected = ReferenceCounts().ToDictionary(kv => Registry.Model.KazakhstanRegions.FindByName(kv.Key)?.En ?? kv.Key, kv => kv.Value);
        var actual = snapshot.Settlements.GroupBy(s => snapshot.RegionsByCode[s.RegionCode].Name.Local)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var (region, n) in expected) output.WriteLine($"{region}: expected {n}, got {actual.GetValueOrDefault(region)}");
        Assert.Equal(7098, snapshot.Settlements.Count);
        Assert.Equal(expected.OrderBy(k => k.Key), actual.OrderBy(k => k.Key));
        Assert.Equal(9899, places.Read);
    }

    private static Dictionary<string, int> ReferenceCounts()
    {
        using var reader = new StreamReader(SharedData.SettlementsCsv);
        var rows = CsvReader.Read(reader).ToList();
        var header = new CsvHeader(rows[0]);
        return rows.Skip(1).GroupBy(r => header.Get(r, "region_osmb")!).ToDictionary(g => g.Key, g => g.Count());
    }
}

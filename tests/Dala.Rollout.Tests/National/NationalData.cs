using Dala.Registry.Import;
using Dala.Registry.Query;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Rollout.Tests.National;

/// <summary>
/// The 7,098 OSM settlements of Kazakhstan with their regions, the SYNTHETIC connectivity scenario and the SYNTHETIC
/// 2,000-site layout in a real SQLite store, seen on 5 December 2026: what the national plan is made from.
/// </summary>
public sealed class NationalData : IDisposable
{
    public static readonly FakeClock Clock = FakeClock.At("2026-12-05T09:00:00Z");

    private readonly TempDir _dir = new();

    public NationalData()
    {
        Store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(Store, Clock).Seed();
        new SyntheticSites(Store, Clock).Seed(2000);
        View = new RegistryView(Store.ReadSnapshot(), DateOnly.FromDateTime(Clock.Now.UtcDateTime));
    }

    public SqliteRegistryStore Store { get; }

    public RegistryView View { get; }

    public void Dispose()
    {
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class NationalCollection : ICollectionFixture<NationalData>
{
    public const string Name = "national data";
}

using Dala.Geo;
using Dala.Registry.Import;
using Dala.Registry.Store;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Box filter, nearest and point-in-polygon are answered by the store; both stores and a brute force agree.</summary>
public class SpatialTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    private static TestStore National(string kind)
    {
        var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(t.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        return t;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Box_nearest_and_region_lookups_agree_with_brute_force(string kind)
    {
        using var t = National(kind);
        var snap = t.Store.ReadSnapshot();

        var box = new BBox(68.5, 42.0, 70.5, 43.5);
        var expectedBox = snap.Settlements.Where(s => box.Contains(s.Location)).Select(s => s.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expectedBox.Length > 50);
        Assert.Equal(expectedBox, t.Store.SettlementsInBox(box));
        Assert.Empty(t.Store.SettlementsInBox(new BBox(0, 0, 1, 1)));

        foreach (var p in new[] { new LonLat(71.43, 51.13), new LonLat(50.0, 45.0), new LonLat(82.6, 49.95), new LonLat(10, 10) })
        {
            var expected = snap.Settlements.Select(s => new Nearby(s.Id, GeoMath.DistanceKm(p, s.Location)))
                .OrderBy(n => n.DistanceKm).ThenBy(n => n.SettlementId, StringComparer.Ordinal).Take(12).ToArray();
            var actual = t.Store.NearestSettlements(p, 12);
            Assert.Equal(expected.Select(n => n.SettlementId), actual.Select(n => n.SettlementId));
            Assert.All(expected.Zip(actual), x => Assert.Equal(x.First.DistanceKm, x.Second.DistanceKm, 6));
        }

        foreach (var s in snap.Settlements.Where((_, i) => i % 97 == 0))
            Assert.Equal(s.RegionCode, t.Store.RegionAt(s.Location));
        Assert.Equal("KZ-71", t.Store.RegionAt(new LonLat(71.43, 51.13)));
        Assert.Null(t.Store.RegionAt(new LonLat(37.6, 55.75)));
    }
}

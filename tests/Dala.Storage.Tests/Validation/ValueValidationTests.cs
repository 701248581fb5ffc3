using Dala.Registry.Import;
using static Dala.Storage.Tests.Validation.ImportValidation;

namespace Dala.Storage.Tests.Validation;

/// <summary>Values an importer used to store as something else (or as unknown) without a word.</summary>
public sealed class ValueValidationTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_negative_infinite_or_absurd_population_is_rejected(string kind)
    {
        using var t = Store(kind);
        var path = t.Dir.Write("pop.csv", "id,name,kind,population,lon,lat,region\n" +
            "a1,A,village,-5,70.5,52.5,KZ-11\na2,B,village,1e400,70.5,52.5,KZ-11\na3,C,village,60000000,70.5,52.5,KZ-11\n" +
            "a4,D,village,12.5,70.5,52.5,KZ-11\na5,E,village,\"1,200\",70.5,52.5,KZ-11\n");
        var r = Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(path),
            "pop.csv:2: population: -5 is negative", "pop.csv:3: population: '1e400' is not a whole number",
            "pop.csv:4: population: 60000000 is more than the maximum 50,000,000", "pop.csv:5: population: '12.5' is not a whole number");
        Assert.Equal(4, r.Rejected.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_geojson_population_of_1e400_is_rejected_not_stored_as_unknown(string kind)
    {
        using var t = Store(kind);
        var path = t.Dir.Write("pop.geojson", Head + Point("A", 1, ", \"population\": 1e400") + ",\n" +
            Point("B", 2, ", \"population\": \"-5\"") + ",\n" + Point("C", 3, ", \"population\": \"1 500\"") + Tail);
        var r = Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(path),
            "pop.geojson:4: population: '1e400' is not a whole number", "pop.geojson:5: population: -5 is negative");
        Assert.Equal(2, r.Rejected.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_as_of_before_1991_or_after_tomorrow_is_rejected(string kind)
    {
        using var t = Store(kind);
        var path = t.Dir.Write("conn.csv", "settlement_id,technology,as_of\n" +
            "v1,4G,0001-01-01\nv1,4G,1990-12-31\nv1,4G,1991-01-01\nv1,fibre,2026-11-22\nv1,fibre,2026-11-23\n");
        var r = Rejected(t, () => new ConnectivityImporter(t.Store, Clock).Import(path),
            "conn.csv:2: as_of: 0001-01-01 is before 1991-01-01, the earliest date accepted",
            "conn.csv:3: as_of: 1990-12-31 is before 1991-01-01",
            "conn.csv:6: as_of: 2026-11-23 is in the future (after 2026-11-22, today + 1 day)");
        Assert.Equal(3, r.Rejected.Count);
    }
}

using Dala.Registry.Import;
using static Dala.Storage.Tests.Validation.ImportValidation;

namespace Dala.Storage.Tests.Validation;

/// <summary>Text an importer cannot store: lone surrogates in GeoJSON strings.</summary>
public sealed class TextValidationTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_lone_surrogate_in_a_settlement_name_is_a_named_rejection(string kind)
    {
        using var t = Store(kind);
        var path = t.Dir.Write("places.geojson", Head + Point("Ok", 1) + ",\n" + Point("Bad\\ud800", 2) + Tail);
        var r = Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(path),
            "places.geojson:5: name: is not valid text: it holds a lone UTF-16 surrogate escape");
        Assert.Single(r.Rejected);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_lone_surrogate_in_a_region_file_is_a_named_rejection(string kind)
    {
        using var t = Store(kind);
        var path = t.Dir.Write("regions.geojson", Head +
            "{ \"type\": \"Feature\", \"properties\": { \"name\": \"Akmola\", \"name:ru\": \"\\udc00x\" }, \"geometry\": " +
            "{ \"type\": \"Polygon\", \"coordinates\": [[[70,50],[71,50],[71,51],[70,50]]] } }" + Tail);
        Rejected(t, () => new RegionImporter(t.Store, Clock).Import(path),
            "regions.geojson:4: name:ru: is not valid text: it holds a lone UTF-16 surrogate escape");
    }
}

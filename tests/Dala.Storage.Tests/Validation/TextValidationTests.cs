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

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_nul_or_control_character_or_a_10_mb_name_is_rejected(string kind)
    {
        using var t = Store(kind);
        var huge = new string('a', 10 * 1024 * 1024);
        var path = t.Dir.Write("names.csv", "id,name,name_ru,kind,lon,lat,region\n" +
            "n1,A\0B,,village,70.5,52.5,KZ-11\n" + $"n2,{huge},,village,70.5,52.5,KZ-11\n" +
            "n3,C,\"line\nbreak\",village,70.5,52.5,KZ-11\n" + $"n4,{new string('b', 200)},,village,70.5,52.5,KZ-11\n");
        var r = Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(path),
            "names.csv:2: name: contains the control character U+0000 at character 2",
            "names.csv:3: name: is 10,485,760 characters long, more than the maximum 200",
            "names.csv:4: name_ru: contains the control character U+000A at character 5");
        Assert.Equal(3, r.Rejected.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_nul_in_a_geojson_name_a_kato_name_or_an_operator_is_rejected(string kind)
    {
        using var t = Store(kind);
        var geo = t.Dir.Write("nul.geojson", Head + Point("A\\u0000B", 1) + Tail);
        Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(geo), "nul.geojson:4: name: contains the control character U+0000 at character 2");
        var kato = t.Dir.Write("kato.csv", "id;parent_id;code;name\n1;0;110000000;Акмолинская\u0001 область\n");
        Rejected(t, () => new Registry.Kato.KatoImporter(t.Store, Clock).Import(kato).Report,
            "kato.csv:2: name: contains the control character U+0001 at character 12");
        var conn = t.Dir.Write("conn.csv", "settlement_id,technology,operator,as_of\nv1,4G,Beeline\u007F,2024-01-01\n");
        Rejected(t, () => new ConnectivityImporter(t.Store, Clock).Import(conn), "conn.csv:2: operator: contains the control character U+007F at character 8");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Bytes_that_are_not_utf8_are_rejected_with_their_line_not_replaced(string kind)
    {
        using var t = Store(kind);
        var csv = t.Dir.File("cp1251.csv");
        File.WriteAllBytes(csv, [.. "id,name,kind,lon,lat,region\nw1,Ok,village,70.5,52.5,KZ-11\nw2,"u8, 0xC0, 0xEA, .. ",village,70.5,52.5,KZ-11\n"u8]);
        Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(csv),
            "cp1251.csv:3: encoding: byte 0xC0 at byte 4 of the line is not UTF-8");
        var geo = t.Dir.File("bad.geojson");
        File.WriteAllBytes(geo, [.. System.Text.Encoding.UTF8.GetBytes(Head + Point("Ok", 1) + ",\n" + Point("X", 2).Replace("\"X\"", "\"X")), 0xFF,
            .. System.Text.Encoding.UTF8.GetBytes("\"" + Tail)]);
        Rejected(t, () => new SettlementImporter(t.Store, Clock).Import(geo), "bad.geojson:5: encoding: byte 0xFF");
        var utf16 = t.Dir.File("utf16.csv");
        File.WriteAllText(utf16, "settlement_id,technology,as_of\nv1,4G,2024-01-01\n", System.Text.Encoding.Unicode);
        Rejected(t, () => new ConnectivityImporter(t.Store, Clock).Import(utf16), "utf16.csv:1: encoding: the file is UTF-16: save it as UTF-8");
    }
}
